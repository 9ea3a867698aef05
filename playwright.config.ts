// End-to-end tests drive Debian's Chromium against the production build
// (`next build`, then `next start` from tests/setup/e2e-global.ts) on a real
// PostgreSQL, or on the embedded one when no server answers.
import { defineConfig } from "@playwright/test";

export const e2ePort = Number(process.env.E2E_PORT || 3107);

/**
 * The e2e server answers on three origins (tests/setup/e2e-global.ts): the
 * canonical one (baseURL), an onion (a v3-shaped fake host, which Chromium
 * resolves to this machine below) and a mirror (*.localhost is loopback).
 */
export const e2eOnionHost = `${"abcdefghijklmnopqrstuvwxyz234567".repeat(2).slice(0, 56)}.onion:${e2ePort}`;
export const e2eMirrorHost = `mirror.localhost:${e2ePort}`;

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.test.ts",
  globalSetup: "./tests/setup/e2e-global.ts",
  fullyParallel: true,
  workers: process.env.CI ? 2 : 4,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [["list"]] : [["list"]],
  // Limits against a hang, not measures of speed: on a shared CI machine
  // with other work running, a page may take several times longer.
  timeout: 120_000,
  expect: { timeout: 60_000 },
  use: {
    baseURL: `http://127.0.0.1:${e2ePort}`,
    browserName: "chromium",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      // Keep Chromium from calling Google's hosts; this machine has no route out.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        // The onion origin, as Tor Browser would reach it, is this server.
        "--host-resolver-rules=MAP *.onion 127.0.0.1",
      ],
    },
    trace: "retain-on-failure",
  },
});
