// Fuzzing at scale: the release server driven with generated hostile requests across every
// public and staff endpoint — forms, query strings, headers (Host, Origin, Cookie,
// Accept-Encoding, X-Forwarded-For), multipart uploads, malformed UTF-8, huge and deeply nested
// bodies, raw malformed HTTP — on SQLite and on PostgreSQL. Reports, per database: requests,
// answers by status, 5xx (with examples), panics, server restarts and the RSS peak. Targets:
// 0 5xx, 0 panics, RSS under 64 MB. Measures and prints; not part of CI (it takes minutes).
//
//   node bench/fuzz.mjs                 100,000 requests a database, both databases
//   FUZZ_REQUESTS=20000 FUZZ_SEED=7 FUZZ_SKIP=postgres node bench/fuzz.mjs
//
// Needs the release build (`cargo leptos build --release`). Settings: FUZZ_REQUESTS (100000),
// FUZZ_CONCURRENCY (32), FUZZ_SEED (1), FUZZ_SKIP (sqlite, postgres), FUZZ_PATHS (a regular
// expression: only requests whose path matches it, to tell which endpoints drive a figure),
// FUZZ_POSTGRES_URL (postgres://postgres@127.0.0.1:5432/postgres; a database spazi_fuzz is
// created and dropped).
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import * as srv from "./server.mjs";
import { fmt, memory, root, sleep, stop, waitReady } from "./server.mjs";

const binary = `${root}/target/release/server`;
const total = Number(process.env.FUZZ_REQUESTS ?? 100_000);
const concurrency = Number(process.env.FUZZ_CONCURRENCY ?? 32);
const seed = Number(process.env.FUZZ_SEED ?? 1);
const skip = new Set((process.env.FUZZ_SKIP ?? "").split(",").filter(Boolean));
const only = process.env.FUZZ_PATHS ? new RegExp(process.env.FUZZ_PATHS) : null;
const pgAdminUrl = process.env.FUZZ_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const port = Number(process.env.FUZZ_PORT ?? 3950);
const base = `http://127.0.0.1:${port}`;
const work = fs.mkdtempSync(path.join(os.tmpdir(), "spazi-fuzz-"));
const STAFF = { email: "fuzz@example.it", password: "una password per il fuzz" };

if (!fs.existsSync(binary)) {
  console.error(`No release build at ${binary}: run cargo leptos build --release first.`);
  process.exit(1);
}

// ---- a seeded generator (mulberry32), so a run can be repeated ----
let state = seed >>> 0;
function random() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (n) => Math.floor(random() * n);
const pick = (list) => list[int(list.length)];
const chance = (p) => random() < p;

/** Values people and robots type, already percent-encoded (some of it malformed on purpose). */
function value() {
  const enc = encodeURIComponent;
  switch (int(16)) {
    case 0: return "";
    case 1: return enc("<script>alert(1)</script>");
    case 2: return enc("' OR 1=1 --; DROP TABLE spaces;");
    case 3: return "%C3%28%FF%FE%00%ED%A0%80"; // not UTF-8, a NUL, a lone surrogate
    case 4: return enc("x".repeat(pick([100, 1000, 70_000])));
    case 5: return enc(String.fromCodePoint(...Array.from({ length: 1 + int(40) }, () => int(0x2ffff))).replace(/[\ud800-\udfff]/g, ""));
    case 6: return enc("../../../../etc/passwd");
    case 7: return String(pick([-1, 0, 1, 2 ** 63, 1e308, NaN, 44.49, 11.34, 999999999999]));
    case 8: return enc("[".repeat(5000) + "]".repeat(5000));
    case 9: return enc("\u202e\u0000\r\n\t");
    case 10: return enc("/%09/evil.example");
    case 11: return "%";
    case 12: return enc(`${int(1e6)}@example.it`);
    case 13: return enc(pick(["on", "it", "en", "fablab", "coworking", "037006", "lancio-forum-2022", "dumbo"]));
    case 14: return Array.from({ length: 64 }, () => "0123456789abcdef"[int(16)]).join("");
    default: return enc(Math.random().toString(36).slice(2));
  }
}

const form = (names) => names.map((n) => `${n}=${value()}`).join("&");
const JOIN = ["started", "fax", "name", "kind_fablab", "kind_coworking", "description", "address", "municipality", "lat", "lon", "website", "email", "phone", "organisation", "organisation_kind", "organisation_tax_code", "contact_name", "contact_email", "consent_privacy", "vision"];
const RSVP = ["started", "fax", "first_name", "last_name", "attendee_email", "affiliation", "attendee_role", "accessibility", "consent_privacy"];
const SPACE = ["csrf", "version", "name", "kinds", "description", "address", "municipality", "lat", "lon", "precision", "website", "email", "phone", "organisation"];
const EVENT = ["csrf", "title_it", "title_en", "description_it", "starts_at", "ends_at", "venue_name", "venue_address", "capacity", "rsvp_opens_at", "rsvp_closes_at"];

/** One generated request: method, path, headers, body (a Buffer or string), as given. */
function request(ctx) {
  const v = value;
  const staff = chance(0.5) && ctx.cookie;
  const routes = [
    () => ["GET", `/?tipo=${v()}&comune=${v()}&q=${v()}&pagina=${v()}`],
    () => ["GET", `/spazi/${v()}`],
    () => ["GET", `/eventi/${v()}`],
    () => ["GET", `/eventi/lancio-forum-2022/calendario.ics?${v()}=${v()}`],
    () => ["GET", `/prenotazione/${v()}`],
    () => ["GET", `/lingua/${pick(["it", "en", v()])}?next=${v()}`],
    () => ["GET", `/aderisci/inviata/${v()}`],
    () => ["GET", `/api/spazi.geojson?tipo=${v()}&comune=${v()}&q=${v()}`],
    () => ["GET", `/api/spazi.csv?formato=${v()}&q=${v()}`],
    () => ["GET", `/api/spazi/mappa.txt?tipo=${v()}&comune=${v()}`],
    () => ["GET", pick(["/", "/eventi", "/aderisci", "/dati-aperti", "/privacy", "/healthz", "/readyz", "/join", "/events"])],
    () => ["GET", `/${v()}/${v()}`],
    () => ["POST", "/aderisci", form(JOIN)],
    () => ["POST", "/eventi/lancio-forum-2022", form(RSVP)],
    () => ["POST", `/eventi/${v()}`, form(RSVP)],
    () => ["POST", `/prenotazione/${v()}`, form(["azione"])],
    // Never the fuzz account's own e-mail: its lockout would end the staff part of the run.
    () => ["POST", "/admin/accedi", `email=${v()}&password=${v()}&next=${v()}`],
    () => ["POST", pick(["/api/fn/directory", "/api/fn/space", "/api/fn/events", "/api/fn/event", "/api/fn/rsvp", "/api/fn/join-form", "/api/fn/join-sent", "/api/fn/municipalities"]), form(["slug", "token", "reference", "page", "filter[kind]", "filter[q]"])],
    () => ["GET", pick(["/admin", "/admin/staff", "/admin/eventi", "/admin/adesioni", "/admin/importa", "/admin/questionario", "/admin/spazi/nuovo", "/admin/eventi/nuovo"])],
    () => ["GET", `/admin/${pick(["spazi", "eventi", "adesioni", "importa"])}/${pick([v(), "1", "2", String(int(50))])}`],
    () => ["GET", `/admin/eventi/${int(5)}/${pick(["iscrizioni", "ingresso", "iscrizioni.csv"])}?q=${v()}`],
    () => ["GET", `/admin/invito/${v()}`],
    () => ["GET", pick(["/admin/esporta/spazi.csv", "/admin/esporta/questionario.csv"]) + `?${v()}=${v()}`],
    () => ["POST", pick(["/admin/spazi/nuovo", `/admin/spazi/${int(20)}`]), form(SPACE)],
    () => ["POST", `/admin/spazi/${int(20)}/stato`, form(["csrf", "status"])],
    () => ["POST", pick(["/admin/eventi/nuovo", `/admin/eventi/${int(5)}`]), form(EVENT)],
    () => ["POST", `/admin/eventi/${int(5)}/${pick(["stato", "ingresso"])}`, form(["csrf", "status", "code", "rsvp"])],
    () => ["POST", `/admin/adesioni/${int(20)}`, form(["csrf", "decision", "reason"])],
    () => ["POST", "/admin/staff", form(["csrf", "staff_name", "staff_email", "role"])],
    () => ["POST", `/admin/staff/${int(5)}/${pick(["stato", "ruolo", "link"])}`, form(["csrf", "disabled", "role"])],
    () => ["POST", `/admin/invito/${v()}`, form(["password", "password_again"])],
    () => ["POST", `/admin/importa/${int(5)}`, form(["csrf", "action"])],
    // Signing out is left out: it would end the fuzz session.
    () => multipart(ctx),
    () => ["POST", pick(["/aderisci", "/api/fn/space", "/admin/api/spaces"]), nested()],
    () => ["POST", pick(["/aderisci", "/eventi/lancio-forum-2022"]), Buffer.alloc(pick([70_000, 200_000, 2_000_000]), 0x61)],
  ];
  let [method, p, body, extra] = pick(routes)();
  const headers = { ...(extra ?? {}) };
  if (body !== undefined && !headers["content-type"]) {
    headers["content-type"] = pick(["application/x-www-form-urlencoded", "application/x-www-form-urlencoded", "application/json", "text/plain", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded; charset=windows-1252"]);
  }
  // Same-origin most of the time, so the requests reach the handlers.
  if (method === "POST") headers.origin = chance(0.85) ? base : pick(["http://evil.example", "null", v()]);
  if (chance(0.1)) headers.host = pick(["evil.example", "127.0.0.1:1", "", "a".repeat(300)]);
  if (staff) {
    headers.cookie = ctx.cookie + (chance(0.1) ? `; spazi_session=${v()}` : "");
    if (body !== undefined && typeof body === "string" && chance(0.9)) body = body.replace(/csrf=[^&]*/, `csrf=${ctx.csrf}`);
  } else if (chance(0.2)) {
    headers.cookie = pick([`spazi_session=${v()}`, `lang=${v()}`, "lang=en", ";;;=", "a".repeat(9000)]);
  }
  if (chance(0.5)) headers["accept-encoding"] = pick(["gzip, deflate, br, zstd", "br;q=0, gzip;q=0", "*", "identity;q=0", "x".repeat(500), "gzip;q=NaN"]);
  if (chance(0.2)) headers["x-forwarded-for"] = pick(["1.2.3.4", "::1, 10.0.0.1", "not an address", `2001:db8::${int(65535).toString(16)}`, "1.1.1.1,".repeat(200)]);
  if (chance(0.1)) headers["x-request-id"] = pick(["abc", "<script>", "x".repeat(200)]);
  if (chance(0.05)) headers["if-none-match"] = pick(['"x"', "*", "W/" + v()]);
  return { method, path: p, headers, body };
}

/** A multipart upload to the import (CSV, GeoJSON, junk), with a staff session or not. */
function multipart(ctx) {
  const boundary = "----spazifuzz" + int(1e9);
  const content = pick([
    "nome,tipo,comune\n" + Array.from({ length: int(200) }, () => `${value()},fablab,${value()}`).join("\n"),
    JSON.stringify({ type: "FeatureCollection", features: Array.from({ length: int(50) }, () => ({ type: "Feature", geometry: { type: "Point", coordinates: [random() * 20, random() * 60] }, properties: { name: value(), [value()]: value() } })) }),
    Buffer.from(Array.from({ length: 1 + int(5000) }, () => int(256))).toString("latin1"),
    '{"type":"FeatureCollection","features":[' + "[".repeat(20000),
  ]);
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n${ctx.csrf ?? ""}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${pick(["spazi.csv", "x.geojson", "../../x", "é\".csv"])}"\r\nContent-Type: ${pick(["text/csv", "application/geo+json", "image/png"])}\r\n\r\n`),
    Buffer.from(content, "latin1"),
    Buffer.from(chance(0.9) ? `\r\n--${boundary}--\r\n` : "\r\n--"),
  ]);
  return ["POST", "/admin/importa", body, { "content-type": `multipart/form-data; boundary=${boundary}` }];
}

/** A deeply nested JSON or form body. */
function nested() {
  const depth = pick([100, 1000, 100_000]);
  return chance(0.5) ? "[".repeat(depth) + "]".repeat(depth) : `${"a[".repeat(depth)}b${"]".repeat(depth)}=1`;
}

/** Raw bytes that are not quite HTTP. */
function rawRequest() {
  return pick([
    "GET / HTTP/1.1\r\nHost: x\r\n" + "X-A: b\r\n".repeat(500) + "\r\n",
    "GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
    "POST /aderisci HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\nzz\r\n",
    "POST /aderisci HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999\r\n\r\nabc",
    "GET /\xff\xfe HTTP/1.1\r\nHost: \xc3\x28\r\n\r\n",
    "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03",
    "GET / HTTP/9.9\r\n\r\n",
    "GET /eventi HTTP/1.1\r\nHost: x\r\nCookie: " + "a=b; ".repeat(4000) + "\r\n\r\n",
    "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
  ]);
}

const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });

function send(r) {
  return new Promise((resolve) => {
    const body = r.body === undefined ? undefined : Buffer.isBuffer(r.body) ? r.body : Buffer.from(r.body, "latin1");
    let req;
    try {
      req = http.request({ host: "127.0.0.1", port, method: r.method, path: r.path, headers: { ...r.headers, ...(body ? { "content-length": body.length } : {}) }, agent, setHost: !("host" in r.headers) }, (res) => {
        res.on("data", () => {});
        res.on("end", () => resolve({ status: res.statusCode }));
        res.on("error", () => resolve({ status: "reset" }));
      });
    } catch (e) {
      // Node refused to send it (an invalid header): sent raw instead.
      return resolve(sendRaw(`${r.method} ${r.path} HTTP/1.1\r\nHost: x\r\n\r\n`));
    }
    req.setTimeout(70_000, () => req.destroy());
    req.on("error", () => resolve({ status: "reset" }));
    if (body) req.write(body);
    req.end();
  });
}

function sendRaw(bytes) {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    let answer = "";
    socket.setTimeout(10_000, () => socket.destroy());
    socket.on("data", (d) => (answer += d.toString("latin1")));
    socket.on("error", () => {});
    socket.on("close", () => {
      const m = answer.match(/^HTTP\/1\.[01] (\d{3})/);
      resolve({ status: m ? Number(m[1]) : "closed" });
    });
    socket.write(Buffer.from(bytes, "latin1"));
    setTimeout(() => socket.end(), 200);
  });
}

/** Signs in as the fuzz staff member: the session cookie and its CSRF token. */
async function signIn() {
  const page = await fetch(`${base}/admin/accedi`);
  await page.text();
  const res = await fetch(`${base}/admin/accedi`, {
    method: "POST",
    redirect: "manual",
    // From an address of its own: the fuzzing's failed sign-ins lock 127.0.0.1.
    headers: { "content-type": "application/x-www-form-urlencoded", origin: base, "x-forwarded-for": `198.51.100.${int(250)}` },
    body: `email=${encodeURIComponent(STAFF.email)}&password=${encodeURIComponent(STAFF.password)}`,
  });
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0];
  if (!cookie.startsWith("spazi_session=")) return {};
  const admin = await (await fetch(`${base}/admin/staff`, { headers: { cookie } })).text();
  const csrf = (admin.match(/name="csrf" value="([0-9a-f]+)"/) ?? [])[1];
  return { cookie, csrf };
}

async function fuzz(name, databaseUrl) {
  console.log(`\n\x1b[1m==> ${name}: ${fmt(total)} requests, ${concurrency} at a time, seed ${seed}\x1b[0m`);
  const env = srv.serverEnv({ port, databaseUrl, siteRoot: `${root}/target/site`, mailDir: `${work}/mail-${name}` });
  env.RUST_LOG = "error";
  execFileSync(binary, ["admin", "create", "--email", STAFF.email, "--name", "Fuzz", "--role", "admin"], { env, input: STAFF.password + "\n", stdio: ["pipe", "ignore", "inherit"] });
  let panics = 0, restarts = 0, peak = 0;
  const panicLines = [];
  let child;
  const start = async () => {
    child = spawn(binary, [], { cwd: root, env, stdio: ["ignore", "ignore", "pipe"] });
    children.add(child);
    child.on("exit", () => children.delete(child));
    child.stderr.on("data", (d) => {
      for (const line of d.toString().split("\n")) {
        if (/panicked/.test(line)) {
          panics++;
          if (panicLines.length < 5) panicLines.push(line);
        }
      }
    });
    await waitReady(base);
  };
  await start();
  const sampler = setInterval(() => {
    try { peak = Math.max(peak, memory(child.pid).peak); } catch {}
  }, 200);
  let ctx = await signIn();
  const statuses = new Map();
  const fives = [];
  const busy = new Map();
  let done = 0;
  let restarting = null;
  const started = Date.now();
  const worker = async () => {
    while (done < total) {
      done++;
      if (done % 10_000 === 0) process.stdout.write(`   ${fmt(done)} sent, ${fmt((Date.now() - started) / 1000, 0)} s\n`);
      if (done % 5000 === 0) ctx = await signIn();
      const raw = !only && chance(0.02);
      let r = raw ? null : request(ctx);
      while (only && !only.test(r.path)) r = request(ctx);
      const { status } = raw ? await sendRaw(rawRequest()) : await send(r);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (typeof status === "number" && status >= 500 && status !== 503) {
        if (fives.length < 10) fives.push(`${status} ${r ? `${r.method} ${r.path.slice(0, 120)}` : "raw"}`);
      }
      if (status === 503 && r) {
        const route = `${r.method} ${r.path.replace(/\?.*/, "?…").replace(/%[0-9A-F]{2}.*/, "…").slice(0, 40)}`;
        busy.set(route, (busy.get(route) ?? 0) + 1);
      }
      if (child.exitCode !== null || child.signalCode !== null) {
        // One restart, however many workers notice.
        restarting ??= (async () => {
          restarts++;
          console.log(`   the server stopped (${child.exitCode ?? child.signalCode}); restarting`);
          await start();
          ctx = await signIn();
          restarting = null;
        })();
        await restarting;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  clearInterval(sampler);
  try { peak = Math.max(peak, memory(child.pid).peak); } catch {}
  await stop(child);
  const count5xx = [...statuses].filter(([s]) => typeof s === "number" && s >= 500 && s !== 503).reduce((a, [, n]) => a + n, 0);
  const count503 = statuses.get(503) ?? 0;
  console.log(`   ${fmt(total)} requests in ${fmt((Date.now() - started) / 1000, 0)} s`);
  console.log(`   answers: ${[...statuses].sort((a, b) => String(a[0]).localeCompare(String(b[0]))).map(([s, n]) => `${s}×${fmt(n)}`).join(", ")}`);
  console.log(`   5xx (503 "busy, retry" apart): ${count5xx}${fives.length ? "\n     " + fives.join("\n     ") : ""}`);
  const busiest = [...busy].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, n]) => `${k} ×${n}`);
  console.log(`   503 (the server busy: retry): ${count503}${busiest.length ? " — " + busiest.join(", ") : ""}`);
  console.log(`   panics: ${panics}${panicLines.length ? "\n     " + panicLines.join("\n     ") : ""}`);
  console.log(`   server restarts: ${restarts}`);
  console.log(`   RSS peak: ${fmt(peak, 1)} MB (target < 64 MB)`);
  return { name, count5xx, panics, restarts, peak };
}

const children = new Set();
process.on("exit", () => children.forEach((c) => c.kill("SIGKILL")));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(1));

const results = [];
try {
  if (!skip.has("sqlite")) {
    results.push(await fuzz("SQLite", `sqlite://${work}/fuzz.db?mode=rwc`));
  }
  if (!skip.has("postgres")) {
    const url = srv.databaseNamed(pgAdminUrl, "spazi_fuzz");
    srv.psql(pgAdminUrl, "DROP DATABASE IF EXISTS spazi_fuzz");
    srv.psql(pgAdminUrl, "CREATE DATABASE spazi_fuzz");
    try {
      results.push(await fuzz("PostgreSQL", url));
    } finally {
      srv.psql(pgAdminUrl, "DROP DATABASE IF EXISTS spazi_fuzz");
    }
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
console.log("\n\x1b[1m==> Summary\x1b[0m");
for (const r of results) {
  console.log(`   ${r.name}: 5xx ${r.count5xx}, panics ${r.panics}, restarts ${r.restarts}, RSS peak ${fmt(r.peak, 1)} MB`);
}
