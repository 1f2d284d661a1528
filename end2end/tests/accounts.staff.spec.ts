// Staff accounts: an administrator invites a colleague, who chooses a password through the
// link and signs in; forgets it and gets a new link by e-mail; changes it from the staff area;
// the administrator disables the account. Editors cannot get there.
import { expect, test } from "@playwright/test";
import { waitForMail } from "../fixtures/mail";
import { ADMIN, STAFF } from "../playwright.config";
import { signIn } from "../fixtures/staff";

test("an admin invites a colleague, who chooses a password and signs in", async ({ page }, info) => {
  // Each project invites its own colleague: the specs share one database.
  const email = `collega-${info.project.name}@example.it`;
  const name = `Collega ${info.project.name}`;
  const password = "una frase lunga per la collega";

  await signIn(page, ADMIN);
  await page.getByRole("link", { name: "Account dello staff" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Account dello staff");
  await expect(page.getByRole("row", { name: new RegExp(STAFF.email) }).first()).toContainText("redattore");

  // Nothing typed: each problem beside its field, listed in the summary.
  await page.getByRole("button", { name: "Invita", exact: true }).click();
  await expect(page.getByRole("alert")).toContainText("Nome e cognome: Questo campo è obbligatorio.");
  await expect(page.getByRole("textbox", { name: /Email/ })).toHaveAttribute("aria-invalid", "true");

  await page.getByRole("textbox", { name: /Nome e cognome/ }).fill(name);
  await page.getByRole("textbox", { name: /Email/ }).fill(email);
  await page.getByRole("combobox", { name: "Ruolo" }).selectOption("editor");
  await page.getByRole("button", { name: "Invita", exact: true }).click();
  await expect(page.getByRole("heading", { name: `Link di accesso per ${name}` })).toBeVisible();
  const link = await page.getByLabel("Link di accesso").inputValue();
  expect(link).toMatch(/\/admin\/invito\/[0-9a-f]{64}$/);
  // The same link reaches them by e-mail (through the outbox; here written as a file).
  const mail = await waitForMail(email, /\/admin\/invito\/[0-9a-f]{64}/);
  expect(mail).toContain(new URL(link).pathname);
  expect(mail).toContain("Città metropolitana di Bologna");
  await expect(page.getByRole("row", { name: new RegExp(email) }).first()).toContainText("invitato");
  await page.getByRole("button", { name: "Esci" }).click();

  // The colleague opens the link: a short password first, then a good one.
  await page.goto(new URL(link).pathname);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Benvenuta o benvenuto, ${name}`);
  await page.getByLabel(/^Nuova password/).fill("corta");
  await page.getByLabel(/^Ripeti la nuova password/).fill("corta");
  await page.getByRole("button", { name: "Salva la password" }).click();
  await expect(page.getByRole("alert")).toContainText("almeno 12 caratteri");
  await expect(page.getByLabel(/^Nuova password/)).toHaveValue("");
  // Long enough, but among the most common passwords: refused by the server.
  await page.getByLabel(/^Nuova password/).fill("passwordpassword");
  await page.getByLabel(/^Ripeti la nuova password/).fill("passwordpassword");
  await page.getByRole("button", { name: "Salva la password" }).click();
  await expect(page.getByRole("alert")).toContainText("tra quelle più usate");
  await page.getByLabel(/^Nuova password/).fill(password);
  await page.getByLabel(/^Ripeti la nuova password/).fill(password);
  await page.getByRole("button", { name: "Salva la password" }).click();
  // Signed in at once, on the staff home.
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByText(`Hai effettuato l'accesso come ${name} (redattore).`)).toBeVisible();
  await page.getByRole("button", { name: "Esci" }).click();

  // The link worked once.
  await page.goto(new URL(link).pathname);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Link non più valido");

  await signIn(page, { email, password });
  await expect(page.getByText(`Hai effettuato l'accesso come ${name} (redattore).`)).toBeVisible();
  // An editor has no staff-accounts link, and the page itself refuses them.
  await expect(page.getByRole("link", { name: "Account dello staff" })).toHaveCount(0);
  const refused = await page.goto("/admin/staff");
  expect(refused?.status()).toBe(403);
  await expect(page.getByRole("alert")).toContainText("Il tuo ruolo non permette");
  await page.goto("/admin");
  await page.getByRole("button", { name: "Esci" }).click();

  // They forget their password: a link by e-mail, a new password, signed in at once.
  await page.goto("/admin/accedi");
  await page.getByRole("link", { name: "Password dimenticata?" }).click();
  await page.getByLabel(/^Email/).fill("collega@");
  await page.getByRole("button", { name: "Inviami il link" }).click();
  await expect(page.locator("#email-error")).toHaveText("Scrivi un indirizzo email valido, per esempio nome@esempio.it.");
  await expect(page.getByLabel(/^Email/)).toHaveValue("collega@");
  await page.getByLabel(/^Email/).fill(email);
  await page.getByRole("button", { name: "Inviami il link" }).click();
  await expect(page.getByRole("status")).toContainText("Se l'indirizzo corrisponde a un account attivo");
  const reset = await waitForMail(email, /speriamo tu[\s\S]*\/admin\/invito\/[0-9a-f]{64}/);
  await page.goto(reset.match(/\/admin\/invito\/[0-9a-f]{64}/)![0]);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Scegli una nuova password");
  const second = "un'altra frase per la collega";
  await page.getByLabel(/^Nuova password/).fill(second);
  await page.getByLabel(/^Ripeti la nuova password/).fill(second);
  await page.getByRole("button", { name: "Salva la password" }).click();
  await expect(page).toHaveURL(/\/admin$/);

  // They change it from the staff area: the current one is asked first.
  await page.getByRole("link", { name: "La mia password" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cambia la tua password");
  const third = "una terza frase tutta nuova";
  const changeTo = async (current: string) => {
    await page.getByLabel(/^Password attuale/).fill(current);
    await page.getByLabel(/^Nuova password/).fill(third);
    await page.getByLabel(/^Ripeti la nuova password/).fill(third);
    await page.getByRole("button", { name: "Cambia la password" }).click();
  };
  await changeTo(password);
  await expect(page.locator("#current_password-error")).toHaveText("Non è la tua password attuale.");
  await changeTo(second);
  await expect(page.getByRole("status")).toHaveText("Password cambiata. Le altre sessioni aperte con il tuo account sono state chiuse.");
  await page.getByRole("button", { name: "Esci" }).click();
  await signIn(page, { email, password: third });
  await page.getByRole("button", { name: "Esci" }).click();

  // The admin disables the account: it can no longer sign in.
  await signIn(page, ADMIN);
  await page.goto("/admin/staff");
  const row = page.getByRole("row", { name: new RegExp(email) }).first();
  // A second step says what disabling does before it happens.
  await row.getByText("Disattiva…").click();
  await expect(row).toContainText("non potrà più accedere");
  await row.getByRole("button", { name: `Sì, disattiva – ${name}` }).click();
  await expect(page.getByRole("row", { name: new RegExp(email) }).first()).toContainText("disattivato");
  await expect(page.getByRole("table").last()).toContainText("disattivazione");
  await page.getByRole("button", { name: "Esci" }).click();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Accedi" }).click();
  await expect(page.getByRole("alert")).toContainText("Email o password non corretti");
});
