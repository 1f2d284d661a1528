// The public pages every browser figure covers (bench/browser.mjs, bench/lighthouse.mjs); the
// space page is the first one the map page links to.
export async function publicPages(base) {
  const home = await (await fetch(`${base}/`)).text();
  const slug = (home.match(/href="\/spazi\/([^"?#]+)"/) ?? [])[1];
  return [
    ["map", "/"],
    ["space", `/spazi/${slug}`],
    ["events", "/eventi"],
    ["event", "/eventi/lancio-forum-2022"],
    ["join", "/aderisci"],
    ["open data", "/dati-aperti"],
    // What other sites frame (the same budgets as the map), and the pages that lead to it.
    ["embedded map", "/incorporata"],
    ["embedded events", "/incorporata/eventi"],
    ["embed builder", "/incorpora"],
    ["municipality", "/comuni/bologna"],
  ];
}
