// The map and the events on other sites: a page of another origin (on loopback) frames the
// embed; the map hydrates in the frame with its filters; its links open a new tab; it sets no
// cookie and stores nothing; the home page and the others refuse to be framed. The builder
// makes the code, with and without JavaScript.
import { expect, test, type Page } from "@playwright/test";
import http from "node:http";
import type { AddressInfo } from "node:net";

/** Another site: a real server on loopback at another port (another origin), whose page frames
 *  `?src=` (Chromium's local-network checks refuse a loopback frame in a page that does not
 *  come from the local network itself). */
let parentServer: http.Server;
let parentOrigin = "";

test.beforeAll(async () => {
  parentServer = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const src = url.searchParams.get("src") ?? "";
    const height = Number(url.searchParams.get("height") ?? "560");
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html lang="it"><title>Comune di Pieve di Cento</title>
      <h1>Il Comune</h1>
      <iframe id="spazi" src="${src.replace(/"/g, "&quot;")}" title="Mappa degli spazi" width="800" height="${height}"></iframe>`);
  });
  await new Promise<void>((resolve) => parentServer.listen(0, "localhost", resolve));
  parentOrigin = `http://localhost:${(parentServer.address() as AddressInfo).port}`;
});

test.afterAll(() => new Promise<void>((resolve) => parentServer.close(() => resolve())));

async function parentFraming(page: Page, src: string, height = 560) {
  const parent = `${parentOrigin}/comune.html?src=${encodeURIComponent(src)}&height=${height}`;
  await page.goto(parent);
  expect(new URL(page.url()).origin).not.toBe(new URL(src).origin);
}

test("another site frames the map with its filters; links open a new tab; no cookie", async ({ page, context, baseURL }, info) => {
  await parentFraming(page, `${baseURL}/incorporata?tipo=fablab&comune=037048`);
  const frame = page.frameLocator("#spazi");
  await expect(frame.getByRole("heading", { level: 1 })).toHaveText("Spazi per l'innovazione");
  await expect(frame.getByRole("status")).toHaveText("1 spazio trovato");
  const list = frame.getByRole("region", { name: "Elenco degli spazi" });
  await expect(list.getByRole("link")).toHaveText(["FabLab Reno"]);
  if (info.project.name === "js") {
    // The map hydrates inside the frame, with the filter's one space.
    const map = frame.locator(".map--directory");
    await expect(map).toHaveAttribute("data-ready", "true");
    await expect(map.locator(".leaflet-marker-icon.space-marker")).toHaveCount(1);
  }
  // A link opens a new tab, at the space's page; the frame stays.
  const [tab] = await Promise.all([
    context.waitForEvent("page"),
    list.getByRole("link", { name: "FabLab Reno" }).click(),
  ]);
  await tab.waitForLoadState("domcontentloaded");
  expect(tab.url()).toBe(`${baseURL}/spazi/fablab-reno?tipo=fablab&comune=037048`);
  await expect(tab.getByRole("heading", { level: 1 })).toHaveText("FabLab Reno");
  await expect(frame.getByRole("heading", { level: 1 })).toHaveText("Spazi per l'innovazione");
  // The full map, too.
  const [full] = await Promise.all([
    context.waitForEvent("page"),
    frame.getByRole("link", { name: "Apri la mappa completa" }).click(),
  ]);
  await full.waitForLoadState("domcontentloaded");
  expect(full.url()).toBe(`${baseURL}/?tipo=fablab&comune=037048`);
  await tab.close();
  await full.close();
  // Nothing was stored: no cookie on any site.
  expect(await context.cookies()).toEqual([]);
});

test("the embedded map stores nothing in the browser", async ({ page, context }, info) => {
  // Opened on its own (a framed document may not even read its storage in Chromium), the
  // hydrated map has written nothing.
  await page.goto("/incorporata?comune=037048");
  if (info.project.name === "js") {
    await expect(page.locator(".map--directory")).toHaveAttribute("data-ready", "true");
    expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
  }
  await expect(page.locator(".embed-list__name")).toHaveText(["FabLab Reno", "VZ19"]);
  expect(await context.cookies()).toEqual([]);
});

test("without the list chosen, the map fills the frame; without JavaScript the list shows", async ({ page, baseURL }, info) => {
  await parentFraming(page, `${baseURL}/en/embedded?comune=037048&elenco=0`);
  const frame = page.frameLocator("#spazi");
  await expect(frame.getByRole("heading", { level: 1 })).toHaveText("Innovation spaces");
  const names = frame.locator(".embed-list__name");
  if (info.project.name === "js") {
    await expect(frame.locator(".map--directory")).toHaveAttribute("data-ready", "true");
    await expect(names.first()).toBeHidden();
  } else {
    // Playwright turns scripts off without the parser's scripting flag, so `noscript.css`
    // is not applied here: the list is in the page, and the file shows it.
    await expect(names).toHaveText(["FabLab Reno", "VZ19"]);
    const css = await (await page.request.get(`${baseURL}/noscript.css`)).text();
    expect(css).toContain(".embed__list--optional { display: block; }");
  }
});

test("the home page and every other page refuse to be framed", async ({ page, baseURL }) => {
  const refusals: string[] = [];
  page.on("console", (m) => {
    if (/frame-ancestors|X-Frame-Options/.test(m.text())) refusals.push(m.text());
  });
  for (const path of ["/", "/incorpora", "/eventi"]) {
    refusals.length = 0;
    await parentFraming(page, `${baseURL}${path}`);
    await expect.poll(() => refusals.length, { message: path }).toBeGreaterThan(0);
    const frame = page.frames().find((f) => f !== page.mainFrame())!;
    await expect.poll(() => frame.url()).not.toBe(`${baseURL}${path}`);
    await expect(page.frameLocator("#spazi").locator(".site-header")).toHaveCount(0);
  }
});

test("the events widget lists the launch", async ({ page, baseURL }) => {
  await parentFraming(page, `${baseURL}/incorporata/eventi`, 400);
  const frame = page.frameLocator("#spazi");
  await expect(frame.getByRole("heading", { level: 1 })).toHaveText("Prossimi eventi del Forum");
  await expect(frame.getByRole("heading", { level: 2 }).first()).toContainText("Forum");
  await expect(frame.getByRole("link", { name: "Tutti gli eventi" })).toBeVisible();
});

test("the builder makes the code of the choices, with and without JavaScript", async ({ page, baseURL }, info) => {
  await page.goto("/incorpora");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Incorpora la mappa nel tuo sito");
  await page.getByRole("checkbox", { name: "Fab lab e makerspace" }).check();
  await page.getByRole("checkbox", { name: /^Pieve di Cento/ }).check();
  await page.getByRole("checkbox", { name: "Mostra l'elenco degli spazi accanto alla mappa" }).uncheck();
  await page.getByRole("combobox", { name: "Altezza" }).selectOption("720");
  await page.getByRole("button", { name: "Aggiorna l'anteprima" }).click();
  await expect(page).toHaveURL(/tipo=fablab/);
  const code = page.getByRole("textbox", { name: "Il codice da incollare" });
  await expect(code).toHaveValue(
    new RegExp(`^<iframe src="${baseURL}/incorporata\\?tipo=fablab&amp;comune=037048&amp;elenco=0" title="Mappa degli spazi per l'innovazione della città metropolitana di Bologna" width="800" height="720" .*loading="lazy".*></iframe>$`),
  );
  await expect(page.getByRole("textbox", { name: "Oppure un semplice link" })).toHaveValue(
    `${baseURL}/?tipo=fablab&comune=037048`,
  );
  // The preview is the very page the code frames.
  const preview = page.frameLocator(".embed-builder__frame");
  await expect(preview.getByRole("status")).toHaveText("1 spazio trovato");
  // The choices stay chosen.
  await expect(page.getByRole("checkbox", { name: "Fab lab e makerspace" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Mostra l'elenco degli spazi accanto alla mappa" })).not.toBeChecked();
  // A keyboard need not tab through the whole preview to reach the code.
  await page.getByRole("link", { name: "Salta l'anteprima: vai al codice" }).click();
  await expect(page).toHaveURL(/#embed-code$/);
  if (info.project.name === "no-js") {
    // Nothing to copy with: the fields are selectable by hand.
    await expect(page.getByRole("button", { name: "Copia il codice" })).toBeHidden();
  }
});

test("a pasted space's address becomes its framed page (oEmbed)", async ({ page, request, baseURL }, info) => {
  const answer = await (
    await request.get(`/oembed?url=${encodeURIComponent(`${baseURL}/spazi/vz19`)}&maxwidth=480`)
  ).json();
  expect(answer.type).toBe("rich");
  expect(answer.width).toBe(480);
  const src = /src="([^"]+)"/.exec(answer.html)![1].replace(/&amp;/g, "&");
  await parentFraming(page, src, answer.height);
  const frame = page.frameLocator("#spazi");
  await expect(frame.getByRole("heading", { level: 1 })).toHaveText("VZ19");
  if (info.project.name === "js") {
    await expect(frame.locator(".map--single")).toHaveAttribute("data-ready", "true");
  }
  await expect(frame.getByRole("link", { name: "Apri la scheda dello spazio" })).toHaveAttribute("href", "/spazi/vz19");
});

test("with JavaScript the preview, the code and the link follow each choice at once", async ({ page, context, baseURL }, info) => {
  test.skip(info.project.name === "no-js", "the live preview needs JavaScript");
  await page.goto("/eventi");
  await page.goto("/incorpora");
  const code = page.getByRole("textbox", { name: "Il codice da incollare" });
  await expect(code).toHaveValue(new RegExp(`src="${baseURL}/incorporata"`));
  await expect(page.locator("#embed-form")).toHaveAttribute("data-ready", "true");
  await page.evaluate(() => { (window as unknown as { stillHere: boolean }).stillHere = true; });
  await page.getByRole("checkbox", { name: "Coworking" }).check();
  await page.getByRole("checkbox", { name: /^Pieve di Cento/ }).check();
  await expect(code).toHaveValue(new RegExp(`src="${baseURL}/incorporata\\?tipo=coworking&amp;comune=037048"`));
  await expect(page.getByRole("textbox", { name: "Oppure un semplice link" })).toHaveValue(
    `${baseURL}/?tipo=coworking&comune=037048`,
  );
  await expect(page.locator("#embed-status")).toHaveText("Anteprima, codice e link aggiornati.");
  await expect(page.frameLocator(".embed-builder__frame").getByRole("status")).toHaveText("1 spazio trovato");
  // The events, in English, taller: the frame follows.
  await page.getByRole("radio", { name: "I prossimi eventi del Forum" }).check();
  await page.getByRole("radio", { name: "English" }).check();
  await page.getByRole("combobox", { name: "Altezza" }).selectOption("400");
  await expect(code).toHaveValue(new RegExp(`^<iframe src="${baseURL}/en/embedded/events" title="Upcoming events of the Forum of the innovation spaces" width="800" height="400"`));
  await expect(page.locator(".embed-builder__frame")).toHaveAttribute("height", "400");
  await expect(page.frameLocator(".embed-builder__frame").getByRole("heading", { level: 1 })).toHaveText("The Forum's upcoming events");
  // The map's own choices are switched off for the events (and kept for going back).
  await expect(page.getByRole("checkbox", { name: "Coworking" })).toBeDisabled();
  await expect(page.getByRole("checkbox", { name: "Mostra l'elenco degli spazi accanto alla mappa" })).toBeDisabled();
  // Nothing was reloaded, and the address keeps the choices: a reload shows them again.
  expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
  expect(page.url()).toContain("cosa=eventi");
  await page.reload();
  await expect(page.getByRole("radio", { name: "I prossimi eventi del Forum" })).toBeChecked();
  await expect(code).toHaveValue(new RegExp(`^<iframe src="${baseURL}/en/embedded/events"`));
  await page.getByRole("radio", { name: "La mappa degli spazi" }).check();
  await expect(page.getByRole("checkbox", { name: "Coworking" })).toBeEnabled();
  await expect(page.getByRole("checkbox", { name: "Coworking" })).toBeChecked();
  // The buttons copy the code and the link.
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "Copia il codice" }).click();
  await expect(page.locator("#embed-code-copied")).toHaveText("Copiato: ora incollalo nella tua pagina.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await code.inputValue());
  await page.getByRole("button", { name: "Copia il link" }).click();
  await expect(page.locator("#embed-link-copied")).toHaveText("Copiato: ora incollalo nella tua pagina.");
  await expect(page.locator("#embed-code-copied")).toBeEmpty();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/en/?tipo=coworking&comune=037048`);
  // A change makes what was copied stale: the message goes; the language switch keeps the
  // choices; "back" leaves the builder instead of walking the preview back.
  await page.getByRole("checkbox", { name: "Fab lab e makerspace" }).check();
  await expect(page.locator("#embed-link-copied")).toBeEmpty();
  await expect(page.locator("a.lang-switch")).toHaveAttribute("href", /^\/en\/embed\?cosa=mappa&tipo=coworking,fablab&comune=037048/);
  await expect(page.frameLocator(".embed-builder__frame").getByRole("status")).toHaveText("2 spaces found");
  await page.goBack();
  await expect(page).not.toHaveURL(/incorpora/);
});
