// End-to-end tests in Debian's Chromium (never a downloaded browser), every spec run twice:
// with JavaScript on ("js") and off ("no-js"). The server is the debug build from
// `cargo leptos build`, started on a fresh SQLite database with no tile server (no internet).
import { defineConfig } from "@playwright/test";
import path from "node:path";

const root = path.resolve(__dirname, "..");
const port = Number(process.env.SPAZI_E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const profile = process.env.SPAZI_E2E_PROFILE ?? "debug";
const server = `${root}/target/${profile}/server`;
/** The staff account the specs sign in with (created through the server's own CLI). */
export const STAFF = { email: "staff@example.it", password: "una password per i test e2e" };
/** Where the server writes e-mail (as .eml files) during the tests. */
export const MAIL_DIR = `${root}/target/e2e/mail`;
/** "Now" for the server under test (see `SPAZI_NOW`): the week of the Forum's launch. */
export const LAUNCH_WEEK = "2022-06-01T10:00:00+02:00";
/** An administrator (manages staff accounts), created the same way. */
export const ADMIN = { email: "admin@example.it", password: "la password dell'amministratore" };

export default defineConfig({
  testDir: "./tests",
  outputDir: "./test-results",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL,
    locale: "it-IT",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  // The staff specs change data (rename, add, publish spaces), so they run after the public
  // specs, which count the seeded spaces exactly.
  // The events spec counts seats of the one seeded event exactly, so its two runs take turns
  // and its tests run one after the other.
  projects: [
    { name: "js", use: { javaScriptEnabled: true }, testIgnore: /(staff|events)\.spec/ },
    { name: "no-js", use: { javaScriptEnabled: false }, testIgnore: /(staff|events)\.spec/ },
    { name: "events-js", use: { javaScriptEnabled: true }, testMatch: /events\.spec/, fullyParallel: false },
    {
      name: "events-no-js",
      use: { javaScriptEnabled: false },
      fullyParallel: false,
      testMatch: /events\.spec/,
      dependencies: ["events-js"],
    },
    {
      name: "staff-js",
      use: { javaScriptEnabled: true },
      testMatch: /staff\.spec/,
      dependencies: ["js", "no-js"],
    },
    {
      name: "staff-no-js",
      use: { javaScriptEnabled: false },
      testMatch: /staff\.spec/,
      dependencies: ["js", "no-js"],
    },
  ],
  webServer: {
    // Create the staff accounts (fails harmlessly if they exist), then serve.
    command:
      `printf '%s\\n' '${STAFF.password}' | ${server} admin create --email ${STAFF.email} --name 'Staff e2e' --role editor; ` +
      `printf '%s\\n' "${ADMIN.password}" | ${server} admin create --email ${ADMIN.email} --name 'Admin e2e' --role admin; ` +
      `exec ${server}`,
    cwd: root,
    url: `${baseURL}/`,
    timeout: 60_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      LEPTOS_OUTPUT_NAME: "spazi",
      LEPTOS_SITE_ROOT: "target/site",
      LEPTOS_SITE_PKG_DIR: "pkg",
      LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
      DATABASE_URL: `sqlite://${root}/target/e2e/spazi.db?mode=rwc`,
      SPAZI_TILE_URL: "",
      // E-mail is written as files here (no SMTP server): the specs read them.
      SPAZI_MAIL_DIR: `${root}/target/e2e/mail`,
      // The app's clock starts on 1 June 2022, so the launch of 6 June 2022 takes RSVPs.
      SPAZI_NOW: LAUNCH_WEEK,
      RUST_LOG: "warn",
    },
  },
});
