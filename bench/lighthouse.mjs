// Lighthouse (npm lighthouse, pinned in bench/package.json) with its default mobile settings —
// a mid-range phone on a slow 4G connection, simulated — in Debian's Chromium, for the public
// pages (run by bench/run.mjs against the release server).
//
// Settings (environment): BENCH_LIGHTHOUSE_RUNS (1) scores each page that many times, one line
// per run (Lighthouse's blocking time varies between runs on a shared machine);
// BENCH_LIGHTHOUSE_PAGES (all) a comma list of page names (map, space, events, event, join,
// "open data") to score only those.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { publicPages } from "./pages.mjs";
import path from "node:path";

const here = path.dirname(new URL(import.meta.url).pathname);
const cli = `${here}/node_modules/lighthouse/cli/index.js`;

export async function lighthouseBench({ base, label, work }) {
  console.log(`\n\x1b[1m==> Lighthouse, mobile (${label})\x1b[0m`);
  if (!fs.existsSync(cli)) {
    console.log("lighthouse is not installed (bench/run.sh installs it): skipped");
    return;
  }
  const runs = Math.max(1, Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 1));
  const only = (process.env.BENCH_LIGHTHOUSE_PAGES ?? "").split(",").filter(Boolean);
  const pages = (await publicPages(base)).filter(([name]) => !only.length || only.includes(name));
  console.log("| page | performance | accessibility | best practices | SEO | LCP | TBT | CLS |");
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
  for (const [name, pagePath] of pages) for (let i = 0; i < runs; i++) {
    const out = `${work}/lighthouse-${name.replace(/\W/g, "")}.json`;
    // Lighthouse now and then fails to record its trace (NO_NAVSTART): one more try.
    const run = () =>
      execFileSync(
        process.execPath,
        [
          cli,
          base + pagePath,
          "--quiet",
          "--output=json",
          `--output-path=${out}`,
          "--only-categories=performance,accessibility,best-practices,seo",
          "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        ],
        {
          env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" },
          stdio: ["ignore", "ignore", "inherit"],
          timeout: 180_000,
        },
      );
    try {
      try {
        run();
      } catch {
        run();
      }
    } catch (err) {
      console.log(`| ${name} | failed: ${err.message.split("\n")[0]} |`);
      continue;
    }
    const report = JSON.parse(fs.readFileSync(out, "utf8"));
    const score = (c) => Math.round((report.categories[c]?.score ?? 0) * 100);
    const audit = (a) => report.audits[a]?.numericValue ?? NaN;
    console.log(
      `| ${name} (${pagePath}) | ${score("performance")} | ${score("accessibility")} | ` +
        `${score("best-practices")} | ${score("seo")} | ${(audit("largest-contentful-paint") / 1000).toFixed(2)} s | ` +
        `${audit("total-blocking-time").toFixed(0)} ms | ${audit("cumulative-layout-shift").toFixed(3)} |`,
    );
    // What kept a score under 100, so the README can say why.
    const failing = Object.values(report.audits)
      .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== "informative"
        && a.scoreDisplayMode !== "notApplicable" && a.scoreDisplayMode !== "manual")
      .map((a) => a.id);
    if (failing.length) console.log(`  below 90: ${failing.join(", ")}`);
    // Where the blocking time came from: the main thread's long tasks (as Lighthouse simulates
    // them on its slow phone) with the script each is attributed to.
    const longTasks = report.audits["long-tasks"]?.details?.items ?? [];
    if (audit("total-blocking-time") > 0 && longTasks.length) {
      const file = (url) => (url ? url.replace(/^.*\//, "") || url : "?");
      console.log(
        `  long tasks: ${longTasks
          .map((t) => `${Math.round(t.duration)} ms at ${Math.round(t.startTime)} ms (${file(t.url)})`)
          .join("; ")}`,
      );
    }
  }
}
