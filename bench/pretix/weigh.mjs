// First visit to pretix's event page in headless Chromium (run by measure.sh):
//   node weigh.mjs BASE_URL EVENT_PATH
// Bytes on the wire (compressed as served, headers included) by type, counted exactly as Spazi's
// bench/browser.mjs counts its pages (360×740 phone, Playwright's request.sizes()), so the two
// figures compare. Then the same ticket registration as register.py, but clicking through the
// pages with JavaScript on, counting navigations, XHR/fetch requests and all bytes.
import { chromium } from "playwright-core";
import zlib from "node:zlib";

const [base = "http://127.0.0.1:3950", eventPath = "/forum/launch/"] = process.argv.slice(2);
const fmtKB = (b) => `${(b / 1024).toFixed(1)} KB`;

function kindOf(url, contentType) {
  if (contentType.includes("javascript")) return "js";
  if (contentType.includes("css")) return "css";
  if (contentType.includes("font") || /\.woff2?(\?|$)/.test(url)) return "font";
  if (contentType.includes("html")) return "html";
  if (contentType.includes("image")) return "image";
  return "data";
}

async function newPhone(browser) {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  const log = [];
  const pending = [];
  page.on("requestfinished", (request) => {
    pending.push(
      (async () => {
        const sizes = await request.sizes();
        const response = await request.response();
        const type = (response && (await response.headerValue("content-type"))) ?? "";
        const encoding = (response && (await response.headerValue("content-encoding"))) ?? "";
        log.push({
          url: request.url().replace(base, ""),
          method: request.method(),
          resourceType: request.resourceType(),
          navigation: request.isNavigationRequest(),
          status: response ? response.status() : 0,
          kind: kindOf(request.url(), type),
          encoding,
          bytes: sizes.responseBodySize + sizes.responseHeadersSize,
          body: sizes.responseBodySize,
          html: type.includes("html") ? await response.body().catch(() => null) : null,
        });
      })(),
    );
  });
  const settle = async () => {
    await page.waitForTimeout(500);
    await Promise.all(pending.splice(0));
  };
  return { context, page, log, settle };
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking"],
});
try {
  // (c) First visit to the event page.
  {
    const { context, page, log, settle } = await newPhone(browser);
    await page.goto(base + eventPath, { waitUntil: "load" });
    await settle();
    const byKind = {};
    let total = 0;
    for (const r of log) {
      byKind[r.kind] = (byKind[r.kind] ?? 0) + r.bytes;
      total += r.bytes;
    }
    const k = (kind) => fmtKB(byKind[kind] ?? 0);
    const other = total - ["html", "css", "js", "font"].reduce((a, x) => a + (byKind[x] ?? 0), 0);
    console.log("    First visit, 360×740 phone, bytes on the wire (compressed as served, with headers):");
    console.log("    | page | total | HTML | CSS | JS | fonts | other | requests |");
    console.log("    |---|---:|---:|---:|---:|---:|---:|---:|");
    console.log(
      `    | pretix event (${eventPath}) | **${fmtKB(total)}** | ${k("html")} | ${k("css")} | ${k("js")} | ` +
        `${k("font")} | ${fmtKB(other)} | ${log.length} |`,
    );
    for (const r of log) {
      console.log(`      ${r.status} ${r.kind.padEnd(5)} ${fmtKB(r.bytes).padStart(9)} ${(r.encoding || "identity").padEnd(8)} ${r.url}`);
    }
    const doc = log.find((r) => r.navigation && r.html);
    if (doc && !doc.encoding) {
      const gz = zlib.gzipSync(doc.html, { level: 6 }).length;
      const br = zlib.brotliCompressSync(doc.html).length;
      console.log(
        `    The HTML is sent uncompressed (${fmtKB(doc.body)}); gzip -6 would make it ${fmtKB(gz)}, ` +
          `brotli ${fmtKB(br)}: a total of ${fmtKB(total - doc.body + gz)} with a gzip-ing proxy.`,
      );
    }
    await context.close();
  }

  // (d) The registration again, by clicks with JavaScript on.
  {
    const { context, page, log, settle } = await newPhone(browser);
    const t0 = Date.now();
    const steps = [];
    await page.goto(base + eventPath, { waitUntil: "load" });
    steps.push("open the event page");
    // Quantity +1 on the single product, then "Aggiungi al carrello".
    const qty = page.locator('input[name^="item_"]').first();
    if ((await qty.getAttribute("type")) === "checkbox") await qty.check();
    else await qty.fill("1");
    await Promise.all([
      page.waitForURL(/require_cookie|checkout/, { timeout: 60_000 }),
      page.locator('form[action*="/cart/add"] button[type="submit"]').first().click(),
    ]);
    await page.waitForLoadState("load");
    steps.push("add 1 × Posto to the cart");
    if (!/checkout\/questions/.test(page.url())) {
      await Promise.all([
        page.waitForURL(/checkout\/questions/, { timeout: 60_000 }),
        page.locator('form[action*="/checkout/start"] button[type="submit"]').first().click(),
      ]);
      await page.waitForLoadState("load");
      steps.push("continue to checkout");
    }
    await page.locator('input[name="email"]').fill("ospite@example.org");
    const repeat = page.locator('input[name="email_repeat"]');
    if (await repeat.count()) await repeat.fill("ospite@example.org");
    await Promise.all([
      page.waitForURL(/checkout\/confirm/, { timeout: 60_000 }),
      page.locator('form.form-horizontal[method="post"] button[type="submit"].btn-primary').last().click(),
    ]);
    await page.waitForLoadState("load");
    steps.push("enter the email address");
    await Promise.all([
      page.waitForURL(/\/order\/.*thanks/, { timeout: 60_000 }),
      page.locator('form[data-asynctask] button[type="submit"].btn-primary').last().click(),
    ]);
    await page.waitForLoadState("load");
    steps.push("submit the order");
    const ms = Date.now() - t0;
    await settle();
    const docs = log.filter((r) => r.navigation);
    const xhr = log.filter((r) => ["xhr", "fetch"].includes(r.resourceType));
    const posts = log.filter((r) => r.method === "POST");
    const sub = log.length - docs.length - xhr.length;
    const total = log.reduce((a, r) => a + r.bytes, 0);
    console.log(
      `    Registration with JavaScript, by clicks: ${steps.length} user steps (${steps.join("; ")}), ` +
        `${ms} ms wall time`,
    );
    console.log(
      `    ${log.length} requests: ${docs.length} page navigations, ${xhr.length} XHR/fetch ` +
        `(${posts.length} POSTs in all), ${sub} subresources (mostly cached after the first page); ` +
        `${fmtKB(total)} on the wire`,
    );
    for (const r of log.filter((r) => r.navigation || ["xhr", "fetch"].includes(r.resourceType))) {
      console.log(`      ${r.method.padEnd(4)} ${r.status} ${r.resourceType.padEnd(8)} ${fmtKB(r.bytes).padStart(9)} ${r.url}`);
    }
    console.log(`    order page: ${page.url().replace(base, "")}`);
    // Not counted: cancel the order again so repeated runs never fill the quota.
    await page.goto(page.url().split("?")[0] + "cancel");
    const cancel = page.locator('form[action*="/cancel/do"] button[type="submit"]');
    if (await cancel.count()) {
      await cancel.first().click();
      await page.waitForLoadState("load");
    }
    await context.close();
  }
} finally {
  await browser.close();
}
