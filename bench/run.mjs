// Spazi's benchmarks: measures and prints; asserts nothing (the budgets are printed beside the
// figures, and the README's performance section records them). Run through bench/run.sh, which
// installs the tools and builds the release binary first.
//
// For each database (SQLite, and PostgreSQL when reachable):
//   1. a fresh database with the seed data and a generated data set (`server generate`:
//      5,000 spaces, 20 events, 50,000 registrations by default);
//   2. the release server on it, with a copy of the site's static files;
//   3. wrk on loopback: the map page, a space page, the event page, the GeoJSON export, and RSVP
//      submissions; each page's HTML also saved as a static file and served by the server's own
//      static file handler — the ceiling each page is compared with;
//   4. the server's memory (RSS) idle and its peak under load.
// Then, on SQLite: the browser figures (bench/browser.mjs) — page weight, WASM size, the map of
// 5,000 spaces — and Lighthouse (bench/lighthouse.mjs), on the seed data and on the large set.
//
// Settings (environment): BENCH_SECONDS (10), BENCH_CONNECTIONS (64), BENCH_SPACES (5000),
// BENCH_EVENTS (20), BENCH_RSVPS (50000), BENCH_PHOTOS (300), BENCH_POSTGRES_URL
// (postgres://postgres@127.0.0.1:5432/postgres; a database spazi_bench is created and dropped),
// BENCH_SKIP (comma list of: http, postgres, browser, lighthouse).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as srv from "./server.mjs";
import { ACCEPT_ENCODING, fmt, memory, root, sleep, stop, waitReady } from "./server.mjs";

const server = `${root}/target/release/server`;
const port = Number(process.env.BENCH_PORT ?? 3900);
const base = `http://127.0.0.1:${port}`;
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 64);
const spec = {
  spaces: Number(process.env.BENCH_SPACES ?? 5000),
  events: Number(process.env.BENCH_EVENTS ?? 20),
  rsvps: Number(process.env.BENCH_RSVPS ?? 50000),
  // Every published space of the seed has a photo (the weight a card, a popup and a space page
  // carry), and the generated set's first ones.
  photos: Number(process.env.BENCH_PHOTOS ?? 300),
};
const skip = new Set((process.env.BENCH_SKIP ?? "").split(",").filter(Boolean));
const pgAdminUrl = process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const pgBenchUrl = srv.databaseNamed(pgAdminUrl, "spazi_bench");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "spazi-bench-"));

const say = (s) => console.log(`\n\x1b[1m==> ${s}\x1b[0m`);
const settings = (databaseUrl, siteRoot) => ({ port, databaseUrl, siteRoot, mailDir: `${work}/mail` });
const env = (databaseUrl, siteRoot) => srv.serverEnv(settings(databaseUrl, siteRoot));

function startServer(databaseUrl, siteRoot) {
  return srv.startServer(server, settings(databaseUrl, siteRoot));
}

/** Waits until the server has compressed the site's static files (it does so once, at start). */
async function precompressed(siteRoot) {
  for (let i = 0; i < 600; i++) {
    if (fs.existsSync(`${siteRoot}/pkg/spazi.wasm.br`)) return;
    await sleep(100);
  }
  console.log("(the static files were not precompressed within a minute)");
}

/** One wrk run with the benchmark's connections and duration. */
const wrk = (url, options = {}) => srv.wrk(url, { connections, seconds, ...options });

const psql = (sql) => srv.psql(pgAdminUrl, sql);

function postgresReachable() {
  try {
    execFileSync("psql", [pgAdminUrl, "-q", "-c", "SELECT 1"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** A fresh database with the seed and the generated data; returns the generator's report. */
function prepare(backend) {
  let url;
  if (backend === "sqlite") {
    url = `sqlite://${work}/spazi-large.db?mode=rwc`;
  } else {
    psql("DROP DATABASE IF EXISTS spazi_bench");
    psql("CREATE DATABASE spazi_bench");
    url = pgBenchUrl;
  }
  const t0 = Date.now();
  const out = execFileSync(
    server,
    ["generate", "--spaces", spec.spaces, "--events", spec.events, "--rsvps", spec.rsvps, "--photos", spec.photos].map(String),
    { cwd: root, env: env(url, "target/site"), encoding: "utf8" },
  );
  const report = Object.fromEntries(out.trim().split("\n").map((l) => l.split("=")));
  console.log(`generated in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${out.trim().replace(/\n/g, ", ")}`);
  return { url, report };
}

/** A copy of the built site, so the static twins of the pages can be added to it. */
function siteCopy() {
  const dir = `${work}/site`;
  if (!fs.existsSync(dir)) fs.cpSync(`${root}/target/site`, dir, { recursive: true });
  fs.mkdirSync(`${dir}/bench-static`, { recursive: true });
  return dir;
}

async function httpBench(backend) {
  say(`HTTP on ${backend}: ${spec.spaces} spaces, ${spec.events} events, ${spec.rsvps} RSVPs`);
  const { url, report } = prepare(backend);
  const site = siteCopy();
  const child = startServer(url, site);
  try {
    await waitReady(base);
    await precompressed(site);
    await sleep(1000);
    const idle = memory(child.pid);
    const pages = [
      ["map page /", "/"],
      [`space page`, `/spazi/${report.sample_space}`],
      ["event page", "/eventi/lancio-forum-2022"],
    ];
    // Last: a large export leaves memory the allocator keeps, which would blur the RSS
    // figures of what follows.
    const exports = [["GeoJSON export (all spaces)", "/api/spazi.geojson"]];
    const rows = [];
    const measure = async (name, pagePath) => {
      // The page's own HTML as a static file: the ceiling for this page on this machine.
      const res = await fetch(base + pagePath);
      const body = Buffer.from(await res.arrayBuffer());
      const ext = pagePath.endsWith(".geojson") ? "geojson" : "html";
      const staticPath = `/bench-static/${rows.length}.${ext}`;
      fs.writeFileSync(site + staticPath, body);
      const page = await wrk(base + pagePath, { pid: child.pid });
      // The peak so far, before the static twin (compressed per request by the file handler,
      // which costs memory of its own).
      const peak = memory(child.pid).peak;
      const ceiling = await wrk(base + staticPath, { pid: child.pid });
      rows.push({ name, path: pagePath, bytes: body.length, page, ceiling, peak });
    };
    for (const [name, pagePath] of pages) await measure(name, pagePath);
    const eventPath = `/eventi/${report.open_event}`;
    const rsvp = await srv.wrkRsvps(base, eventPath, { connections, seconds, pid: child.pid });
    const confirmed = await (await fetch(base + eventPath)).text();
    const beforeExports = memory(child.pid);
    for (const [name, pagePath] of exports) await measure(name, pagePath);
    const after = memory(child.pid);
    const exportsPeak = rows[rows.length - 1].peak;

    console.log(`\n${backend}: ${connections} connections, ${seconds} s each, wrk on the same 2 cores` +
      `, Accept-Encoding: ${ACCEPT_ENCODING}`);
    console.log("| what | size | req/s | p50 ms | p99 ms | static twin req/s | ratio | errors | RSS max |");
    console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    const rsvpRow = () => console.log(
      `| RSVP submission (POST) | – | ${fmt(rsvp.rps)} | ${fmt(rsvp.p50, 1)} | ${fmt(rsvp.p99, 1)} | – | – | ` +
        `${rsvp.errors} | ${fmt(rsvp.maxRss, 0)} MB |`,
    );
    rows.forEach((r, i) => {
      if (i === pages.length) rsvpRow();
      console.log(
        `| ${r.name} | ${fmt(r.bytes / 1024, 1)} KB | ${fmt(r.page.rps)} | ${fmt(r.page.p50, 1)} | ` +
          `${fmt(r.page.p99, 1)} | ${fmt(r.ceiling.rps)} | ${fmt((100 * r.page.rps) / r.ceiling.rps)} % | ` +
          `${r.page.errors} | ${fmt(r.page.maxRss, 0)} MB |`,
      );
    });
    const seats = confirmed.match(/(\d+) posti disponibili su (\d+)/);
    console.log(`RSVPs answered with success in ${seconds} s: ${rsvp.requests - rsvp.errors}` +
      (seats ? `; the event page now says ${seats[1]} of ${seats[2]} seats left` +
        ` (${Number(seats[2]) - Number(seats[1])} taken, generated ones included)` : ""));
    console.log(`memory: idle ${fmt(idle.rss, 1)} MB; peak under load of the pages and RSVPs ` +
      `${fmt(beforeExports.peak, 1)} MB; peak with the exports ${fmt(exportsPeak, 1)} MB ` +
      `(VmHWM; ${fmt(after.peak, 1)} MB once the export's static twin was served too)`);
    return { backend, rows, rsvp, idle, after };
  } finally {
    await stop(child);
    if (backend === "postgres") psql("DROP DATABASE IF EXISTS spazi_bench");
  }
}

async function main() {
  if (!fs.existsSync(server)) throw new Error(`${server} is missing: run bench/run.sh`);
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0].model}, ${fmt(os.totalmem() / 2 ** 30)} GB`);
  const results = [];
  if (skip.has("http")) {
    // The browser figures still want the large data set.
    if (!skip.has("browser") || !skip.has("lighthouse")) prepare("sqlite");
  } else results.push(await httpBench("sqlite"));
  if (!skip.has("postgres") && !skip.has("http")) {
    if (postgresReachable()) results.push(await httpBench("postgres"));
    else console.log(`\nPostgreSQL not reachable at ${pgAdminUrl}: skipped`);
  }
  if (!skip.has("browser") || !skip.has("lighthouse")) {
    const { browserBench } = await import("./browser.mjs");
    const { lighthouseBench } = await import("./lighthouse.mjs");
    // The seed data (what the site holds today) and the large generated set.
    const seedUrl = `sqlite://${work}/spazi-seed.db?mode=rwc`;
    // The seed with photos (nothing else generated).
    execFileSync(server, ["generate", "--spaces", "0", "--events", "0", "--rsvps", "0", "--photos", String(spec.photos)], {
      cwd: root,
      env: env(seedUrl, "target/site"),
      encoding: "utf8",
    });
    for (const [label, url] of [["seed data", seedUrl], ["generated data", `sqlite://${work}/spazi-large.db?mode=rwc`]]) {
      const site = siteCopy();
      const child = startServer(url, site);
      try {
        await waitReady(base);
        await precompressed(site);
        if (!skip.has("browser")) await browserBench({ base, label, root });
        if (!skip.has("lighthouse")) await lighthouseBench({ base, label, work });
      } finally {
        await stop(child);
      }
    }
  }
  fs.rmSync(work, { recursive: true, force: true });
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
