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
  // Its row is the one that starts with its name (another row may name it as a possible
  // duplicate: both projects' requests are for look-alike spaces in Imola).
  const mine = page.getByRole("row", { name: new RegExp(`^${name} `) });
  await expect(mine).toContainText("da esaminare");
  await mine.getByRole("link", { name, exact: true }).first().click();

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

test("a request that repeats a space of the map is merged into its listing", async ({ page, browser }, info) => {
  // Each project its own listing (they run side by side over one database).
  const listing = info.project.name === "staff-js" ? "TheFabLab Bologna" : "AlmaLabor";
  const name = `${listing} ${info.project.name}`;
  const contact = `unione.${info.project.name}@example.it`;
  const hours = `Dal martedì al sabato, 10–19 (${info.project.name})`;

  // Someone asks to join with a space that is on the map already.
  const visitor = await browser.newContext({ javaScriptEnabled: info.project.use.javaScriptEnabled });
  const form = await visitor.newPage();
  await form.goto("/aderisci");
  const shown = Date.now();
  await form.getByRole("textbox", { name: /Nome dello spazio/ }).fill(name);
  await form.getByLabel("Fab lab e makerspace").check();
  await form.getByRole("combobox", { name: /Comune/ }).selectOption({ label: "Bologna" });
  await form.getByLabel("Orari di apertura").fill(hours);
  await form.getByRole("textbox", { name: /Organizzazione che lo gestisce/ }).fill("Associazione Unione");
  await form.getByRole("combobox", { name: /Tipo di organizzazione/ }).selectOption("association");
  await form.getByRole("textbox", { name: /^Nome e cognome/ }).fill("Carla Unione");
  await form.getByRole("textbox", { name: /^Email \*/ }).fill(contact);
  await form.getByLabel(/Ho letto l'informativa sulla privacy/).check();
  await form.waitForTimeout(Math.max(0, 4_500 - (Date.now() - shown)));
  await form.getByRole("button", { name: "Invia la richiesta" }).click();
  await expect(form).toHaveURL(/\/aderisci\/inviata\//);
  await visitor.close();
  // Staff's notice says it may be a duplicate.
  await waitForMail("progimpresa@cittametropolitana.bo.it", new RegExp(`${name}[\\s\\S]*doppione di: [^\\n]*${listing}`));

  await page.goto("/admin/accedi");
  await page.getByLabel("Email").fill(STAFF.email);
  await page.getByLabel("Password").fill(STAFF.password);
  await page.getByRole("button", { name: "Accedi" }).click();
  await page.goto("/admin/adesioni");
  const row = page.getByRole("row", { name: new RegExp(`^${name} `) });
  await expect(row).toContainText("Possibile doppione di:");
  await expect(row.getByRole("link", { name: listing, exact: true })).toBeVisible();
  await row.getByRole("link", { name, exact: true }).first().click();

  // Side by side: only the opening hours are taken.
  await page.getByRole("listitem").filter({ hasText: listing }).getByRole("link", { name: "Unisci a questo spazio…" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`a «${listing}»?`);
  for (const box of await page.getByRole("checkbox").all()) await box.uncheck();
  // A position is one choice: latitude, longitude and precision together.
  await expect(page.getByRole("checkbox", { name: /Longitudine$/ })).toHaveCount(0);
  await page.getByRole("checkbox", { name: "Usa il dato della richiesta: Orari di apertura" }).check();
  await page.getByRole("button", { name: "Unisci e chiudi la richiesta" }).click();
  await expect(page.getByRole("status")).toHaveText(`Richiesta unita a «${listing}»: la scheda è aggiornata e chi l'ha inviata riceverà un'email.`);
  // Closed for good: no decision is offered on the merged request.
  await expect(page.getByRole("button", { name: "Approva e pubblica" })).toHaveCount(0);
  await page.getByRole("link", { name: listing, exact: true }).first().click();
  await expect(page.getByLabel("Orari di apertura")).toHaveValue(hours);
  await expect(page.getByRole("textbox", { name: /^Nome/ }).first()).toHaveValue(listing);
  await waitForMail(contact, /già sulla mappa/);
});
