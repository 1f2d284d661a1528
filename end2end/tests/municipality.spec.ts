// The municipalities' pages: from the index and from the map's filter, a municipality's
// outline (drawn on the server: it shows without JavaScript), its spaces, the map (with
// JavaScript) and the code for the municipality's website.
import { expect, test } from "@playwright/test";

test("a municipality's page, from the index and from the map", async ({ page, baseURL }, info) => {
  await page.goto("/comuni");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("I comuni della città metropolitana");
  await expect(page.locator(".municipalities li")).toHaveCount(55);
  await page.getByRole("link", { name: "Pieve di Cento", exact: true }).click();
  await expect(page).toHaveURL(/\/comuni\/pieve-di-cento$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pieve di Cento");
  await expect(page.getByRole("img", { name: "Confini del comune di Pieve di Cento, con i suoi spazi" })).toBeVisible();
  await expect(page.getByText("Confini comunali: ISTAT (CC BY 4.0), via openpolis")).toBeVisible();
  const spaces = page.getByRole("region", { name: "Gli spazi" });
  await expect(spaces.getByRole("heading", { level: 3 })).toHaveText(["FabLab Reno", "VZ19"]);
  if (info.project.name === "js") {
    await expect(page.locator(".map--directory")).toHaveAttribute("data-ready", "true");
  }
  await expect(page.getByRole("textbox", { name: "Il codice da incollare" })).toHaveValue(
    new RegExp(`^<iframe src="${baseURL}/incorporata\\?comune=037048"`),
  );
  // The map filtered by a municipality leads to its page.
  await page.goto("/?comune=037048");
  await page.getByRole("link", { name: /Tutto su Pieve di Cento/ }).click();
  await expect(page).toHaveURL(/\/comuni\/pieve-di-cento$/);
  // In English.
  await page.goto("/en/municipalities/pieve-di-cento");
  await expect(page.getByRole("img", { name: "Boundary of the municipality of Pieve di Cento, with its spaces" })).toBeVisible();
});
