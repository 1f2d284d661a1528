// Reliability check: the real server binary on a fresh SQLite database, a burst of RSVPs and
// join requests from many clients, the server killed with SIGKILL in the middle of it, then
// restarted. Afterwards every request that got a success answer must be stored, and every
// stored registration and request must have had its e-mails delivered — once (a message
// re-sent after the kill carries the same Message-ID, so a mail system keeps one; the raw
// count of re-sends is reported too). Finally, SIGTERM with requests in flight: each is
// answered and the process exits cleanly. Prints the figures for the README.
//
//   node scripts/reliability.mjs            # uses target/debug/server (after `cargo leptos build`)
//   SPAZI_PROFILE=release node scripts/reliability.mjs
import { spawn, execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const server = `${root}/target/${process.env.SPAZI_PROFILE ?? "debug"}/server`;
const port = Number(process.env.SPAZI_RELIABILITY_PORT ?? 3300);
const base = `http://127.0.0.1:${port}`;
const work = fs.mkdtempSync(path.join(os.tmpdir(), "spazi-reliability-"));
const databaseUrl = `sqlite://${work}/spazi.db?mode=rwc`;
const RSVPS = Number(process.env.RSVPS ?? 300);
const JOINS = Number(process.env.JOINS ?? 30);
const KILL_AFTER = Math.floor((RSVPS + JOINS) / 2);
const LEASE_SECONDS = 120; // app::outbox::LEASE
const launchWeek = Date.parse("2022-06-01T10:00:00+02:00");

// A minimal SMTP receiver: every message's recipients and Message-ID.
const received = [];
const sink = net.createServer((socket) => {
  socket.write("220 sink ESMTP\r\n");
  let buffer = "";
  let data = null;
  let rcpt = [];
  socket.on("data", (chunk) => {
    buffer += chunk.toString("utf8");
    let i;
    while ((i = buffer.indexOf("\r\n")) >= 0) {
      const line = buffer.slice(0, i);
      buffer = buffer.slice(i + 2);
      if (data !== null) {
        if (line === ".") {
          const id = (data.match(/^Message-ID: (.*)$/im) ?? [])[1] ?? "";
          received.push({ to: rcpt.join(","), id });
          data = null;
          rcpt = [];
          socket.write("250 OK\r\n");
        } else data += line + "\n";
        continue;
      }
      const verb = line.split(" ")[0].toUpperCase();
      if (verb === "EHLO" || verb === "HELO") socket.write("250-sink\r\n250 8BITMIME\r\n");
      else if (verb === "RCPT") {
        rcpt.push((line.match(/<([^>]*)>/) ?? [])[1]);
        socket.write("250 OK\r\n");
      } else if (verb === "DATA") {
        data = "";
        socket.write("354 go on\r\n");
      } else if (verb === "QUIT") {
        socket.end("221 bye\r\n");
      } else socket.write("250 OK\r\n");
    }
  });
  socket.on("error", () => {});
});
await new Promise((ok) => sink.listen(0, "127.0.0.1", ok));
const smtpPort = sink.address().port;

function start(nowMs) {
  const child = spawn(server, [], {
    cwd: root,
    env: {
      ...process.env,
      LEPTOS_OUTPUT_NAME: "spazi",
      LEPTOS_SITE_ROOT: "target/site",
      LEPTOS_SITE_PKG_DIR: "pkg",
      LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
      DATABASE_URL: databaseUrl,
      SPAZI_TILE_URL: "",
      SPAZI_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      SPAZI_NOW: new Date(nowMs).toISOString(),
      // Every request comes "through" this proxy with its own client address.
      SPAZI_TRUSTED_PROXIES: "127.0.0.1",
      RUST_LOG: "error",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return child;
}

async function waitReady() {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${base}/readyz`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the server did not start");
}

const tokenOf = (html) => html.match(/name="started" value="([^"]+)"/)[1];

let child = start(launchWeek);
const startedAt = Date.now();
await waitReady();
const rsvpToken = tokenOf(await (await fetch(`${base}/eventi/lancio-forum-2022`)).text());
const joinToken = tokenOf(await (await fetch(`${base}/aderisci`)).text());
await new Promise((r) => setTimeout(r, 4500)); // the forms' minimum fill time

const jobs = [];
for (let i = 0; i < RSVPS; i++) {
  jobs.push({
    kind: "rsvp",
    email: `persona${i}@example.it`,
    path: "/eventi/lancio-forum-2022",
    body: new URLSearchParams({
      started: rsvpToken, fax: "", first_name: `P${i}`, last_name: "Rossi",
      attendee_email: `persona${i}@example.it`, consent_privacy: "on",
    }),
  });
}
for (let i = 0; i < JOINS; i++) {
  jobs.push({
    kind: "join",
    email: `referente${i}@example.it`,
    path: "/aderisci",
    body: new URLSearchParams({
      started: joinToken, fax: "", name: `Officina affidabile ${i}`, kind_fablab: "on",
      municipality: "037006", organisation: `Associazione ${i}`, organisation_kind: "association",
      contact_name: "Maria Bianchi", contact_email: `referente${i}@example.it`, consent_privacy: "on",
    }),
  });
}
jobs.sort(() => Math.random() - 0.5);

let answered = 0;
let killed = false;
const results = await Promise.all(
  jobs.map(async (job, i) => {
    await new Promise((r) => setTimeout(r, i * 3)); // a burst, not all in one instant
    try {
      const res = await fetch(base + job.path, {
        method: "POST",
        redirect: "manual",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          origin: base,
          "x-forwarded-for": `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
        },
        body: job.body,
      });
      answered++;
      if (answered === KILL_AFTER && !killed) {
        killed = true;
        child.kill("SIGKILL");
      }
      return { ...job, success: res.status === 303 };
    } catch {
      return { ...job, success: false, noAnswer: true };
    }
  }),
);
if (!killed) child.kill("SIGKILL");
await new Promise((r) => {
  child.once("exit", r);
  setTimeout(r, 2000);
});

// Restart on the same database, the clock moved past the e-mail leases the killed server held.
const elapsed = Date.now() - startedAt;
child = start(launchWeek + elapsed + (LEASE_SECONDS + 10) * 1000);
await waitReady();
let last = -1;
for (let stable = 0; stable < 6; ) {
  await new Promise((r) => setTimeout(r, 500));
  stable = received.length === last ? stable + 1 : 0;
  last = received.length;
}
// Graceful shutdown: SIGTERM while page requests are under way. The server stops listening,
// answers what it is handling, and exits cleanly; connections still waiting in the kernel's
// accept queue are reset (a client or proxy retries them). Reported, and the exit must be clean.
const pages = Array.from({ length: 40 }, (_, i) =>
  fetch(`${base}/eventi/lancio-forum-2022?n=${i}`).then(
    (r) => r.status,
    (e) => e?.cause?.code ?? "error",
  ),
);
await new Promise((r) => setTimeout(r, 20));
const exited = new Promise((r) => child.once("exit", (code, signal) => r({ code, signal })));
child.kill("SIGTERM");
const shutdownAnswers = await Promise.all(pages);
const exit = await exited;
sink.close();

// What is stored, by the server's own data export (one person at a time).
const stored = (email) => {
  const out = execFileSync(server, ["person", "export", "--email", email], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, RUST_LOG: "error" },
  });
  const data = JSON.parse(out.toString());
  return data.registrations.length + data.join_requests.length;
};
const byRecipient = new Map();
for (const m of received) {
  for (const to of m.to.split(",")) {
    const e = byRecipient.get(to) ?? { messages: 0, ids: new Set() };
    e.messages++;
    e.ids.add(m.id);
    byRecipient.set(to, e);
  }
}
let lost = 0;
let storedCount = 0;
let missingMail = 0;
let extraMail = 0;
let resent = 0;
for (const r of results) {
  const isStored = stored(r.email) > 0;
  if (isStored) storedCount++;
  if (r.success && !isStored) lost++;
  const mail = byRecipient.get(r.email) ?? { messages: 0, ids: new Set() };
  if (isStored && mail.ids.size === 0) missingMail++;
  if (mail.ids.size > 1) extraMail++;
  resent += mail.messages - mail.ids.size;
  if (!isStored && mail.messages > 0) extraMail++;
}
const successes = results.filter((r) => r.success).length;
const noAnswer = results.filter((r) => r.noAnswer).length;
const figures = {
  "requests sent (RSVPs + join requests)": `${results.length} (${RSVPS} + ${JOINS})`,
  "killed with SIGKILL after answers": KILL_AFTER,
  "success answers": successes,
  "no answer (cut by the kill)": noAnswer,
  "stored after restart": storedCount,
  "success answers not stored (data lost)": lost,
  "stored without their e-mail": missingMail,
  "people e-mailed a different message twice": extraMail,
  "same message re-sent after the kill (same Message-ID)": resent,
  "e-mails delivered": received.length,
  "SIGTERM with 40 page requests under way: answered": shutdownAnswers.filter((s) => s === 200).length,
  "  refused or reset before being handled": shutdownAnswers.filter((s) => s !== 200).length,
  "exit after SIGTERM": exit.signal ?? `code ${exit.code}`,
};
console.log("\nReliability under SIGKILL");
for (const [k, v] of Object.entries(figures)) console.log(`  ${k}: ${v}`);
fs.rmSync(work, { recursive: true, force: true });
const graceful = exit.code === 0;
process.exit(lost === 0 && missingMail === 0 && extraMail === 0 && graceful ? 0 : 1);
