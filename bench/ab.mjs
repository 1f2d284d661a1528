// Alternating runs of one step of the benchmark against two or more builds, to tell a change
// from the machine: on a shared virtual machine one run of each build says little (the same
// build's figures move by half between runs), so the builds take turns, each run on a fresh
// copy of one generated database. Measures and prints; asserts nothing.
//
//   node bench/ab.mjs before=/path/to/old/server after=target/release/server
//
// Each build is a label and a release server binary (copy one aside before rebuilding: `cp
// target/release/server /tmp/server-before`). The site (CSS, WASM) is target/site for all; the
// steps measured here do not load it. The database is generated once by the FIRST build (give
// the older first: a newer build migrates an older database on start, not the other way).
//
// Settings (environment): AB_STEP — rsvp (default: RSVP submissions to an open event), event
// (the event page), map (the map page), space (a space page), geojson (the export of every
// space); AB_RUNS (3 per build),
// AB_BACKEND (sqlite or postgres), AB_SECONDS (10), AB_CONNECTIONS (64), AB_SPACES (5000),
// AB_RSVPS (50000), AB_POSTGRES_URL (postgres://postgres@127.0.0.1:5432/postgres; databases
// spazi_ab_template and spazi_ab_run are created and dropped), AB_PORT (3901).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as srv from "./server.mjs";
import { fmt, memory, root, serverEnv, sleep, startServer, stop, waitReady, wrk, wrkRsvps } from "./server.mjs";

const builds = process.argv.slice(2).map((arg) => {
  const [label, binary] = arg.split("=");
  if (!binary) throw new Error(`"${arg}": expected label=/path/to/server`);
  return { label, binary: path.resolve(binary) };
});
if (builds.length < 2) {
  console.error("usage: node bench/ab.mjs before=/path/to/server after=target/release/server [more…]");
  process.exit(2);
}
const step = process.env.AB_STEP ?? "rsvp";
const runs = Number(process.env.AB_RUNS ?? 3);
const backend = process.env.AB_BACKEND ?? "sqlite";
const seconds = Number(process.env.AB_SECONDS ?? 10);
const connections = Number(process.env.AB_CONNECTIONS ?? 64);
const port = Number(process.env.AB_PORT ?? 3901);
const base = `http://127.0.0.1:${port}`;
const pgAdminUrl = process.env.AB_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const pgUrl = (name) => srv.databaseNamed(pgAdminUrl, name);
const work = fs.mkdtempSync(path.join(os.tmpdir(), "spazi-ab-"));
const siteRoot = `${root}/target/site`;

const psql = (sql) => srv.psql(pgAdminUrl, sql);

/** The generated database every run starts from a copy of; returns the generator's report. */
function template() {
  const databaseUrl =
    backend === "sqlite" ? `sqlite://${work}/template.db?mode=rwc` : pgUrl("spazi_ab_template");
  if (backend === "postgres") {
    psql("DROP DATABASE IF EXISTS spazi_ab_run");
    psql("DROP DATABASE IF EXISTS spazi_ab_template");
    psql("CREATE DATABASE spazi_ab_template");
  }
  const args = ["generate", "--spaces", process.env.AB_SPACES ?? "5000", "--events", "20",
    "--rsvps", process.env.AB_RSVPS ?? "50000"];
  const out = execFileSync(builds[0].binary, args, {
    cwd: root,
    env: serverEnv({ port, databaseUrl, siteRoot, mailDir: `${work}/mail` }),
    encoding: "utf8",
  });
  return Object.fromEntries(out.trim().split("\n").map((l) => l.split("=")));
}

/** A fresh copy of the template for one run; returns its URL. */
function freshCopy() {
  if (backend === "sqlite") {
    for (const suffix of ["", "-wal", "-shm"]) {
      fs.rmSync(`${work}/run.db${suffix}`, { force: true });
      if (fs.existsSync(`${work}/template.db${suffix}`)) {
        fs.copyFileSync(`${work}/template.db${suffix}`, `${work}/run.db${suffix}`);
      }
    }
    return `sqlite://${work}/run.db?mode=rwc`;
  }
  psql("DROP DATABASE IF EXISTS spazi_ab_run");
  psql("CREATE DATABASE spazi_ab_run TEMPLATE spazi_ab_template");
  return pgUrl("spazi_ab_run");
}

async function measure(build, report) {
  const databaseUrl = freshCopy();
  fs.rmSync(`${work}/mail`, { recursive: true, force: true });
  const child = startServer(build.binary, { port, databaseUrl, siteRoot, mailDir: `${work}/mail` });
  try {
    await waitReady(base);
    await sleep(1000);
    const options = { connections, seconds, pid: child.pid };
    const paths = {
      event: `/eventi/${report.open_event}`,
      map: "/",
      space: `/spazi/${report.sample_space}`,
      geojson: "/api/spazi.geojson",
    };
    const result =
      step === "rsvp"
        ? await wrkRsvps(base, paths.event, options)
        : await wrk(base + paths[step], options);
    return { ...result, peak: memory(child.pid).peak };
  } finally {
    await stop(child);
  }
}

async function main() {
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0].model}; step ${step} on ${backend}, ` +
    `${connections} connections, ${seconds} s, ${runs} runs per build, builds alternating`);
  const report = template();
  const results = new Map(builds.map((b) => [b.label, []]));
  console.log("| run | build | req/s | p50 ms | p99 ms | errors | RSS peak |");
  console.log("|---:|---|---:|---:|---:|---:|---:|");
  for (let run = 1; run <= runs; run++) {
    // Each round in the other order, so neither build always runs right after the other.
    const order = run % 2 ? builds : [...builds].reverse();
    for (const build of order) {
      const r = await measure(build, report);
      results.get(build.label).push(r);
      console.log(`| ${run} | ${build.label} | ${fmt(r.rps)} | ${fmt(r.p50, 1)} | ${fmt(r.p99, 1)} | ` +
        `${r.errors} | ${fmt(r.peak, 0)} MB |`);
    }
  }
  console.log("\n| build | req/s (runs) | p99 ms (runs) | median req/s | median p99 ms |");
  console.log("|---|---|---|---:|---:|");
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  for (const [label, rs] of results) {
    console.log(`| ${label} | ${rs.map((r) => fmt(r.rps)).join(", ")} | ${rs.map((r) => fmt(r.p99, 1)).join(", ")} | ` +
      `${fmt(median(rs.map((r) => r.rps)))} | ${fmt(median(rs.map((r) => r.p99)), 1)} |`);
  }
}

main()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => {
    if (backend === "postgres") {
      try {
        psql("DROP DATABASE IF EXISTS spazi_ab_run");
        psql("DROP DATABASE IF EXISTS spazi_ab_template");
      } catch {}
    }
    fs.rmSync(work, { recursive: true, force: true });
  });
