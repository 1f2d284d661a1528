// Space managers: staff name a manager of a space; the manager asks for a sign-in link from
// the footer's "Gestisci il tuo spazio", opens it from the e-mail, signs in with one button
// and sees their space and no other; proposes a new description and a photo (a photo without
// its description is kept while the description is asked for), which staff approve and the
// public page then shows; a used link is refused; signing out ends it.
import { expect, test } from "@playwright/test";
import { deflateSync } from "node:zlib";

/** A PNG of `width` × `height` with some detail (as a phone's photo would have). */
function png(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = y * (width * 3 + 1) + 1 + x * 3;
      rows[at] = x % 256;
      rows[at + 1] = y % 256;
      rows[at + 2] = (x + y) % 256;
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
import { mailsTo, waitForMail } from "../fixtures/mail";
import { addManager, signIn } from "../fixtures/staff";

test("a manager signs in by e-mail, proposes a change, and staff publish it", async ({ page }, info) => {
  // Each project names its own manager of its own space: the specs share one database.
  const email = `gestore-${info.project.name}@example.it`;
  const space = info.project.name === "staff-js" ? "DumBO" : "Fa-Lab";
  const description = `Descrizione aggiornata dal gestore (${info.project.name}).`;

  await signIn(page);
  await page.goto(`/admin?q=${encodeURIComponent(space)}`);
  await page.getByRole("link", { name: space, exact: true }).first().click();
  await page.getByRole("link", { name: "Aggiungi o togli gestori" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Gestori – ${space}`);
  // A malformed address: said beside the field, kept as typed.
  const field = page.getByLabel("Aggiungi un gestore (indirizzo e-mail)");
  await field.fill("gestore@");
  await page.getByRole("button", { name: "Aggiungi", exact: true }).click();
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveValue("gestore@");
  await field.fill(email);
  await page.getByRole("button", { name: "Aggiungi", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText(`${email} ora gestisce lo spazio: gli abbiamo scritto per e-mail.`);
  await expect(page.getByRole("listitem").filter({ hasText: email })).toContainText("aggiunto dallo staff");
  await page.getByRole("button", { name: "Esci" }).click();

  // The manager, on a phone, from the footer of any page.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/eventi");
  await page.getByRole("link", { name: "Gestisci il tuo spazio" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Il mio spazio");
  await page.getByRole("textbox", { name: "Indirizzo e-mail" }).fill(email.toUpperCase());
  await page.getByRole("button", { name: "Mandami il link" }).click();
  await expect(page.getByRole("status")).toContainText("tra poco riceverai un'e-mail");

  const mail = await waitForMail(email, /\/il-mio-spazio\/accesso\/[0-9a-f]{64}/);
  const link = mail.match(/https?:\/\/\S+\/il-mio-spazio\/accesso\/[0-9a-f]{64}/)![0];
  await page.goto(new URL(link).pathname);
  await expect(page.getByText(`Stai entrando come ${email}.`)).toBeVisible();
  await page.getByRole("button", { name: "Entra" }).click();
  await expect(page).toHaveURL(/\/il-mio-spazio$/);
  await expect(page.getByText(`Sei entrato come ${email}.`)).toBeVisible();
  const spaces = page.getByRole("list").filter({ has: page.getByRole("heading", { level: 3 }) });
  await expect(spaces.getByRole("heading", { level: 3 })).toHaveText([space]);
  await expect(spaces).toContainText("Sulla mappa");

  // A colleague, invited: they manage the space too.
  await spaces.getByRole("link", { name: "Gestori", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Chi gestisce ${space}`);
  await page.getByLabel("Indirizzo e-mail della persona da invitare").fill(`collega-${email}`);
  await page.getByRole("button", { name: "Invita" }).click();
  await expect(page.getByRole("status")).toContainText(`collega-${email} ora gestisce lo spazio con te`);
  await expect(page.getByRole("listitem").filter({ hasText: `collega-${email}` })).toBeVisible();
  await page.getByRole("link", { name: "Torna ai tuoi spazi" }).click();

  // A new description, proposed: the public page stays as it is until staff approve.
  await spaces.getByRole("link", { name: "Proponi modifiche" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${space}: modifiche alla scheda`);
  await page.getByRole("textbox", { name: /^Descrizione breve/ }).fill(description);
  // A photo without its description: asked for beside the field; the photo is kept.
  await page.getByLabel("Scegli una foto").setInputFiles({ name: "sala.png", mimeType: "image/png", buffer: png(900, 600) });
  await page.getByRole("button", { name: "Invia le modifiche allo staff" }).click();
  const alt = page.getByRole("textbox", { name: /^Descrizione della foto/ });
  await expect(alt).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("textbox", { name: /^Descrizione breve/ })).toHaveValue(description);
  await expect(page.getByText("Foto caricata: sarà salvata con il resto del modulo.")).toBeVisible();
  await alt.fill(`La sala di ${space}`);
  await page.getByRole("button", { name: "Invia le modifiche allo staff" }).click();
  await expect(page.getByRole("status")).toContainText("Modifiche inviate");
  await expect(page.getByText(/in attesa dello staff/)).toBeVisible();
  await page.getByRole("link", { name: "Pagina pubblica" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(space);
  await expect(page.getByText(description)).toHaveCount(0);

  // The link works once.
  await page.goto(new URL(link).pathname);
  await expect(page.getByRole("alert")).toContainText("non funziona più");

  // Signing out ends the session.
  await page.goto("/il-mio-spazio");
  await page.getByRole("button", { name: "Esci" }).click();
  await expect(page.getByRole("status")).toHaveText("Sei uscito.");
  await expect(page.getByRole("button", { name: "Mandami il link" })).toBeVisible();

  // Staff find the proposal, field by field, and publish it.
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page);
  await page.getByRole("link", { name: /^Modifiche proposte/ }).click();
  await page.getByRole("link", { name: space, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Modifiche proposte a ${space}`);
  await expect(page.getByRole("row", { name: /Descrizione breve/ })).toContainText(description);
  const proposed = page.getByRole("row", { name: /^Foto/ }).getByRole("img");
  await expect(proposed).toHaveCount(1);
  // Loaded at the cards' size (polled: the picture may still be on its way).
  await expect.poll(() => proposed.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(360);
  await page.getByRole("button", { name: "Approva e pubblica" }).click();
  await expect(page.getByRole("status")).toContainText(`${space}: modifiche approvate e pubblicate`);
  await page.goto(`/spazi/${space === "DumBO" ? "dumbo" : "fa-lab"}`);
  await expect(page.getByText(description)).toBeVisible();
  const photo = page.getByRole("img", { name: `La sala di ${space}` });
  await expect(photo).toBeVisible();
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  // Approved today (the server's clock runs from 1 June 2022): the listing says so.
  await expect(page.getByText(/^Informazioni confermate il \d+°? giugno 2022$/)).toBeVisible();
  await waitForMail(email, /approvato le modifiche/);

  // Staff ask the manager to confirm the listing; one click on the e-mailed link does it,
  // without signing in.
  await page.goto(`/admin?q=${encodeURIComponent(space)}`);
  await page.getByRole("link", { name: space, exact: true }).first().click();
  await page.getByRole("link", { name: "Aggiungi o togli gestori" }).click();
  await page.getByRole("button", { name: "Chiedi ai gestori di confermare ora" }).click();
  await expect(page.getByRole("status")).toContainText("Chiesto ai 2 gestori");
  await page.getByRole("button", { name: "Esci" }).click();
  const ask = await waitForMail(email, /\/il-mio-spazio\/conferma\/[0-9a-f]{64}/);
  const confirm = ask.match(/https?:\/\/\S+\/il-mio-spazio\/conferma\/[0-9a-f]{64}/)![0];
  await page.goto(new URL(confirm).pathname);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Le informazioni del tuo spazio sono ancora giuste?");
  await expect(page.getByText(description)).toBeVisible();
  await expect(page.locator(".facts")).toContainText("Precisione della posizione");
  await page.getByRole("button", { name: "Sì, è tutto giusto" }).click();
  await expect(page.getByRole("status")).toHaveText("Grazie! Le informazioni del tuo spazio risultano confermate da oggi.");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Risposta ricevuta");
  // The link works once.
  await page.goto(new URL(confirm).pathname);
  await expect(page.getByRole("alert")).toContainText("non funziona più");
});

test("the managers' area in English answers every address the same", async ({ page }) => {
  await page.goto("/en/my-space");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My space");
  await page.getByRole("button", { name: "Send me the link" }).click();
  await expect(page.getByRole("textbox", { name: "E-mail address" })).toHaveAttribute("aria-invalid", "true");
  await page.getByRole("textbox", { name: "E-mail address" }).fill("nobody-at-all@example.it");
  await page.getByRole("button", { name: "Send me the link" }).click();
  await expect(page).toHaveURL(/\/en\/my-space\?inviato=1$/);
  await expect(page.getByRole("status")).toContainText("If this address manages a space");
  // A made-up link: refused, with the way on.
  await page.goto(`/en/my-space/sign-in/${"0".repeat(64)}`);
  await expect(page.getByRole("alert")).toContainText("no longer works");
  await expect(page.getByRole("button", { name: "Send me the link" })).toBeVisible();
});

test("changes sent after signing out in another tab are kept for the next sign-in", async ({ page }, info) => {
  // Each project its own space and manager: the specs share one database.
  const space = info.project.name === "staff-js" ? "MUG – Magazzini Generativi" : "TheFabLab Bologna";
  const email = `bozza-${info.project.name}@example.it`;
  const typed = `Scritta mentre uscivo da un'altra scheda (${info.project.name}).`;
  await signIn(page);
  await addManager(page, space, email);
  await page.getByRole("button", { name: "Esci" }).click();

  // Signs in from a link not used before (each request e-mails a new one).
  const usedLinks: string[] = [];
  const signInByMail = async () => {
    await page.goto("/il-mio-spazio");
    await page.getByRole("textbox", { name: "Indirizzo e-mail" }).fill(email);
    await page.getByRole("button", { name: "Mandami il link" }).click();
    let link = "";
    await expect
      .poll(() => {
        const links = mailsTo(email).flatMap((text) =>
          [...text.matchAll(/https?:\/\/\S+\/il-mio-spazio\/accesso\/[0-9a-f]{64}/g)].map((m) => m[0]),
        );
        link = links.find((l) => !usedLinks.includes(l)) ?? "";
        return link !== "";
      }, { timeout: 15_000 })
      .toBe(true);
    usedLinks.push(link);
    await page.goto(new URL(link).pathname);
    await page.getByRole("button", { name: "Entra" }).click();
  };
  await signInByMail();
  await page.getByRole("link", { name: "Proponi modifiche" }).click();
  await page.getByRole("textbox", { name: /^Descrizione breve/ }).fill(typed);

  // Meanwhile, in another tab, the manager signs out.
  const other = await page.context().newPage();
  await other.goto("/il-mio-spazio");
  await other.getByRole("button", { name: "Esci" }).click();
  await expect(other.getByRole("status")).toHaveText("Sei uscito.");
  await other.close();

  // Sent from the first tab: nothing proposed, nothing lost.
  await page.getByRole("button", { name: "Invia le modifiche allo staff" }).click();
  await expect(page).toHaveURL(/\/il-mio-spazio\?scaduta=1$/);
  await expect(page.getByRole("alert")).toContainText("non sono andate perse");

  // Signed in again: straight to the editor, with what was typed, to send.
  await signInByMail();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${space}: modifiche alla scheda`);
  await expect(page.getByText(/non sono ancora state inviate/)).toBeVisible();
  await expect(page.getByRole("textbox", { name: /^Descrizione breve/ })).toHaveValue(typed);
  await page.getByRole("button", { name: "Invia le modifiche allo staff" }).click();
  await expect(page.getByRole("status")).toContainText("Modifiche inviate");
});
