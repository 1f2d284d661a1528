// Staff review a request sent with the join form (by the public specs, which run first): the
// request's page, a refusal without a reason, then approval — the space is on the public map
// and the submitter gets the e-mail.
import { expect, test } from "@playwright/test";
import { waitForMail } from "../fixtures/mail";
import { MapPage } from "../fixtures/map-page";
import { STAFF } from "../playwright.config";

test("staff approve a join request and the space appears on the map", async ({ page }, info) => {
  // Each staff project reviews the request its public counterpart sent.
  const sender = info.project.name.replace("staff-", "");
  const name = `Officina e2e ${sender}`;
  const contact = `maria.${sender}@example.it`;

  await page.goto("/admin/accedi");
  await page.getByLabel("Email").fill(STAFF.email);
  await page.getByLabel("Password").fill(STAFF.password);
  await page.getByRole("button", { name: "Accedi" }).click();
  await page.getByRole("link", { name: "Adesioni" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Richieste di adesione");
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("da esaminare");
  await page.getByRole("link", { name, exact: true }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByText(contact)).toBeVisible();
  await expect(page.getByText("Informazioni su bandi e finanziamenti")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Possibili doppioni" })).toBeVisible();

  // Rejecting without a reason is refused beside the field.
  await page.getByRole("button", { name: "Respingi" }).click();
  await expect(page.locator("#motivo-error")).toHaveText("Questo campo è obbligatorio.");
  await page.getByRole("button", { name: "Approva e pubblica" }).click();
  await expect(page.getByRole("status")).toContainText("Decisione registrata");
  await expect(page.getByText("Esito: approvata")).toBeVisible();

  const mail = await waitForMail(contact, /ora sulla mappa/);
  expect(mail).toContain(name);

  // On the public map.
  const map = new MapPage(page);
  await map.goto();
  await map.search.fill(name);
  await map.apply();
  expect(await map.cardNames()).toEqual([name]);
});
