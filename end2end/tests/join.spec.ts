// Joining the Forum from a phone (360×740, touch), with JavaScript on and off: errors beside the
// fields with everything kept, then the reference code and the confirmation e-mail.
import { expect, test } from "@playwright/test";
import { waitForMail } from "../fixtures/mail";

test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

test("a space joins the Forum from a phone and gets its reference code", async ({ page }, info) => {
  const js = info.project.use.javaScriptEnabled;
  const tag = info.project.name;
  const name = `Officina e2e ${tag}`;
  const contact = `maria.${tag}@example.it`;

  await page.goto("/aderisci");
  // The form refuses what is sent within seconds of its rendering (a reload renders it anew).
  let shown = Date.now();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Aderisci al Forum");
  if (js) await expect(page.locator("#join-form[data-assist=ready]")).toBeAttached();
  // No horizontal scrolling on a phone.
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);

  // Only a name and a malformed e-mail: every problem beside its field, the values kept.
  await page.getByRole("textbox", { name: /Nome dello spazio/ }).fill(name);
  await page.getByRole("textbox", { name: /^Email \*/ }).fill("maria@");
  if (js) {
    // Checked on leaving the field, before anything is sent.
    await page.getByRole("textbox", { name: /Ruolo/ }).focus();
    await expect(page.locator("#contact_email-error")).toHaveText(/Scrivi un indirizzo email valido/);
    await expect(page.getByRole("textbox", { name: /^Email \*/ })).toHaveAttribute("aria-invalid", "true");
    // A reload on the phone loses nothing: the draft is kept on the device.
    await page.reload();
    shown = Date.now();
    await expect(page.locator("#join-form[data-assist=ready]")).toBeAttached();
    await expect(page.getByRole("status").filter({ hasText: "Abbiamo ripreso i dati" })).toBeVisible();
    await expect(page.getByRole("textbox", { name: /Nome dello spazio/ })).toHaveValue(name);
    await expect(page.getByRole("textbox", { name: /^Email \*/ })).toHaveValue("maria@");
  }
  // A person takes a few seconds; the form refuses faster senders.
  await page.waitForTimeout(Math.max(0, 4_500 - (Date.now() - shown)));
  await page.getByRole("button", { name: "Invia la richiesta" }).click();
  if (js) {
    // Stopped in the browser: errors beside the fields, focus on the first problem.
    await expect(page).toHaveURL(/\/aderisci$/);
    await expect(page.locator("#kinds-error")).toHaveText("Scegli almeno un'opzione.");
    await expect(page.locator("#municipality-error")).toHaveText("Questo campo è obbligatorio.");
    await expect(page.locator("#consent_privacy-error")).toContainText("Per inviare la richiesta");
    await expect(page.getByLabel("Coworking")).toBeFocused();
  } else {
    const summary = page.locator(".error-summary");
    await expect(summary).toContainText("Tipo di spazio: Scegli almeno un'opzione.");
    await expect(summary).toContainText("Comune: Questo campo è obbligatorio.");
    await expect(summary).toContainText("Email: Scrivi un indirizzo email valido");
    await expect(summary).toContainText("Informativa sulla privacy: Per inviare la richiesta");
    // The summary links to the field.
    await summary.getByRole("link", { name: /Tipo di spazio/ }).click();
    await expect(page).toHaveURL(/#kinds$/);
  }
  await expect(page.getByRole("textbox", { name: /Nome dello spazio/ })).toHaveValue(name);
  await expect(page.locator("#contact_email-error")).toBeVisible();

  await page.getByLabel("Fab lab e makerspace").check();
  const description = "Un laboratorio aperto a tutti, con stampanti 3D.";
  await page.getByLabel("Descrizione breve").fill(description);
  // The limit is visible; with JavaScript it counts down.
  const hint = page.locator("#description-count");
  await expect(hint).toHaveText(js ? `${600 - description.length} caratteri disponibili su 600` : /600 caratteri/);
  // The limit is read with the field by screen readers.
  await expect(page.getByLabel("Descrizione breve")).toHaveAttribute("aria-describedby", /description-count/);
  await page.getByLabel("Indirizzo (via e numero civico)").fill("Via Emilia 10");
  await page.getByRole("combobox", { name: /Comune/ }).selectOption({ label: "Imola" });
  if (js) {
    // Tap the map to place the pin, once it shows Imola: the coordinates follow.
    await expect(page.locator(".map--picker .map-picker__outline")).toBeVisible();
    await page.locator(".map--picker").tap();
    await expect(page.getByLabel("Latitudine")).not.toHaveValue("");
  }
  await page.getByRole("textbox", { name: /Organizzazione che lo gestisce/ }).fill("Associazione Officina");
  await page.getByRole("combobox", { name: /Tipo di organizzazione/ }).selectOption("association");
  await page.getByRole("textbox", { name: /^Nome e cognome/ }).fill("Maria Bianchi");
  await page.getByRole("textbox", { name: /^Email \*/ }).fill(contact);
  await page.getByLabel("Informazioni su bandi e finanziamenti").check();
  await page.getByLabel("La tua visione per la rete degli spazi").fill("Condividere attrezzature e competenze.");
  await page.getByLabel(/Ho letto l'informativa sulla privacy/).check();
  await page.getByRole("button", { name: "Invia la richiesta" }).click();

  await expect(page).toHaveURL(/\/aderisci\/inviata\/ADR-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Richiesta inviata");
  const reference = (await page.locator(".reference strong").textContent())!.trim();
  expect(page.url()).toContain(reference);
  await expect(page.getByText(name)).toBeVisible();

  if (js) {
    // Sent: the draft is forgotten.
    await page.goto("/aderisci");
    await expect(page.getByRole("textbox", { name: /Nome dello spazio/ })).toHaveValue("");
  }
  const mail = await waitForMail(contact, new RegExp(reference));
  expect(mail).toContain(name);
  expect(mail).toContain("Buongiorno Maria Bianchi");
});

test("drafts left on the device expire after a week", async ({ page }, info) => {
  test.skip(!info.project.use.javaScriptEnabled, "drafts are kept by the form's helper");
  const day = 24 * 3600 * 1000;
  // A week-old join draft, an old RSVP draft of another event, one written before drafts
  // carried a time, and a fresh one of another event.
  await page.addInitScript((day) => {
    if (sessionStorage.getItem("seeded")) return;
    sessionStorage.setItem("seeded", "1");
    const old = Date.now() - 8 * day;
    localStorage.setItem("spazi:aderisci:bozza", JSON.stringify({ at: old, pairs: [["space_name", "Bozza vecchia"]] }));
    localStorage.setItem("spazi:iscrizione:bozza:altro", JSON.stringify({ at: old, pairs: [["first_name", "Anna"]] }));
    localStorage.setItem("spazi:iscrizione:bozza", JSON.stringify([["first_name", "Senza data"]]));
    localStorage.setItem("spazi:iscrizione:bozza:recente", JSON.stringify({ at: Date.now() - day, pairs: [["first_name", "Ugo"]] }));
  }, day);
  await page.goto("/aderisci");
  await expect(page.locator("#join-form[data-assist=ready]")).toBeAttached();
  await expect(page.getByRole("textbox", { name: /Nome dello spazio/ })).toHaveValue("");
  const keys = await page.evaluate(() => Object.keys(localStorage).sort());
  expect(keys).toEqual(["spazi:iscrizione:bozza:recente"]);
});

test("text past a limit is kept and said, never cut", async ({ page }, info) => {
  const js = info.project.use.javaScriptEnabled;
  await page.goto("/aderisci");
  const shown = Date.now();
  if (js) await expect(page.locator("#join-form[data-assist=ready]")).toBeAttached();
  // Pasted, 60 characters too many: all of it stays in the field.
  const long = "a".repeat(660);
  const field = page.getByLabel("Descrizione breve");
  await field.fill(long);
  await expect(field).toHaveValue(long);
  if (js) {
    await expect(page.locator("#description-count")).toHaveText("60 caratteri di troppo: il massimo è 600");
    await field.fill("a".repeat(590));
    await expect(page.locator("#description-count")).toHaveText("10 caratteri disponibili su 600");
    return;
  }
  // Without JavaScript the server says it beside the field, and keeps the text.
  await page.waitForTimeout(Math.max(0, 4_500 - (Date.now() - shown)));
  await page.getByRole("button", { name: "Invia la richiesta" }).click();
  await expect(page.locator("#description-error")).toHaveText("Il testo è troppo lungo: al massimo 600 caratteri.");
  await expect(page.getByLabel("Descrizione breve")).toHaveValue(long);
});

test.describe("on a 390×844 phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the pin stays in the chosen municipality, placed by touch or by keyboard", async ({ page }, info) => {
    const js = info.project.use.javaScriptEnabled;
    await page.goto("/aderisci");
    const shown = Date.now();
    const latitude = page.getByRole("textbox", { name: "Latitudine" });
    const longitude = page.getByRole("textbox", { name: "Longitudine" });
    const outside = /fuori dal comune scelto/;
    await page.getByRole("combobox", { name: /Comune/ }).selectOption({ label: "Imola" });
    if (js) {
      await expect(page.locator("#join-form[data-assist=ready]")).toBeAttached();
      // The map goes to Imola and outlines it; the pin waits there, the fields stay empty.
      await expect(page.locator(".map--picker .map-picker__outline")).toBeVisible();
      await expect(latitude).toHaveValue("");
      // A position typed in Bologna is said at once, beside the latitude.
      await latitude.fill("44.4949");
      await longitude.fill("11.3426");
      await longitude.blur();
      await expect(page.locator("#lat-error")).toHaveText(outside);
      await expect(latitude).toHaveAttribute("aria-invalid", "true");
      // From the keyboard: the map's centre (Imola again, once chosen again) …
      await page.getByRole("combobox", { name: /Comune/ }).selectOption({ label: "Bologna" });
      await expect(page.locator("#lat-error")).toHaveCount(0);
      await page.getByRole("combobox", { name: /Comune/ }).selectOption({ label: "Imola" });
      await expect(page.locator("#lat-error")).toHaveText(outside);
      await page.getByRole("button", { name: "Metti il segnaposto al centro della mappa" }).click();
      await expect(page.locator("#lat-error")).toHaveCount(0);
      const lat = Number(await latitude.inputValue());
      expect(lat).toBeGreaterThan(44.2);
      expect(lat).toBeLessThan(44.45);
      // … and the arrow keys on the pin.
      const lon = Number(await longitude.inputValue());
      const pin = page.getByRole("button", { name: /Segnaposto: spostalo con le frecce/ });
      await pin.focus();
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("Shift+ArrowRight");
      await expect.poll(async () => Number(await longitude.inputValue())).toBeGreaterThan(lon);
      await expect(pin).toBeFocused();
    }
    // Sent with the pin in Bologna for a space in Imola: refused beside the latitude (by the
    // form's helper, or by the server with JavaScript off), what was typed kept.
    await latitude.fill("44.4949");
    await longitude.fill("11.3426");
    await page.waitForTimeout(Math.max(0, 4_500 - (Date.now() - shown)));
    await page.getByRole("button", { name: "Invia la richiesta" }).click();
    await expect(page.locator("#lat-error")).toHaveText(outside);
    await expect(latitude).toHaveValue("44.4949");
    await expect(page.getByRole("combobox", { name: /Comune/ })).toHaveValue("037032");
  });
});
