// Where a page's main-thread time goes on load: records a Chromium trace of one visit with the
// CPU slowed (4× by default, as Lighthouse's phone) and prints the long tasks (≥ 50 ms), each
// with what it did — its direct sub-events by name and script — so the blocking time that
// Lighthouse reports can be taken apart. Measures and prints; asserts nothing.
//
//   node bench/trace.mjs http://127.0.0.1:3900/ [slowdown]
//
// Run it against a release server (bench/run.mjs starts one; so does scripts/serve.sh). The
// trace covers the load and the 6 s after it (TRACE_WAIT_MS).
import { PHONE, launchChromium } from "./browser.mjs";

const url = process.argv[2];
const slowdown = Number(process.argv[3] ?? 4);
if (!url) {
  console.error("usage: node bench/trace.mjs URL [cpu-slowdown]");
  process.exit(2);
}

const browser = await launchChromium();
const context = await browser.newContext(PHONE);
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send("Emulation.setCPUThrottlingRate", { rate: slowdown });
await browser.startTracing(page, {
  categories: [
    "devtools.timeline",
    "disabled-by-default-devtools.timeline",
    "v8",
    "v8.execute",
    "v8.wasm",
    "blink.user_timing",
    "loading",
  ],
});
await page.goto(url, { waitUntil: "load" });
// Nothing is asked of the page while the trace runs: Playwright's own script, evaluated in the
// page to answer a locator, would be a long task of its own. The islands hydrate on idle after
// the load; this leaves them time to, even slowed.
await new Promise((resolve) => setTimeout(resolve, Number(process.env.TRACE_WAIT_MS ?? 6000)));
const trace = JSON.parse((await browser.stopTracing()).toString("utf8"));
const maps = await page.locator(".map").count();
const ready = await page.locator(".map[data-ready]").count();
await browser.close();
if (maps > ready) console.log(`(only ${ready} of ${maps} maps were drawn when the trace stopped)`);

const events = trace.traceEvents ?? trace;
// The page's main thread: the renderer main thread that ran the most.
const mains = events
  .filter((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain")
  .map((e) => `${e.pid}:${e.tid}`);
const busy = new Map();
for (const e of events) {
  const key = `${e.pid}:${e.tid}`;
  if (e.ph === "X" && e.name === "RunTask" && mains.includes(key)) {
    busy.set(key, (busy.get(key) ?? 0) + e.dur);
  }
}
const main = [...busy.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
const onMain = events
  .filter((e) => `${e.pid}:${e.tid}` === main && e.ph === "X" && e.dur !== undefined)
  .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
const start = Math.min(
  ...events.filter((e) => e.name === "navigationStart" || e.name === "TracingStartedInBrowser").map((e) => e.ts),
);

const file = (u) => (u ? u.replace(/^.*\//, "") || u : "");
const label = (e) => {
  const data = e.args?.data ?? e.args?.beginData ?? {};
  const script = file(data.url ?? data.stackTrace?.[0]?.url ?? "");
  return script ? `${e.name} (${script})` : e.name;
};

// The events directly inside `parent` (inside it and not inside another event inside it).
function children(parent) {
  const end = parent.ts + parent.dur;
  const direct = [];
  let until = -1;
  for (const e of onMain) {
    if (e === parent || e.ts < parent.ts || e.ts + e.dur > end) continue;
    if (e.ts >= until) {
      direct.push(e);
      until = e.ts + e.dur;
    }
  }
  return direct;
}

// What `parent` did: its direct sub-events summed by label, the larger ones taken apart one
// level further (a script's evaluation into its compile and run, say).
function breakdown(parent, depth) {
  const byLabel = new Map();
  for (const e of children(parent)) {
    const entry = byLabel.get(label(e)) ?? { ms: 0, events: [] };
    entry.ms += e.dur / 1000;
    entry.events.push(e);
    byLabel.set(label(e), entry);
  }
  return [...byLabel.entries()]
    .sort((a, b) => b[1].ms - a[1].ms)
    .filter(([, { ms }]) => ms >= 2)
    .map(([name, { ms, events }]) => {
      const inner =
        depth > 0 && ms >= 20 && events.length === 1 ? breakdown(events[0], depth - 1) : "";
      return `${name} ${ms.toFixed(0)}${inner ? ` [${inner}]` : ""}`;
    })
    .join("; ");
}

const tasks = onMain.filter((e) => e.name === "RunTask" && e.dur >= 50_000);
let blocking = 0;
console.log(`${url}, CPU slowed ${slowdown}×: main-thread tasks of 50 ms or more`);
console.log("| at ms | task ms | what it did (sub-events, ms) |");
console.log("|---:|---:|---|");
for (const task of tasks) {
  blocking += task.dur / 1000 - 50;
  console.log(`| ${((task.ts - start) / 1000).toFixed(0)} | ${(task.dur / 1000).toFixed(0)} | ${breakdown(task, 4)} |`);
}
console.log(`blocking time (sum of each task's part over 50 ms): ${blocking.toFixed(0)} ms`);
