// Open data: the documentation page, and "export what I filtered" from the map page.
import { expect, test } from "@playwright/test";
import { MapPage } from "../fixtures/map-page";

test("the open data page documents the endpoints and the licence", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation").getByRole("link", { name: "Dati aperti" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dati aperti");
  await expect(page.getByRole("link", { name: "CC BY 4.0" })).toBeVisible();
  const geojson = await page.request.get(
    (await page.getByRole("link", { name: "/api/spazi.geojson", exact: true }).getAttribute("href"))!,
  );
  expect(geojson.ok()).toBe(true);
  const doc = await geojson.json();
  expect(doc.features).toHaveLength(12);
});

test("the download links export exactly what is filtered", async ({ page }) => {
  const map = new MapPage(page);
  await map.goto();
  await map.kind.selectOption({ value: "fablab" });
  await map.apply();
  await expect(map.cards).toHaveCount(4);
  const link = page.getByRole("link", { name: "CSV", exact: true });
  const href = (await link.getAttribute("href"))!;
  expect(href).toBe("/api/spazi.csv?tipo=fablab");
  const csv = await (await page.request.get(href)).text();
  const lines = csv.trim().split("\n");
  expect(lines[0]).toMatch(/^slug,name,kinds,/);
  expect(lines).toHaveLength(1 + 4);
  const excel = page.getByRole("link", { name: "CSV (Excel)" });
  await expect(excel).toHaveAttribute("href", "/api/spazi.csv?tipo=fablab&formato=excel");
});

test("the privacy notice names how long data is kept and who the DPO is", async ({ page }) => {
  await page.goto("/privacy");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Informativa sulla privacy");
  await expect(page.getByText(/rese anonime 365 giorni dopo la fine dell'evento/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Responsabile della protezione dei dati" })).toBeVisible();
});
