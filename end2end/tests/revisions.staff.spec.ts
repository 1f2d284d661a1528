// Staff and managers' proposals beyond the plain approval: the dashboard's freshness counts
// lead to their listings; staff correct a proposal before approving it; staff trust a space's
// managers, whose next change is then public at once and listed for staff as theirs.
import { expect, test } from "@playwright/test";
import { waitForMail } from "../fixtures/mail";
import { addManager, signIn } from "../fixtures/staff";

test("the freshness counts lead to their listings", async ({ page }) => {
  await signIn(page);
  const box = page.getByRole("region", { name: "Schede e conferme" });
  await box.getByRole("link", { name: /^Senza gestore: \d+$/ }).click();
  await expect(page).toHaveURL(/\/admin\?freschezza=senza-gestore$/);
  await expect(page.getByRole("status").filter({ hasText: "Filtro:" })).toHaveText(/^Filtro: «Senza gestore» \(solo spazi pubblicati\)\./);
  await expect(page.getByRole("row").nth(1)).toBeVisible();
  await page.getByRole("link", { name: "Mostra tutti" }).click();
  await expect(page).toHaveURL(/\/admin$/);
});

test("staff correct a proposal before approving it, then trust the space's managers", async ({ page }, info) => {
  // Each project its own space and manager: the specs share one database.
  const js = info.project.name === "staff-js";
  const space = js ? "Le Serre dei Giardini Margherita" : "Almacube";
  const slug = js ? "le-serre-dei-giardini-margherita" : "almacube";
  const email = `fidato-${info.project.name}@example.it`;

  // Staff name the manager (staff stay signed in: their cookie and the manager's are apart).
  await signIn(page);
  await addManager(page, space, email);
  await expect(page.getByText("Le modifiche dei gestori di questo spazio attendono l'approvazione dello staff.")).toBeVisible();

  // The manager signs in and proposes a description with a typo.
  await page.goto("/il-mio-spazio");
  await page.getByRole("textbox", { name: "Indirizzo e-mail" }).fill(email);
  await page.getByRole("button", { name: "Mandami il link" }).click();
  const mail = await waitForMail(email, /\/il-mio-spazio\/accesso\/[0-9a-f]{64}/);
  const link = mail.match(/https?:\/\/\S+\/il-mio-spazio\/accesso\/[0-9a-f]{64}/)![0];
  await page.goto(new URL(link).pathname);
  await page.getByRole("button", { name: "Entra" }).click();
  await page.getByRole("link", { name: "Proponi modifiche" }).click();
  const description = page.getByRole("textbox", { name: /^Descrizione breve/ });
  await description.fill(`Uno spazzio con un refuso (${info.project.name}).`);
  await page.getByRole("button", { name: "Invia le modifiche allo staff" }).click();
  await expect(page.getByRole("status")).toContainText("Modifiche inviate");

  // Staff correct it and approve it in one step.
  await page.goto("/admin/modifiche");
  await page.getByRole("link", { name: space, exact: true }).click();
  await page.getByText("Modifica prima di approvare").click();
  const corrected = `Uno spazio, corretto dallo staff (${info.project.name}).`;
  await page.getByRole("textbox", { name: /^Descrizione breve/ }).fill(corrected);
  await page.getByRole("button", { name: "Approva con le correzioni e pubblica" }).click();
  await expect(page.getByRole("status")).toContainText(`${space}: modifiche approvate e pubblicate`);
  await page.goto(`/spazi/${slug}`);
  await expect(page.getByText(corrected)).toBeVisible();
  await waitForMail(email, /approvato le modifiche/);

  // Staff trust the space's managers: the next change is public at once.
  await page.goto(`/admin?q=${encodeURIComponent(space)}`);
  await page.getByRole("link", { name: space, exact: true }).first().click();
  await page.getByRole("link", { name: "Aggiungi o togli gestori" }).click();
  await page.getByRole("button", { name: "Pubblica subito le modifiche dei gestori" }).click();
  await expect(page.getByRole("status")).toHaveText("Da ora le modifiche dei gestori sono pubblicate subito.");
  await page.goto("/il-mio-spazio");
  await page.getByRole("link", { name: "Proponi modifiche" }).click();
  const direct = `Pubblicata subito dal gestore (${info.project.name}).`;
  await page.getByRole("textbox", { name: /^Descrizione breve/ }).fill(direct);
  await expect(page.getByText("Le modifiche che invii sono pubblicate subito")).toBeVisible();
  await page.getByRole("button", { name: "Pubblica le modifiche" }).click();
  await expect(page.getByRole("status")).toHaveText("Modifiche pubblicate: la pagina pubblica del tuo spazio le mostra già.");
  await page.goto(`/spazi/${slug}`);
  await expect(page.getByText(direct)).toBeVisible();
  // Staff find it among what managers published.
  await page.goto("/admin/modifiche");
  const published = page.getByRole("table").last();
  await expect(published.getByRole("row").filter({ hasText: email })).toContainText(space);
});
