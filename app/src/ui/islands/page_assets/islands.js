// The islands' start (see page_assets.rs), a module script run once the page is parsed. The
// server puts the constants JS, WASM, LEAFLET_JS and LEAFLET_CSS before it.
//
// Nothing is asked for before the page's first paint: on a slow link the page's HTML, styles
// and fonts have the connection to themselves, and the bundle (130 KB), Leaflet and a map's
// markers come after them, all at once. (A tab opened in the background paints, and so
// starts its islands, when it is first shown.)
//
// Whole-line comments and blank lines are left out of the pages (`page_assets::islands_js`).
await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted)));

const load = (tag, props) =>
  new Promise((loaded, failed) => {
    const el = Object.assign(document.createElement(tag), props);
    el.onload = loaded;
    el.onerror = () => failed(new Error(`could not load ${props.href ?? props.src}`));
    document.head.append(el);
  });

// What an island will fetch once it runs (a map's markers), fetched now beside the bundle;
// the island's own request is then answered from the preload.
for (const el of document.querySelectorAll("[data-fetch]")) {
  load("link", { rel: "preload", as: "fetch", crossOrigin: "anonymous", href: el.dataset.fetch })
    .catch(console.error);
}
// Leaflet, when the page has a map: its failure leaves the map empty (the island says so in
// the console), not the other islands dead.
const leaflet = document.querySelector("[data-leaflet]")
  ? Promise.all([
      load("link", { rel: "stylesheet", href: LEAFLET_CSS }),
      load("script", { src: LEAFLET_JS }),
    ]).catch(console.error)
  : null;

const wasm = fetch(WASM);
const islands = await import(JS);
await islands.default({ module_or_path: wasm });
await leaflet;
// Leaflet's evaluation ends in the task that fires its `load`: the islands start in the next.
await new Promise((next) => setTimeout(next));
islands.hydrate();
for (const el of document.querySelectorAll("leptos-island")) {
  const hydrate = islands[el.dataset.component];
  if (hydrate) hydrate(el);
  else console.warn(`no island ${el.dataset.component}`);
}
