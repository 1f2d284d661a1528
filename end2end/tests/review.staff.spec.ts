// Staff review a request sent with the join form (by the public specs, which run first): the
// request's page, its space's details corrected (which comes back to the request), a refusal
// without a reason, then approval — the space is on the public map and the submitter gets the
// e-mail.
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

  // Correcting the space's details comes back to the request, to decide.
  const requestPath = new URL(page.url()).pathname;
  await page.getByRole("link", { name: "Correggi i dati dello spazio" }).click();
  await expect(page.getByRole("link", { name: /^ADR-/ })).toHaveAttribute("href", requestPath);
  await page.getByRole("textbox", { name: /^Orari di apertura/ }).fill("Dal lunedì al venerdì, 9–18");
  await page.getByRole("button", { name: "Salva le modifiche" }).click();
  await expect(page).toHaveURL(new RegExp(`${requestPath}\\?corretto=1$`));
  await expect(page.getByRole("status")).toContainText("Dati dello spazio corretti e salvati");
  await expect(page.getByText("Dal lunedì al venerdì, 9–18")).toBeVisible();

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
