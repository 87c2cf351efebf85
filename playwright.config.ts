import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests run against the production build (`next build && next
 * start`) on a free port, with a fresh embedded database, in Chromium from the
 * system. Workers re-read this file, so the port is chosen once and passed on
 * through the environment.
 */
function freePort(): string {
  return execFileSync(process.execPath, [
    "-e",
    "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})",
  ]).toString();
}

function chromiumPath(): string | undefined {
  const candidates = [process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE, "/usr/bin/chromium"];
  // Undefined lets Playwright fall back to its own downloaded browser.
  return candidates.find((candidate): candidate is string => !!candidate && fs.existsSync(candidate));
}

process.env.E2E_PORT ??= freePort();
process.env.E2E_SMTP_PORT ??= freePort();
process.env.E2E_MAIL_HTTP_PORT ??= freePort();
const port = process.env.E2E_PORT;
export const baseURL = `http://127.0.0.1:${port}`;
/** Where the test SMTP server shows the mail it received (magic-link test). */
export const mailboxURL = `http://127.0.0.1:${process.env.E2E_MAIL_HTTP_PORT}/messages`;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    timezoneId: "America/New_York",
    locale: "en-US",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: [
    {
      // A real SMTP server that the app sends magic links to.
      command: "npx tsx tests/support/smtp-capture.ts",
      url: mailboxURL,
      timeout: 60_000,
      reuseExistingServer: false,
      env: { SMTP_CAPTURE_PORT: process.env.E2E_SMTP_PORT!, MAIL_HTTP_PORT: process.env.E2E_MAIL_HTTP_PORT! },
    },
    {
      command: "bash scripts/e2e-server.sh",
      url: `${baseURL}/api/v1/conferences`,
      timeout: 300_000,
      reuseExistingServer: false,
      env: {
        PORT: port,
        NEXTAUTH_URL: baseURL,
        SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT}`,
        MAIL_FROM: "Agenda planner <planner@example.org>",
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
