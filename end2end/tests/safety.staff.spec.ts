// Nothing staff do may lose data: two colleagues saving the same space, an import previewed
// field by field and then reverted, a draft discarded and a published event cancelled after a
// second step that says how many people will be told. With JavaScript on and off.
import { expect, type Page, test } from "@playwright/test";
import { STAFF } from "../playwright.config";
import { signIn } from "../fixtures/staff";

/** Creates a pending coworking space in Imola from the staff form; its page is then open. */
async function newSpace(page: Page, name: string) {
  await page.getByRole("link", { name: "Nuovo spazio" }).click();
  await page.getByRole("textbox", { name: /Nome dello spazio/ }).fill(name);
  await page.getByRole("checkbox", { name: "Coworking" }).check();
  await page.getByRole("combobox", { name: /^Comune/ }).selectOption({ label: "Imola" });
  await page.getByRole("textbox", { name: /Latitudine/ }).fill("44,3533");
  await page.getByRole("textbox", { name: /Longitudine/ }).fill("11,7141");
  await page.getByRole("button", { name: "Crea lo spazio" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
}

test("two colleagues save the same space: the second sees both versions and loses nothing", async ({ page, context }, info) => {
  const name = `Spazio conteso ${info.project.name}`;
  await signIn(page);
  await newSpace(page, name);
  const editPath = new URL(page.url()).pathname;

  // The same page in a second tab, before the first saves.
  const other = await context.newPage();
  await other.goto(editPath);
  await page.getByRole("textbox", { name: "Descrizione breve", exact: true }).fill("Una descrizione scritta nella prima scheda.");
  await page.getByRole("button", { name: "Salva" }).click();
  await expect(page.getByRole("status")).toHaveText("Modifiche salvate.");

  await other.getByRole("textbox", { name: "Telefono pubblico", exact: true }).fill("0542 123456");
  await other.getByRole("button", { name: "Salva" }).click();
  const alert = other.getByRole("alert").filter({ hasText: "Qualcun altro ha salvato questo spazio" });
  await expect(alert).toBeVisible();
  // Only the field typed here that differs from the saved version is listed.
  await expect(alert).toContainText("Telefono pubblico");
  await expect(alert).not.toContainText("Descrizione breve");
  await expect(other.getByRole("textbox", { name: "Telefono pubblico", exact: true })).toHaveValue("0542 123456");
  // What the second colleague did not touch already holds the first one's text.
  await expect(other.getByRole("textbox", { name: "Descrizione breve", exact: true })).toHaveValue("Una descrizione scritta nella prima scheda.");
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Descrizione breve", exact: true })).toHaveValue("Una descrizione scritta nella prima scheda.");
  await other.close();

  // Typing, then publishing: what was typed is saved, not dropped.
  await page.getByRole("textbox", { name: "Sito web", exact: true }).fill("https://conteso.example");
  await page.getByRole("button", { name: "Pubblica" }).click();
  await expect(page.getByText("Pubblicato", { exact: true })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Sito web", exact: true })).toHaveValue("https://conteso.example");
});

test("an import shows each change as old → new, then is reverted as a whole", async ({ page }, info) => {
  const tag = info.project.name;
  const first =
    "nome;tipi;comune;indirizzo;lat;lon;precisione;sito\n" +
    `Annullabile ${tag};fablab;Imola;Via Emilia 1;44,353;11,714;esatta;https://annullabile.example\n`;
  await signIn(page);
  await page.goto("/admin/importa");
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: `primo-${tag}.csv`, mimeType: "text/csv", buffer: Buffer.from(first) });
  await page.getByRole("button", { name: "Carica e mostra l'anteprima" }).click();
  await page.getByRole("button", { name: "Conferma e importa (1 spazio)" }).click();
  await expect(page.getByRole("heading", { name: "Importazione completata" })).toBeVisible();

  // A second file: a new address, an empty website cell (kept), a cleared phone.
  const second =
    "nome;tipi;comune;indirizzo;lat;lon;precisione;sito\n" +
    `Annullabile ${tag};fablab;Imola;Via Appia 2;44,353;11,714;esatta;\n`;
  await page.goto("/admin/importa");
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: `secondo-${tag}.csv`, mimeType: "text/csv", buffer: Buffer.from(second) });
  await page.getByRole("button", { name: "Carica e mostra l'anteprima" }).click();
  const row = page.getByRole("row", { name: new RegExp(`Annullabile ${tag}`) });
  await expect(row).toContainText("riconosciuto da nome e comune");
  await expect(row).toContainText("Via Emilia 1 → Via Appia 2");
  await expect(row).not.toContainText("annullabile.example");
  await page.getByRole("button", { name: "Conferma e importa (1 spazio)" }).click();
  await expect(page.getByText("Aggiornati: 1")).toBeVisible();

  // Reverting asks first, says what it will do, then puts the address back.
  await page.getByRole("button", { name: "Annulla l'importazione…" }).click();
  await expect(page.getByRole("heading", { name: "Confermi l'annullamento dell'importazione?" })).toBeVisible();
  await page.getByRole("button", { name: "Sì, annulla l'importazione" }).click();
  await expect(page.getByText(/Importazione annullata il/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Che cosa aveva fatto l'importazione" })).toBeVisible();
  await page.goto("/admin");
  await page.getByRole("searchbox", { name: "Cerca", exact: true }).fill(`Annullabile ${tag}`);
  await page.getByRole("button", { name: "Filtra" }).click();
  await page.getByRole("link", { name: `Annullabile ${tag}` }).click();
  await expect(page.getByRole("textbox", { name: /^Indirizzo/ })).toHaveValue("Via Emilia 1");
  await expect(page.getByRole("textbox", { name: "Sito web", exact: true })).toHaveValue("https://annullabile.example");
});

test("a draft is discarded, and cancelling a published event says who will be told", async ({ page }, info) => {
  const tag = info.project.name;
  await signIn(page);
  for (const title of [`Bozza da eliminare ${tag}`, `Evento da annullare ${tag}`]) {
    await page.goto("/admin/eventi/nuovo");
    await page.getByLabel("Titolo (italiano)").fill(title);
    await page.getByLabel("Inizio (ora di Bologna)").fill("2022-11-20T17:00");
    await page.getByLabel("Fine (ora di Bologna)").fill("2022-11-20T19:00");
    await page.getByRole("textbox", { name: "Luogo", exact: true }).fill("Palazzo Malvezzi");
    await page.getByLabel("Indirizzo del luogo").fill("Via Zamboni 13, Bologna");
    await page.getByLabel("Posti disponibili").fill("20");
    await page.getByRole("button", { name: "Crea l'evento" }).click();
    await expect(page.getByRole("status")).toHaveText("Evento creato come bozza: pubblicalo quando è pronto.");
    if (title.startsWith("Bozza")) {
      await page.getByText("Elimina la bozza…").click();
      await page.getByRole("button", { name: "Sì, elimina la bozza" }).click();
      await expect(page.getByRole("status")).toHaveText("Bozza eliminata.");
      await expect(page.getByRole("link", { name: title })).toHaveCount(0);
    } else {
      await page.getByRole("button", { name: "Pubblica" }).click();
      await page.getByText("Annulla l'evento…").click();
      await expect(page.getByText("Nessuno è iscritto: nessuna e-mail sarà inviata.")).toBeVisible();
      await page.getByRole("button", { name: "Sì, annulla l'evento e avvisa gli iscritti" }).click();
      await expect(page.getByRole("status")).toHaveText("Evento annullato. Non c'erano iscritti da avvisare.");
    }
  }
  await page.goto("/eventi");
  await expect(page.getByText(`Bozza da eliminare ${tag}`)).toHaveCount(0);
});

test("the session ends while a space is being edited: after signing in again the text is still there", async ({ page, context }, info) => {
  await signIn(page);
  await newSpace(page, `Sessione scaduta ${info.project.name}`);

  // Signed out in another tab while this one is being edited.
  const other = await context.newPage();
  await other.goto("/admin");
  await other.getByRole("button", { name: "Esci" }).click();
  // Signed out once the sign-in form is shown. The tab stays open (the context closes it):
  // closing it right after the navigation once hung Chromium's Page.close.
  await expect(other.getByRole("button", { name: "Accedi" })).toBeVisible();

  await page.getByRole("textbox", { name: "Descrizione breve", exact: true }).fill("Scritta mentre la sessione scadeva.");
  await page.getByRole("button", { name: "Salva" }).click();
  await expect(page.getByText(/La sessione è scaduta prima che il modulo arrivasse/)).toBeVisible();
  await page.getByLabel("Email").fill(STAFF.email);
  await page.getByLabel("Password").fill(STAFF.password);
  await page.getByRole("button", { name: "Accedi" }).click();
  await expect(page.getByText(/non è ancora salvato/)).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Descrizione breve", exact: true })).toHaveValue("Scritta mentre la sessione scadeva.");
  await page.getByRole("button", { name: "Salva" }).click();
  await expect(page.getByRole("status")).toHaveText("Modifiche salvate.");
  await expect(page.getByRole("textbox", { name: "Descrizione breve", exact: true })).toHaveValue("Scritta mentre la sessione scadeva.");
});
