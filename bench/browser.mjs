// Browser figures, in Debian's Chromium through playwright-core (run by bench/run.mjs):
//   - page weight: bytes transferred (compressed, headers included) on a first visit to each
//     public page, by type (HTML, CSS, JS, WASM, fonts, data), map tiles excluded (none are
//     configured);
//   - the WASM bundle, raw / gzip -9 / brotli 11;
//   - the map: time from navigation until the clustered markers are drawn and answer a click
//     (a cluster zooms in, a marker opens its popup), on a desktop CPU and with the CPU slowed
//     4× as Lighthouse does for a phone.
import { chromium } from "playwright-core";
import fs from "node:fs";
import { publicPages } from "./pages.mjs";
import zlib from "node:zlib";

const fmtKB = (b) => `${(b / 1024).toFixed(1)} KB`;

/** The phone every first-visit figure is taken on (also bench/trace.mjs's). */
export const PHONE = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

/** Debian's Chromium, as the benchmarks drive it. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking"],
  });
}

function kindOf(url, contentType) {
  if (/\.wasm(\?|$)/.test(url) || contentType.includes("wasm")) return "wasm";
  if (contentType.includes("javascript")) return "js";
  if (contentType.includes("css")) return "css";
  if (contentType.includes("font") || /\.woff2?(\?|$)/.test(url)) return "font";
  if (contentType.includes("html")) return "html";
  if (contentType.includes("image")) return "image";
  return "data";
}

async function weigh(browser, url) {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const byKind = {};
  let total = 0;
  let count = 0;
  const pending = [];
  page.on("requestfinished", (request) => {
    pending.push(
      (async () => {
        const sizes = await request.sizes();
        const response = await request.response();
        const type = (response && (await response.headerValue("content-type"))) ?? "";
        const bytes = sizes.responseBodySize + sizes.responseHeadersSize;
        const kind = kindOf(request.url(), type);
        byKind[kind] = (byKind[kind] ?? 0) + bytes;
        total += bytes;
        count += 1;
      })(),
    );
  });
  await page.goto(url, { waitUntil: "load" });
  // Islands hydrate after load; give late requests (none expected) a moment.
  await page.waitForTimeout(500);
  await Promise.all(pending);
  await context.close();
  return { total, byKind, count };
}

async function mapTiming(browser, base, slowdown) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  if (slowdown > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: slowdown });
  }
  await page.goto(`${base}/`, { waitUntil: "commit" });
  const map = page.locator(".map--directory[data-ready]");
  await map.waitFor({ timeout: 60_000 });
  // Drawn: the mark the map sets when its markers are on it (performance.mark in leaflet_js).
  const drawn = await page.evaluate(
    () => performance.getEntriesByName("spazi-map-ready")[0]?.startTime ?? performance.now(),
  );
  const markers = Number(await page.locator(".map--directory").getAttribute("data-markers"));
  // Interactive: a cluster zooms in on click, and a marker opens its popup.
  const t0 = await page.evaluate(() => performance.now());
  // Clusters are clicked until a single marker shows inside the map (a dense cluster opens into
  // smaller ones): each time the smallest cluster inside the map's frame, which reaches single
  // markers in the fewest zooms. Markers outside the frame are clipped and cannot be clicked.
  await page.locator(".map--directory").scrollIntoViewIfNeeded();
  const inFrame = (selector) =>
    page.evaluate((selector) => {
      const frame = document.querySelector(".map--directory").getBoundingClientRect();
      let best = -1;
      let fewest = Infinity;
      document.querySelectorAll(selector).forEach((el, i) => {
        const r = el.getBoundingClientRect();
        const [x, y] = [r.left + r.width / 2, r.top + r.height / 2];
        const inside = r.width > 0 && x > frame.left + 20 && x < frame.right - 20 &&
          y > frame.top + 20 && y < frame.bottom - 20 && y > 0 && y < innerHeight;
        const count = Number(el.textContent.trim()) || 1;
        if (inside && count < fewest) [best, fewest] = [i, count];
      });
      return best;
    }, selector);
  const MARKER = ".leaflet-marker-icon.space-marker";
  const ZOOMABLE = ".marker-cluster:not(.marker-cluster--here)";
  let clicks = 0;
  let target = await inFrame(MARKER);
  while (target < 0 && clicks < 20) {
    // Spaces sharing one spot (marker-cluster--here) open a list rather than zoom in.
    const index = await inFrame(ZOOMABLE);
    if (index < 0) break;
    const zoom = await page.locator(".map--directory").getAttribute("data-zoom");
    await page.locator(ZOOMABLE).nth(index).click();
    clicks += 1;
    // The map redraws its discs for the new zoom and says so (data-zoom).
    await page.waitForFunction(
      (zoom) => document.querySelector(".map--directory").getAttribute("data-zoom") !== zoom,
      zoom,
    );
    target = await inFrame(MARKER);
  }
  const clicked = clicks ? `${clicks} cluster click${clicks > 1 ? "s" : ""}` : "none";
  if (target < 0) throw new Error(`no single marker inside the map after ${clicked}`);
  await page.locator(MARKER).nth(target).click();
  await page.locator(".leaflet-popup-content a").first().waitFor({ timeout: 10_000 });
  const t1 = await page.evaluate(() => performance.now());
  await context.close();
  return { drawn, markers, clicked, interaction: t1 - t0 };
}

export async function browserBench({ base, label, root }) {
  console.log(`\n\x1b[1m==> Browser (${label})\x1b[0m`);
  const browser = await launchChromium();
  try {
    const pages = await publicPages(base);
    console.log("First visit, 360×740 phone, bytes on the wire (compressed, with headers):");
    console.log("| page | total | HTML | CSS | JS | WASM | fonts | other | requests |");
    console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (const [name, path] of pages) {
      const w = await weigh(browser, base + path);
      const k = (kind) => fmtKB(w.byKind[kind] ?? 0);
      const other = (w.byKind.data ?? 0) + (w.byKind.image ?? 0);
      console.log(
        `| ${name} (${path}) | **${fmtKB(w.total)}** | ${k("html")} | ${k("css")} | ${k("js")} | ` +
          `${k("wasm")} | ${k("font")} | ${fmtKB(other)} | ${w.count} |`,
      );
    }

    const pkg = `${root}/target/site/pkg`;
    const wasmFile = fs.readdirSync(pkg).find((f) => f.endsWith(".wasm"));
    const wasm = fs.readFileSync(`${pkg}/${wasmFile}`);
    const br = zlib.brotliCompressSync(wasm, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length;
    const gz = zlib.gzipSync(wasm, { level: 9 }).length;
    console.log(`WASM ${wasmFile}: ${fmtKB(wasm.length)} raw, ${fmtKB(gz)} gzip -9, ${fmtKB(br)} brotli 11`);

    for (const slowdown of [1, 4]) {
      const m = await mapTiming(browser, base, slowdown);
      console.log(
        `map with ${m.markers} spaces, CPU ${slowdown}× slower: markers drawn ${m.drawn.toFixed(0)} ms ` +
          `after navigation; ${m.clicked}, then a marker's popup: ${m.interaction.toFixed(0)} ms`,
      );
    }
  } finally {
    await browser.close();
  }
}
