// Copies the browser assets Spazi serves from its own origin (never a CDN) out of the npm
// packages pinned in package.json into public/, with their licences. Run by scripts/setup.sh.
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const nm = (...p) => join(root, "node_modules", ...p);
const pub = (...p) => join(root, "public", ...p);

function copy(from, to) {
  mkdirSync(join(to, ".."), { recursive: true });
  cpSync(from, to, { recursive: true });
}

rmSync(pub("vendor"), { recursive: true, force: true });
rmSync(pub("fonts"), { recursive: true, force: true });

// Leaflet 1.9.4 (BSD-2-Clause)
for (const f of ["leaflet.js", "leaflet.css", "images"]) {
  copy(nm("leaflet", "dist", f), pub("vendor", "leaflet", f));
}
copy(nm("leaflet", "LICENSE"), pub("vendor", "leaflet", "LICENSE"));

// Titillium Web (SIL Open Font License 1.1), the Designers Italia typeface: the weights we use.
for (const subset of ["latin", "latin-ext"]) {
  for (const weight of ["400", "600", "700"]) {
    const f = `titillium-web-${subset}-${weight}-normal.woff2`;
    copy(nm("@fontsource", "titillium-web", "files", f), pub("fonts", f));
  }
}
copy(nm("@fontsource", "titillium-web", "LICENSE"), pub("fonts", "LICENSE"));
console.log("assets copied into public/vendor and public/fonts");
