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
  // Every space is listed (the seeded 12, plus any another spec has added meanwhile).
  const rows = (await page.getByRole("row").count()) - 1;
  expect(rows).toBeGreaterThanOrEqual(12);
  await expect(page.getByRole("status")).toHaveText(`${rows} spazi`);

  // The export of every space, with the session's cookie.
  const href = await page.getByRole("link", { name: "CSV (Excel)" }).getAttribute("href");
  const csv = await (await page.request.get(href!)).text();
  expect(csv.split("\r\n")[0]).toMatch(/^\uFEFF?status;slug;name;/);

  // Filter by status and text.
  await page.getByRole("combobox", { name: "Stato" }).selectOption({ label: "Pubblicato" });
  await page.getByRole("searchbox", { name: "Cerca", exact: true }).fill("fablab");
  await page.getByRole("button", { name: "Filtra" }).click();
  await expect(page.getByRole("status")).toHaveText("2 spazi");

  await page.getByRole("button", { name: "Esci" }).click();
  await expect(page.getByRole("status")).toHaveText("Sei uscito dall'area riservata.");
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/accedi/);
});

test("staff edit a space: errors beside the fields, then the change on the public map", async ({ page }, info) => {
  // Each project edits its own space: the specs share one database.
  const original = info.project.use.javaScriptEnabled ? "MUG – Magazzini Generativi" : "Almacube";
  const renamed = `${original} rinnovato`;
  await page.goto("/admin/accedi");
  await page.getByLabel("Email").fill(STAFF.email);
  await page.getByLabel("Password").fill(STAFF.password);
  await page.getByRole("button", { name: "Accedi" }).click();
  await page.getByRole("link", { name: original, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(original);

  // An empty name: the page comes back with the problem beside the field.
  const name = page.getByRole("textbox", { name: /Nome dello spazio/ });
  await name.fill("");
  await page.getByRole("button", { name: "Salva le modifiche" }).click();
  await expect(page.getByRole("alert")).toContainText("Nome dello spazio: Questo campo è obbligatorio.");
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#name-error")).toHaveText("Questo campo è obbligatorio.");

  await name.fill(renamed);
  await page.getByRole("button", { name: "Salva le modifiche" }).click();
  await expect(page.getByRole("status")).toHaveText("Modifiche salvate.");
  await expect(page.getByRole("table")).toContainText(`${original} → ${renamed}`);

  await page.goto(`/?q=${encodeURIComponent(renamed)}`);
  await expect(page.getByRole("heading", { level: 3, name: renamed })).toBeVisible();
});

test("the pin on the edit page's map sets latitude and longitude", async ({ page }, info) => {
  test.skip(!info.project.use.javaScriptEnabled, "the map needs JavaScript; the fields work alone");
  await page.goto("/admin/accedi");
  await page.getByLabel("Email").fill(STAFF.email);
  await page.getByLabel("Password").fill(STAFF.password);
  await page.getByRole("button", { name: "Accedi" }).click();
  await page.getByRole("link", { name: "Le Serre dei Giardini Margherita", exact: true }).click();
  const picker = page.locator(".map--picker");
  await expect(picker).toHaveAttribute("data-ready", "true");
  const lat = page.getByRole("textbox", { name: /Latitudine/ });
  const lon = page.getByRole("textbox", { name: /Longitudine/ });
  await expect(lat).toHaveValue("44.4812");
  // Tap the map south-west of the pin (clear of the zoom buttons, top left, and the
  // attribution, bottom right): the pin moves there and the fields follow.
  const box = (await picker.boundingBox())!;
  await picker.click({ position: { x: box.width * 0.25, y: box.height * 0.75 } });
  await expect(lat).not.toHaveValue("44.4812");
  const [newLat, newLon] = [Number(await lat.inputValue()), Number(await lon.inputValue())];
  expect(newLat).toBeLessThan(44.4812);
  expect(newLon).toBeLessThan(11.353);
  // Typing a position moves the pin back (checked through Leaflet's marker position on screen).
  const pin = picker.locator(".space-marker--pin");
  const before = await pin.boundingBox();
  await lat.fill("44.4812");
  await lon.fill("11.3530");
  await lon.press("Tab");
  await expect.poll(async () => (await pin.boundingBox())?.x).not.toBe(before?.x);
});

test("staff add a space, which is public once published", async ({ page }, info) => {
  const name = `Laboratorio di prova ${info.project.name}`;
  await page.goto("/admin/accedi");
  await page.getByLabel("Email").fill(STAFF.email);
  await page.getByLabel("Password").fill(STAFF.password);
  await page.getByRole("button", { name: "Accedi" }).click();
  await page.getByRole("link", { name: "Nuovo spazio" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nuovo spazio");

  await page.getByRole("button", { name: "Crea lo spazio" }).click();
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("Nome dello spazio: Questo campo è obbligatorio.");
  await expect(summary).toContainText("Tipo di spazio: Scegli almeno un'opzione.");
  await expect(summary).toContainText("Comune: Questo campo è obbligatorio.");

  await page.getByRole("textbox", { name: /Nome dello spazio/ }).fill(name);
  await page.getByRole("checkbox", { name: "Fab lab e makerspace" }).check();
  await page.getByRole("combobox", { name: /^Comune/ }).selectOption({ label: "Imola" });
  await page.getByRole("textbox", { name: /Latitudine/ }).fill("44,3533");
  await page.getByRole("textbox", { name: /Longitudine/ }).fill("11,7141");
  await page.getByRole("button", { name: "Crea lo spazio" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByText("In attesa", { exact: true })).toBeVisible();

  await page.goto(`/?q=${encodeURIComponent(name)}`);
  await expect(page.getByRole("status")).toHaveText("Nessuno spazio trovato");

  await page.goBack();
  await page.getByRole("button", { name: "Pubblica" }).click();
  await expect(page.getByText("Pubblicato", { exact: true })).toBeVisible();
  await page.goto(`/?q=${encodeURIComponent(name)}`);
  await expect(page.getByRole("heading", { level: 3, name })).toBeVisible();
  await expect(page.getByText("Imola", { exact: true })).toBeVisible();
});
