// The space page, the 404 page and the language switch.
import { expect, test } from "@playwright/test";

test("a space's page shows its details and says when the position is approximate", async ({ page }) => {
  await page.goto("/spazi/big-boost-innovation-garage");
  await expect(page).toHaveTitle(/^BIG – Boost Innovation Garage – /);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("BIG – Boost Innovation Garage");
  await expect(page.getByText("Via della Ferriera 4, Bologna")).toBeVisible();
  await expect(page.getByText("Fondazione Carisbo e Techgarage")).toBeVisible();
  await expect(page.getByText(/Posizione approssimativa/)).toBeVisible();
  // Its position is Bologna's centre: no directions there, a search for the address instead.
  await expect(page.getByRole("link", { name: "Cerca l'indirizzo su OpenStreetMap" }))
    .toHaveAttribute("href", "https://www.openstreetmap.org/search?query=Via+della+Ferriera+4%2C+Bologna");
  await expect(page.getByRole("link", { name: "Indicazioni stradali (OpenStreetMap)" })).toHaveCount(0);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /BIG/);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute(
    "content",
    "BIG – Boost Innovation Garage",
  );
});

test("the space page's small map shows the space", async ({ page }, info) => {
  test.skip(info.project.name === "no-js", "the map needs JavaScript");
  await page.goto("/spazi/almalabor");
  const map = page.locator(".map--single");
  await expect(map).toHaveAttribute("data-ready", "true");
  await expect(map.locator(".leaflet-marker-icon")).toHaveCount(1);
  await expect(map.locator(".leaflet-marker-icon")).toHaveAttribute("title", "AlmaLabor");
  // A picture of where it is, not a button that does nothing.
  await expect(map.getByRole("button", { name: "AlmaLabor" })).toHaveCount(0);
  await expect(map.locator(".leaflet-marker-icon")).not.toHaveAttribute("tabindex", /.*/);
});

test("an unknown space is a 404 page", async ({ page }) => {
  const response = await page.goto("/spazi/non-esiste");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pagina non trovata");
  await page.getByRole("link", { name: "Torna alla mappa" }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("each language has its own addresses: a shared English link opens in English", async ({ page, browser }) => {
  await page.goto("/spazi/fa-lab");
  await page.getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(/\/en\/spaces\/fa-lab$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  // Search engines are told of both addresses.
  await expect(page.locator('link[rel="alternate"][hreflang="it"]')).toHaveAttribute("href", /^http.*\/spazi\/fa-lab$/);
  await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute("href", /^http.*\/en\/spaces\/fa-lab$/);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/en\/spaces\/fa-lab$/);
  // Every link of the page stays in English.
  await page.getByRole("link", { name: "Back to the map" }).click();
  await expect(page).toHaveURL(/\/en\/(#risultati)?$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Map of innovation spaces");
  await page.getByRole("link", { name: "Events" }).filter({ visible: true }).first().click();
  await expect(page).toHaveURL(/\/en\/events$/);
  // The link, opened by someone else (no cookie, no history), is English too.
  const other = await browser.newContext();
  const shared = await other.newPage();
  await shared.goto(page.url());
  await expect(shared.locator("html")).toHaveAttribute("lang", "en");
  await expect(shared.getByRole("heading", { level: 1 })).toHaveText("Forum events");
  await other.close();
  // The Italian address stays Italian, and the switch goes back to it.
  await page.getByRole("link", { name: "Italiano" }).click();
  await expect(page).toHaveURL(/\/eventi$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "it");
  // English addresses given out before lead to their twins.
  await page.goto("/join");
  await expect(page).toHaveURL(/\/en\/join$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Join/);
});

test("a space's page leads back to the map as it was filtered, and can be shared", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/?tipo=fablab&comune=037048");
  await page.getByRole("link", { name: "FabLab Reno" }).click();
  await expect(page).toHaveURL(/\/spazi\/fablab-reno\?tipo=fablab&comune=037048$/);
  // One address for search engines, whatever the filter.
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/spazi\/fablab-reno$/);
  await expect(page.getByRole("link", { name: "Per email" })).toHaveAttribute("href", /^mailto:\?subject=FabLab\+Reno&body=http.*%2Fspazi%2Ffablab-reno$/);
  await page.getByRole("link", { name: "Torna alla mappa" }).click();
  await expect(page).toHaveURL(/\/\?tipo=fablab&comune=037048#risultati$/);
  await expect(page.getByRole("combobox", { name: "Tipo di spazio" })).toHaveValue("fablab");
  await expect(page.locator("#risultati")).toBeInViewport();
});

test("on a phone the header is compact: a menu button, the current page marked", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/eventi");
  const header = await page.locator(".site-header").boundingBox();
  expect(header!.height).toBeLessThanOrEqual(844 * 0.15);
  // The menu opens from its button (a native disclosure: with or without JavaScript).
  const menu = page.getByRole("navigation", { name: "Menu principale" }).filter({ visible: true });
  await expect(menu).toHaveCount(0);
  await page.getByText("Menu", { exact: true }).click();
  await expect(menu).toHaveCount(1);
  await expect(menu.getByRole("link", { name: "Eventi" })).toHaveAttribute("aria-current", "page");
  await expect(menu.getByRole("link", { name: "Mappa degli spazi" })).not.toHaveAttribute("aria-current", /.*/);
  await menu.getByRole("link", { name: "Aderisci al Forum" }).click();
  await expect(page).toHaveURL(/\/aderisci$/);
  // On a wide screen the menu is a bar, the current page marked there too.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(page.getByRole("navigation", { name: "Menu principale" }).filter({ visible: true })
    .getByRole("link", { name: "Aderisci al Forum" })).toHaveAttribute("aria-current", "page");
});
