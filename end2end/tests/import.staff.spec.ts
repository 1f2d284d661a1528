// Importing spaces from a file: upload, dry-run preview with per-row errors, confirm, progress
// and report; the same file again changes nothing. And the list of positions to correct.
import { expect, test } from "@playwright/test";
import { signIn } from "../fixtures/staff";

test("staff import a CSV: preview, confirm, report, then re-import changes nothing", async ({ page }, info) => {
  // Names of this project only: the specs share one database.
  const tag = info.project.name;
  const csv =
    "nome;tipi;comune;indirizzo;lat;lon;precisione\n" +
    `Officina ${tag};fablab;Imola;Via Emilia 1;44,353;11,714;esatta\n` +
    `Cowo ${tag};coworking;Casalecchio di Reno;;44.476;11.275;approssimativa\n` +
    `Lontano ${tag};coworking;Milano;;45.46;9.19;\n`;
  const file = { name: `mappatura-${tag}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv) };

  await signIn(page);
  await page.getByRole("link", { name: "Importa da file (CSV o GeoJSON)" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Importa spazi da file");

  // No file chosen: the message is beside the field.
  await page.getByRole("button", { name: "Carica e mostra l'anteprima" }).click();
  await expect(page.locator("#file-error")).toHaveText("Scegli un file da caricare.");

  await page.getByLabel("File", { exact: true }).setInputFiles(file);
  await page.getByRole("button", { name: "Carica e mostra l'anteprima" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(file.name);
  await expect(page.getByText("Da creare: 2")).toBeVisible();
  await expect(page.getByText("Con errori (non importate): 1")).toBeVisible();
  const bad = page.getByRole("row", { name: new RegExp(`Lontano ${tag}`) });
  await expect(bad).toContainText("errore");
  await expect(bad).toContainText("Comune «Milano»: Non è uno dei 55 comuni della Città metropolitana di Bologna");
  await expect(bad).toContainText("fuori dalla Città metropolitana");

  await page.getByRole("button", { name: "Conferma e importa (2 spazi)" }).click();
  await expect(page.getByRole("heading", { name: "Importazione completata" })).toBeVisible();
  await expect(page.getByText("Creati: 2")).toBeVisible();

  // The new spaces are in the staff list (pending: not on the public map yet).
  await page.getByRole("link", { name: "Torna all'elenco degli spazi" }).click();
  await page.getByRole("searchbox", { name: "Cerca", exact: true }).fill(`Officina ${tag}`);
  await page.getByRole("button", { name: "Filtra" }).click();
  await expect(page.getByRole("status")).toHaveText("1 spazio");
  await expect(page.getByRole("row", { name: new RegExp(`Officina ${tag}`) })).toContainText("In attesa");

  // The same file again: nothing to do.
  await page.goto("/admin/importa");
  await page.getByLabel("File", { exact: true }).setInputFiles(file);
  await page.getByRole("button", { name: "Carica e mostra l'anteprima" }).click();
  await expect(page.getByText("Senza modifiche: 2")).toBeVisible();
  await expect(page.getByText("Non c'è nulla da importare")).toBeVisible();
  await expect(page.getByRole("button", { name: /Conferma e importa/ })).toHaveCount(0);
});

test("staff list the spaces whose position is approximate, to correct them", async ({ page }) => {
  await signIn(page);
  await page.getByRole("link", { name: /posizione approssimativa da correggere/ }).click();
  await expect(page).toHaveURL(/posizione=approssimativa/);
  await expect(page.getByRole("checkbox", { name: /Solo posizioni approssimative/ })).toBeChecked();
  const rows = page.getByRole("row");
  expect(await rows.count()).toBeGreaterThan(1);
  for (const row of await page.locator("tbody tr").all()) {
    await expect(row.locator(".tag")).toBeVisible();
  }
});
