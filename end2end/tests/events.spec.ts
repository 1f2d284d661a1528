// The launch event from a phone (360×740, touch), with JavaScript on and off: the event page in
// Rome time, an RSVP with its errors beside the fields, the confirmation e-mail (read from the
// test mail folder) with the calendar file and the personal link, then cancelling through that
// link frees the seat. The server runs with SPAZI_NOW in the week before the launch.
import { expect, test } from "@playwright/test";
import { waitForMail } from "../fixtures/mail";

test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

/** "N posti disponibili su 80" → N. */
async function seatsLeft(page: import("@playwright/test").Page): Promise<number> {
  const text = (await page.locator("#seats").textContent()) ?? "";
  const m = text.match(/(\d+) posti disponibili su 80/);
  expect(m, `seats in ${JSON.stringify(text)}`).not.toBeNull();
  return Number(m![1]);
}

test("RSVP to the launch from a phone, get the e-mail, cancel through its link", async ({ page, request }, info) => {
  const tag = info.project.name;
  const email = `anna.${tag}@example.it`;

  await page.goto("/eventi");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Eventi del Forum");
  await page.getByRole("link", { name: "Nasce il Forum metropolitano degli spazi per l'innovazione" }).click();
  await expect(page).toHaveURL(/\/eventi\/lancio-forum-2022$/);
  const shown = Date.now();
  await expect(page.locator("time").first()).toHaveText("lunedì 6 giugno 2022, 17:00–19:00 (ora di Bologna, CEST)");
  await expect(page.getByText("Via della Ferriera 4, Bologna")).toBeVisible();
  await expect(page.getByRole("link", { name: "BIG – Boost Innovation Garage" })).toHaveAttribute("href", /\/spazi\//);
  // BIG's position is approximate: no map, no pin; the address counts, and a search for it.
  await expect(page.getByText("Il punto preciso non è sulla mappa: fa fede l'indirizzo.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Cerca l'indirizzo su OpenStreetMap" }))
    .toHaveAttribute("href", "https://www.openstreetmap.org/search?query=Via+della+Ferriera+4%2C+Bologna");
  await expect(page.locator(".event__map")).toHaveCount(0);
  // Near the date and seats, a link that jumps to the form.
  await expect(page.getByRole("link", { name: "Iscriviti", exact: true })).toHaveAttribute("href", "#iscrizione");
  await expect(page.getByRole("link", { name: "Google Calendar" })).toHaveAttribute("href", /dates=20220606T150000Z%2F|dates=20220606T150000Z\//);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
  const before = await seatsLeft(page);

  // The calendar file downloads with the right times.
  const ics = await request.get("/eventi/lancio-forum-2022/calendario.ics");
  expect(ics.headers()["content-type"]).toContain("text/calendar");
  // (unfolded: long lines are folded at 75 octets)
  const icsText = (await ics.text()).replace(/\r\n /g, "");
  expect(icsText).toContain("DTSTART:20220606T150000Z");
  // No point to navigate to from the calendar: the location is the address.
  expect(icsText).not.toContain("GEO:");
  expect(icsText).toContain("LOCATION:BIG – Boost Innovation Garage\\, Via della Ferriera 4\\, Bologna");

  // Missing name and a malformed e-mail: errors beside the fields, values kept.
  await page.getByRole("textbox", { name: /^Nome \*/ }).fill("Anna");
  await page.getByRole("textbox", { name: /^Email \*/ }).fill("anna@");
  await page.waitForTimeout(Math.max(0, 4_500 - (Date.now() - shown)));
  await page.getByRole("button", { name: "Iscriviti" }).click();
  await expect(page.locator("#last_name-error")).toHaveText("Questo campo è obbligatorio.");
  await expect(page.locator("#attendee_email-error")).toContainText("indirizzo email valido");
  await expect(page.locator("#consent_privacy-error")).toBeVisible();
  await expect(page.getByRole("textbox", { name: /^Nome \*/ })).toHaveValue("Anna");

  await page.getByRole("textbox", { name: /^Cognome/ }).fill(`Rossi ${tag}`);
  await page.getByRole("textbox", { name: /^Email \*/ }).fill(email);
  await page.getByRole("combobox", { name: /Organizzazione o spazio/ }).fill("Opificio Golinelli");
  await page.getByLabel(/Esigenze di accessibilità/).fill("Accesso senza gradini");
  await page.getByLabel(/Ho letto l'informativa sulla privacy/).check();
  await page.getByRole("button", { name: "Iscriviti" }).click();

  // The personal page: confirmed.
  await expect(page).toHaveURL(/\/prenotazione\/[0-9a-f]{64}\?nuova=1$/);
  await expect(page.locator("#rsvp-status")).toHaveText("Iscrizione confermata: ti aspettiamo!");
  await expect(page.getByText("Accesso senza gradini")).toBeVisible();
  // The QR code to show at the door, with its short code.
  await expect(page.locator(".rsvp-door .qr svg")).toBeVisible();
  await expect(page.locator("#checkin-code")).toHaveText(/^[0-9a-f]{12}$/);

  // The e-mail: details in Rome time, the calendar file, the personal link.
  const mail = await waitForMail(email, /Iscrizione confermata/);
  expect(mail).toContain("lunedì 6 giugno 2022, 17:00–19:00");
  expect(mail).toContain("DTSTART:20220606T150000Z");
  const link = mail.match(/https?:\/\/[^\s]+\/prenotazione\/[0-9a-f]{64}/)?.[0];
  expect(link, "the personal link in the e-mail").toBeTruthy();

  // One seat fewer on the event page.
  await page.goto("/eventi/lancio-forum-2022");
  expect(await seatsLeft(page)).toBe(before - 1);

  // Cancel through the e-mail's link: the seat is free again.
  await page.goto(new URL(link!).pathname);
  await page.getByRole("button", { name: "Annulla l'iscrizione" }).click();
  // Asked first: one stray tap cancels nothing.
  await expect(page).toHaveURL(/annulla=1#cancel-title$/);
  await expect(page.getByText("Vuoi davvero annullare l'iscrizione?")).toBeVisible();
  await page.getByRole("button", { name: "Sì, annulla l'iscrizione" }).click();
  // Nobody waits for the launch: the seat is free again (no first in line to give it to).
  await expect(page).toHaveURL(/annullata=libero$/);
  await expect(page.getByText("Hai annullato l'iscrizione: il tuo posto torna disponibile per altre persone.", { exact: false })).toBeVisible();
  await expect(page.locator("#rsvp-status")).toHaveText("Iscrizione annullata.");
  // Said by e-mail, with a calendar file that takes the event out of the calendar.
  const cancelled = await waitForMail(email, /hai annullato la tua iscrizione/);
  expect(cancelled).toContain("METHOD:CANCEL");
  // Changed her mind: one tap registers again with the same details, under a new link …
  await page.getByRole("button", { name: "Iscriviti di nuovo" }).click();
  await expect(page).toHaveURL(/\/prenotazione\/[0-9a-f]{64}\?nuova=1$/);
  await expect(page.locator("#rsvp-status")).toHaveText("Iscrizione confermata: ti aspettiamo!");
  await expect(page.getByText("Accesso senza gradini")).toBeVisible();
  const again = new URL(page.url()).pathname;
  // … and the first e-mail's link says what became of that registration.
  await page.goto(new URL(link!).pathname);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Questo link di iscrizione non è più valido");
  // Cancelled again (the seat counts stay exact for the other tests).
  await page.goto(again);
  await page.getByRole("button", { name: "Annulla l'iscrizione" }).click();
  await page.getByRole("button", { name: "Sì, annulla l'iscrizione" }).click();
  await expect(page.locator("#rsvp-status")).toHaveText("Iscrizione annullata.");
  await page.goto("/eventi/lancio-forum-2022");
  expect(await seatsLeft(page)).toBe(before);
});

test("a wrong link shows a clear page, not someone else's registration", async ({ page }) => {
  const res = await page.goto(`/prenotazione/${"0".repeat(64)}`);
  expect(res?.status()).toBe(404);
  // Said in its own words, with the way on.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Questo link di iscrizione non è più valido");
  await expect(page.getByRole("link", { name: "Tutti gli eventi" })).toHaveAttribute("href", "/eventi");
});

test("sending at once is not turned away: held back with JavaScript, said once without", async ({ page }, info) => {
  const js = info.project.use.javaScriptEnabled !== false;
  const tag = info.project.name;
  const surname = page.getByRole("textbox", { name: /^Cognome/ });
  const send = page.getByRole("button", { name: "Iscriviti" });
  await page.goto("/eventi/lancio-forum-2022");
  const shown = Date.now();
  if (js) await expect(page.locator("#rsvp-form[data-assist=ready]")).toBeAttached();
  await page.getByRole("textbox", { name: /^Nome \*/ }).fill("Rita");
  await surname.fill(`Presta ${tag}`);
  await page.getByRole("textbox", { name: /^Email \*/ }).fill(`rita.${tag}@example.it`);
  await page.getByLabel(/Ho letto l'informativa sulla privacy/).check();
  if (js) {
    // A reload restores the draft; sent at once, it is held back a moment, then goes.
    await page.reload();
    await expect(page.locator("#rsvp-form[data-assist=ready]")).toBeAttached();
    await expect(surname).toHaveValue(`Presta ${tag}`);
    await send.click();
    await expect(page.locator("#rsvp-status")).toContainText(/Iscrizione confermata|lista d'attesa/);
    return;
  }
  // Without JavaScript: refused once, said once, nothing typed lost; the seconds already spent
  // count, so a second try moments later goes.
  await send.click();
  await expect(page.getByText(/inviato troppo in fretta/)).toHaveCount(1);
  await expect(surname).toHaveValue(`Presta ${tag}`);
  await page.getByLabel(/Ho letto l'informativa sulla privacy/).check();
  await page.waitForTimeout(Math.max(0, 4_500 - (Date.now() - shown)));
  await send.click();
  await expect(page.locator("#rsvp-status")).toContainText(/Iscrizione confermata|lista d'attesa/);
});
