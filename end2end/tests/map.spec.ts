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
  await expect(page).toHaveURL(/\/spazi\/logisana$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Logisana");
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
