// What the benchmark scripts share: starting and stopping a release server on a database,
// reading its memory, and driving it with wrk. Measures; asserts nothing.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
// The launch week, as in the end-to-end tests: the launch and the generated events take RSVPs.
export const NOW = "2022-06-01T10:00:00+02:00";
// Chromium's request headers for a page, so compression is what phones get.
export const ACCEPT_ENCODING = "gzip, deflate, br, zstd";

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const fmt = (n, d = 0) =>
  n.toLocaleString("en-GB", { maximumFractionDigits: d, minimumFractionDigits: d });

/** `sql` run by psql on the database at `adminUrl`, stopping at the first error. */
export function psql(adminUrl, sql) {
  execFileSync("psql", [adminUrl, "-q", "-v", "ON_ERROR_STOP=1", "-c", sql], { stdio: "inherit" });
}

/** The URL of the database `name` on the server of `adminUrl` (its parameters kept). */
export const databaseNamed = (adminUrl, name) => adminUrl.replace(/\/[^/?]*(\?.*)?$/, `/${name}$1`);

/** The server's environment: release settings, e-mails written as files under `mailDir`. */
export function serverEnv({ port, databaseUrl, siteRoot, mailDir }) {
  return {
    ...process.env,
    LEPTOS_OUTPUT_NAME: "spazi",
    LEPTOS_SITE_ROOT: siteRoot,
    LEPTOS_SITE_PKG_DIR: "pkg",
    LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
    LEPTOS_ENV: "PROD",
    DATABASE_URL: databaseUrl,
    SPAZI_TILE_URL: "",
    SPAZI_MAIL_DIR: mailDir,
    SPAZI_NOW: NOW,
    SPAZI_TRUSTED_PROXIES: "127.0.0.1",
    RUST_LOG: "error",
  };
}

/** `binary` serving with `serverEnv(settings)`. */
export function startServer(binary, settings) {
  return spawn(binary, [], {
    cwd: root,
    env: serverEnv(settings),
    stdio: ["ignore", "ignore", "inherit"],
  });
}

export async function waitReady(base) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/readyz`)).ok) return;
    } catch {}
    await sleep(100);
  }
  throw new Error("the server did not start");
}

export async function stop(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await Promise.race([exited, sleep(10_000)]);
  if (child.exitCode === null) child.kill("SIGKILL");
}

/** Resident memory of a process, in MB: current and peak (VmHWM). */
export function memory(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key) => Number((status.match(new RegExp(`^${key}:\\s+(\\d+)`, "m")) ?? [])[1] ?? 0);
  return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
}

/**
 * One wrk run (2 threads, `connections`, `seconds`, the script's figures printed by
 * bench/wrk/report.lua); returns them with the largest RSS of `pid` seen while it ran.
 */
export async function wrk(url, { script = "report.lua", extraEnv = {}, pid, connections, seconds }) {
  let maxRss = 0;
  const sampler = setInterval(() => {
    try {
      maxRss = Math.max(maxRss, memory(pid).rss);
    } catch {}
  }, 100);
  const out = await new Promise((resolve, reject) => {
    const child = spawn(
      "wrk",
      ["-t2", `-c${connections}`, `-d${seconds}s`, "--timeout", "10s", "--latency", "-s", script,
        "-H", `Accept-Encoding: ${ACCEPT_ENCODING}`, url],
      { cwd: `${root}/bench/wrk`, env: { ...process.env, ...extraEnv } },
    );
    let text = "";
    child.stdout.on("data", (d) => (text += d));
    child.stderr.on("data", (d) => (text += d));
    child.on("exit", (code) => (code === 0 ? resolve(text) : reject(new Error(text))));
  });
  clearInterval(sampler);
  const line = out.split("\n").find((l) => l.startsWith("BENCH "));
  if (!line) throw new Error(`wrk printed no figures:\n${out}`);
  const r = JSON.parse(line.slice(6));
  const errors = Object.values(r.errors).reduce((a, b) => a + b, 0);
  return {
    rps: r.requests / (r.duration_us / 1e6),
    p50: r.p50_us / 1000,
    p99: r.p99_us / 1000,
    errors,
    requests: r.requests,
    maxRss,
  };
}

/**
 * RSVP submissions to the event at `eventPath` (bench/wrk/rsvp.lua: each a new person from a
 * new address), with the form's genuine token, waited for until it is old enough to pass the
 * minimum fill time.
 */
export async function wrkRsvps(base, eventPath, options) {
  const html = await (await fetch(base + eventPath)).text();
  const started = (html.match(/name="started" value="([^"]+)"/) ?? [])[1];
  if (!started) throw new Error(`no RSVP form on ${eventPath}`);
  await sleep(4500);
  return wrk(base + eventPath, {
    ...options,
    script: "rsvp.lua",
    extraEnv: { SPAZI_STARTED: started, SPAZI_ORIGIN: base },
  });
}
