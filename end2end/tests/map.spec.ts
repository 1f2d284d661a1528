// The map page: the server-rendered list, the hydrated Leaflet map, filters kept in the URL.
import { expect, test } from "@playwright/test";
import { MapPage } from "../fixtures/map-page";

const SEEDED = 12;

test("lists every seeded space, with or without JavaScript", async ({ page }) => {
  const map = new MapPage(page);
  await map.goto();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Mappa degli spazi per l'innovazione",
  );
  await expect(map.cards).toHaveCount(SEEDED);
  await expect(page.getByRole("status")).toHaveText(`${SEEDED} spazi trovati`);
  await expect(map.cards.filter({ hasText: "BIG – Boost Innovation Garage" })).toHaveCount(1);
});

test("the map hydrates and shows a marker for every space", async ({ page }, info) => {
  test.skip(info.project.name === "no-js", "the map needs JavaScript");
  const map = new MapPage(page);
  await map.goto();
  await expect(map.map).toHaveClass(/leaflet-container/);
  expect(await map.markerTotal()).toBe(SEEDED);
  // The legend explains the markers.
  await expect(page.getByText("Legenda")).toBeVisible();
});

test("without JavaScript the list is there and the map explains itself", async ({ page }, info) => {
  test.skip(info.project.name === "js", "checks the no-JavaScript rendering");
  const map = new MapPage(page);
  await map.goto();
  await expect(map.cards).toHaveCount(SEEDED);
  await expect(map.map).not.toHaveClass(/leaflet-container/);
  // Playwright turns script execution off without changing the HTML parser's scripting flag,
  // so Chromium still treats <noscript> as raw text here: check the message is in the page.
  expect(await page.content()).toMatch(/<noscript>.*La mappa interattiva richiede JavaScript/s);
  // A browser without JavaScript loads the stylesheet that hides the map's empty box (the
  // same raw-text <noscript> keeps Chromium here from applying it).
  expect(await page.content()).toContain('<noscript><link rel="stylesheet" href="/noscript.css"></noscript>');
  const css = await (await page.request.get("/noscript.css")).text();
  expect(css).toContain(".map, .map-hint { display: none; }");
});

test("filtering by kind changes the list, the map and the URL", async ({ page }, info) => {
  const map = new MapPage(page);
  await map.goto();
  await map.kind.selectOption({ label: "Fab lab e makerspace" });
  await map.apply();
  await expect(page).toHaveURL(/[?&]tipo=fablab/);
  await expect(map.cards).toHaveCount(4);
  expect(await map.cardNames()).toEqual(["AlmaLabor", "Fa-Lab", "FabLab Reno", "TheFabLab Bologna"]);
  await expect(map.kind).toHaveValue("fablab");
  if (info.project.name === "js") {
    expect(await map.markerTotal()).toBe(4);
  }
});

test("filtering by municipality and kind together", async ({ page }, info) => {
  const map = new MapPage(page);
  await map.goto();
  await map.municipality.selectOption({ value: "037048" });
  await map.apply();
  await expect(map.cards).toHaveCount(2);
  await map.kind.selectOption({ value: "coworking" });
  await map.apply();
  expect(await map.cardNames()).toEqual(["VZ19"]);
  await expect(page).toHaveURL(/comune=037048/);
  if (info.project.name === "js") {
    expect(await map.markerTotal()).toBe(1);
  }
  // Clearing the filters brings everything back.
  await page.getByRole("link", { name: "Azzera i filtri" }).click();
  await expect(map.cards).toHaveCount(SEEDED);
});

test("text search ignores case and accents, and a shared URL reproduces it", async ({ page }) => {
  const map = new MapPage(page);
  await map.goto();
  await map.search.fill("GOLINÈLLI");
  await map.apply();
  expect(await map.cardNames()).toEqual(["Opificio Golinelli – G-Factor"]);
  const shared = page.url();
  await page.goto(shared);
  await expect(map.cards).toHaveCount(1);
  await expect(map.search).toHaveValue("GOLINÈLLI");
});

test("a marker's popup leads to the space page", async ({ page }, info) => {
  test.skip(info.project.name === "no-js", "popups need JavaScript");
  const map = new MapPage(page);
  await map.goto("?comune=037005");
  expect(await map.markerTotal()).toBe(1);
  await page.getByRole("button", { name: "Logisana" }).click();
  const popup = page.locator(".leaflet-popup");
  await expect(popup).toContainText("Logisana");
  await expect(popup).toContainText("Bentivoglio");
  await popup.getByRole("link", { name: "Apri la scheda" }).click();
  // The space's page knows the map's filter, to lead back to it.
  await expect(page).toHaveURL(/\/spazi\/logisana\?comune=037005$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Logisana");
});

test("by keyboard: Space opens a marker, the popup takes the focus, Escape gives it back", async ({ page }, info) => {
  test.skip(info.project.name === "no-js", "popups need JavaScript");
  await page.setViewportSize({ width: 390, height: 844 });
  const map = new MapPage(page);
  await map.goto("?comune=037005");
  expect(await map.markerTotal()).toBe(1);
  // The map's own buttons speak the page's language.
  await expect(map.map.getByRole("button", { name: "Ingrandisci la mappa" })).toBeVisible();
  await expect(map.map.getByRole("button", { name: "Riduci la mappa" })).toBeVisible();
  const marker = page.getByRole("button", { name: "Logisana" });
  await marker.focus();
  await page.keyboard.press("Space");
  const popup = page.locator(".leaflet-popup");
  await expect(popup).toContainText("Logisana");
  await expect(popup.getByRole("link", { name: "Apri la scheda" })).toBeFocused();
  await expect(popup.getByRole("button", { name: "Chiudi" })).toBeAttached();
  // In the site's font and size, with a link a thumb can hit.
  await expect(popup.locator(".leaflet-popup-content")).toHaveCSS("font-family", /Titillium Web/);
  await expect(popup.locator(".leaflet-popup-content")).toHaveCSS("font-size", "16px");
  const target = await popup.getByRole("link", { name: "Apri la scheda" }).boundingBox();
  expect(target!.height).toBeGreaterThanOrEqual(44);
  await page.keyboard.press("Escape");
  await expect(popup).toHaveCount(0);
  await expect(marker).toBeFocused();
  // Enter opens it again; the page did not scroll away on Space.
  await page.keyboard.press("Enter");
  await expect(popup.getByRole("link", { name: "Apri la scheda" })).toBeFocused();
});

// Two widths: on the wider map a click zooms in more than four levels at once, which Leaflet
// does without animation (its events then come inside the click's own call).
for (const width of [1280, 1700]) {
  test(`a cluster zooms in until its spaces part; spaces at one spot are listed (${width} px)`, async ({ page }, info) => {
    test.skip(info.project.name === "no-js", "the map needs JavaScript");
    await page.setViewportSize({ width, height: 800 });
    const map = new MapPage(page);
    await map.goto();
    expect(await map.markerTotal()).toBe(SEEDED);
    // Four seeded spaces in Bologna share the municipality's centre: opening the biggest
    // cluster (each time zooming to its spaces' bounds) ends at a disc that lists them.
    const here = page.getByRole("button", { name: "4 spazi in questo punto", exact: true });
    const zoomable = map.map.locator(".marker-cluster:not(.marker-cluster--here)");
    for (let i = 0; i < 12 && !(await here.isVisible()); i++) {
      const counts = await zoomable.evaluateAll((els) => els.map((e) => Number(e.textContent)));
      expect(counts.length).toBeGreaterThan(0);
      const biggest = zoomable.nth(counts.indexOf(Math.max(...counts)));
      await expect(biggest).toHaveAttribute("title", /^\d+ spazi: ingrandisci la mappa$/);
      const zoom = await map.map.getAttribute("data-zoom");
      if (i === 0) {
        // From the keyboard: the focus follows to the disc now holding those spaces.
        await biggest.focus();
        await page.keyboard.press("Enter");
        await expect(map.map).not.toHaveAttribute("data-zoom", zoom ?? "");
        await expect(map.map.locator(".leaflet-marker-icon:focus")).toHaveCount(1);
      } else {
        await biggest.click();
        await expect(map.map).not.toHaveAttribute("data-zoom", zoom ?? "");
      }
    }
    await expect(here).toBeVisible();
    // Opened from the keyboard: a list of the four, each a link to its page, focus on the first.
    await here.focus();
    await page.keyboard.press("Enter");
    const popup = page.locator(".leaflet-popup");
    await expect(popup.getByText("4 spazi in questo punto")).toBeVisible();
    await expect(popup.getByRole("link")).toHaveText([
      "Almacube",
      "BIG – Boost Innovation Garage",
      "MUG – Magazzini Generativi",
      "Opificio Golinelli – G-Factor",
    ]);
    await expect(popup.getByRole("link", { name: "Almacube" })).toBeFocused();
    await popup.getByRole("link", { name: "MUG – Magazzini Generativi" }).click();
    await expect(page).toHaveURL(/\/spazi\/mug-magazzini-generativi$/);
  });
}

test("spaces at one spot are one disc at any zoom, in English too", async ({ page }, info) => {
  test.skip(info.project.name === "no-js", "the map needs JavaScript");
  const map = new MapPage(page);
  // Pieve di Cento: two spaces share the municipality's centre.
  await map.goto("?comune=037048");
  await page.getByRole("link", { name: "English" }).click();
  expect(await map.markerTotal()).toBe(2);
  await page.getByRole("button", { name: "2 spaces at this spot", exact: true }).click();
  const popup = page.locator(".leaflet-popup");
  await expect(popup.getByRole("link")).toHaveText(["FabLab Reno", "VZ19"]);
  // Its close button is a target a thumb can hit.
  const close = await popup.locator(".leaflet-popup-close-button").boundingBox();
  expect(close!.width).toBeGreaterThanOrEqual(44);
  expect(close!.height).toBeGreaterThanOrEqual(44);
  // The English map leads to the English pages, keeping its filter.
  await expect(page).toHaveURL(/\/en\/\?comune=037048/);
  await expect(popup.getByRole("link", { name: "FabLab Reno" })).toHaveAttribute(
    "href",
    "/en/spaces/fablab-reno?comune=037048",
  );
});

test("usable at 360 px: no sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const map = new MapPage(page);
  await map.goto();
  await expect(map.cards).toHaveCount(SEEDED);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});

test.describe("on a 390×844 phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("a filter lands on the results, counts follow the kind, and nothing found comes before any map", async ({ page }) => {
    const map = new MapPage(page);
    await map.goto();
    const pieve = map.municipality.locator("option[value='037048']");
    await expect(pieve).toHaveText("Pieve di Cento (2)");
    await map.kind.selectOption({ value: "coworking" });
    await map.apply();
    // The page opens on the count, not at the top two screens above it.
    await expect(page).toHaveURL(/[?&]tipo=coworking(&.*)?#risultati$/);
    await expect(page.locator("#risultati")).toBeInViewport();
    // The municipality counts are of the chosen kind.
    await expect(pieve).toHaveText("Pieve di Cento (1)");
    // Nothing matches: said first, with the way back; no empty map.
    await map.search.fill("nessuno spazio si chiama così");
    await map.apply();
    await expect(page.locator("#no-results")).toBeInViewport();
    await expect(page.locator("#no-results")).toContainText("Nessuno spazio corrisponde ai filtri scelti");
    await expect(map.map).toHaveCount(0);
    await page.locator("#no-results").getByRole("link", { name: "Azzera i filtri" }).click();
    await expect(map.cards).toHaveCount(SEEDED);
  });
});
