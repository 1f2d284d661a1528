// The strict Content-Security-Policy breaks nothing: every public page hydrates its islands
// (maps, form helpers) with no policy violation reported by Chromium, and carries the policy.
// Pages without islands load neither the WASM bundle nor Leaflet (app::page_assets).
import { expect, test } from "@playwright/test";

const pages = ["/", "/aderisci", "/eventi/lancio-forum-2022", "/eventi", "/dati-aperti"];
const plain = new Set(["/eventi", "/dati-aperti"]);
// The launch's venue has an approximate position: its page draws no map (no Leaflet).
const mapped = new Set(["/", "/aderisci"]);

for (const path of pages) {
  test(`${path} runs under the Content-Security-Policy`, async ({ page }, info) => {
    const violations: string[] = [];
    page.on("console", (msg) => {
      if (/Content Security Policy|Refused to/i.test(msg.text())) violations.push(msg.text());
    });
    page.on("pageerror", (err) => violations.push(err.message));
    const requested: string[] = [];
    page.on("request", (req) => requested.push(new URL(req.url()).pathname));
    const res = await page.goto(path);
    expect(res?.status()).toBe(200);
    const csp = (await res?.headerValue("content-security-policy")) ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9_-]+' 'wasm-unsafe-eval'/);
    expect(await res?.headerValue("x-content-type-options")).toBe("nosniff");
    if (info.project.use.javaScriptEnabled) {
      // The islands came to life.
      if (path === "/") await expect(page.locator(".map--directory.leaflet-container")).toBeVisible();
      if (path === "/aderisci") await expect(page.locator("#join-form[data-assist=ready]")).toBeAttached();
      if (path.startsWith("/eventi/")) await expect(page.locator("#rsvp-form[data-assist=ready]")).toBeAttached();
      await page.waitForLoadState("networkidle");
      const hasIslands = !plain.has(path);
      expect(requested.some((p) => p.endsWith(".wasm")), "the WASM bundle").toBe(hasIslands);
      expect(requested.some((p) => p.startsWith("/vendor/leaflet/")), "Leaflet").toBe(mapped.has(path));
    }
    expect(violations).toEqual([]);
  });
}
