// The staff area: sign-in (wrong password, then right), the staff home, sign-out.
import { expect, test } from "@playwright/test";
import { STAFF } from "../playwright.config";

test("a wrong password gets a clear message and keeps the e-mail", async ({ page }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/accedi\?next=\/admin$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accesso allo staff");
  await page.getByLabel("Email").fill(STAFF.email);
  await page.getByLabel("Password").fill("password sbagliata");
  await page.getByRole("button", { name: "Accedi" }).click();
  await expect(page.getByRole("alert")).toContainText("Email o password non corretti");
  await expect(page.getByLabel("Email")).toHaveValue(STAFF.email);
  await expect(page.getByLabel("Password")).toHaveValue("");
});

test("staff sign in, see every space, and sign out", async ({ page }) => {
  await page.goto("/admin/accedi");
  await page.getByLabel("Email").fill(STAFF.email);
  await page.getByLabel("Password").fill(STAFF.password);
  await page.getByRole("button", { name: "Accedi" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByText("Hai effettuato l'accesso come Staff e2e (redattore).")).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("12 spazi");
  await expect(page.getByRole("row")).toHaveCount(1 + 12);

  // Filter by status and text.
  await page.getByRole("combobox", { name: "Stato" }).selectOption({ label: "Pubblicato" });
  await page.getByRole("searchbox", { name: "Cerca" }).fill("fablab");
  await page.getByRole("button", { name: "Filtra" }).click();
  await expect(page.getByRole("status")).toHaveText("2 spazi");

  await page.getByRole("button", { name: "Esci" }).click();
  await expect(page.getByRole("status")).toHaveText("Sei uscito dall'area riservata.");
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/accedi/);
});
