// Playwright global setup: a fresh database (migrated and seeded), then the
// production build served by scripts/serve.ts, as `npm start` and the Docker
// image serve it. Returns the teardown.
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, existsSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { applyMigrations } from "../../scripts/lib/migrate.ts";
import { e2eMirrorHost, e2eOnionHost, e2ePort } from "../../playwright.config.ts";
import { e2eStaff } from "../helpers/e2e-staff.ts";
import { adminQuery, databaseUrl, openTestServer, runId } from "../helpers/test-database.ts";

const e2eAppSecret = "e2e-tests-secret-not-for-production-use-0123456789";

export default async function globalSetup() {
  if (!existsSync(`${process.env.NEXT_DIST_DIR || ".next"}/BUILD_ID`)) {
    throw new Error("No production build: run `npm run build` first (npm test does).");
  }
  // Another run's server on this port would answer our tests (and ours would
  // change its data): refuse instead of testing the wrong app.
  const portFree = await new Promise<boolean>((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(e2ePort, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
  if (!portFree)
    throw new Error(
      `Port ${e2ePort} is taken (another end-to-end run, or an app). Stop it, or set E2E_PORT to a free port.`,
    );
  const server = await openTestServer();
  let url = server.adminUrl;
  const name = `lce2e_${runId()}`;
  if (server.mode === "postgres") {
    await adminQuery(server.adminUrl, `CREATE DATABASE ${name}`);
    url = databaseUrl(server.adminUrl, name);
  }
  await applyMigrations(url, { quiet: true });
  // The same seed command a person runs (npm run db:seed).
  const seed = spawnSync("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/db-seed.ts"], {
    env: { ...process.env, DATABASE_URL: url, APP_SECRET: e2eAppSecret },
    encoding: "utf8",
  });
  if (seed.status !== 0) throw new Error(`Seeding the e2e database failed:\n${seed.stderr}`);
  // Staff accounts made the way a person makes them (npm run admin:create).
  for (const account of Object.values(e2eStaff)) {
    const made = spawnSync(
      "node_modules/.bin/tsx",
      [
        "--conditions=react-server",
        "scripts/admin-create.ts",
        "--email",
        account.email,
        "--name",
        account.name,
        "--role",
        account.role,
      ],
      {
        env: { ...process.env, DATABASE_URL: url, APP_SECRET: e2eAppSecret, ADMIN_PASSWORD: account.password },
        encoding: "utf8",
      },
    );
    if (made.status !== 0) throw new Error(`admin:create failed:\n${made.stderr}`);
  }
  process.env.E2E_DATABASE_URL = url;
  process.env.APP_SECRET = e2eAppSecret;
  await seedSecondOpenCampaign(url);

  // The web server as it ships (scripts/serve.ts: Next.js behind the page cache).
  const app = spawn(
    process.execPath,
    ["--import", "tsx", "scripts/serve.ts", "--port", String(e2ePort), "--hostname", "127.0.0.1"],
    {
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: url,
        DATABASE_POOL_MAX: server.mode === "embedded" ? "4" : "10",
        // Wait for a connection as long as a browser waits, never 503 on a busy machine.
        DATABASE_CONNECT_TIMEOUT_MS: "60000",
        PUBLIC_URL: `http://127.0.0.1:${e2ePort}`,
        // The same app on an onion and a mirror, as a deployment for readers in Russia runs it.
        ONION_URL: `http://${e2eOnionHost}`,
        MIRROR_URLS: `http://${e2eMirrorHost}`,
        // One browser on one machine: every test shares one client (no proxy here).
        CLIENT_IP_HEADER: "none",
        APP_SECRET: e2eAppSecret,
        // The runner resolves `server-only` with the react-server condition
        // (package.json); the app must not inherit that.
        NODE_OPTIONS: "",
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  // The server's output goes to the terminal and to a file a test reads
  // (tests/e2e/privacy/server-logs-hold-no-personal-data.test.ts).
  const logFile = path.join(tmpdir(), `lc-e2e-server-${name}.log`);
  const log = createWriteStream(logFile);
  app.stdout!.on("data", (chunk: Buffer) => (process.stdout.write(chunk), log.write(chunk)));
  app.stderr!.on("data", (chunk: Buffer) => (process.stderr.write(chunk), log.write(chunk)));
  process.env.E2E_SERVER_LOG = logFile;
  await waitForServer(`http://127.0.0.1:${e2ePort}/api/campaigns`, 60_000);

  return async () => {
    app.kill("SIGTERM");
    await new Promise((resolve) => app.once("exit", resolve));
    log.end();
    if (server.mode === "embedded") await server.embedded.stop();
    else await adminQuery(server.adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
}

/**
 * Several e2e tests open campaigns of their own, so whether "/" shows one
 * campaign or the list would depend on which test ran first. A second open
 * campaign from the start makes the home page the list in every test, as on a
 * deployment that runs several campaigns (the one-campaign home page is proved
 * in tests/integration/the-home-page-shows-one-campaign-or-lists-several.test.ts).
 */
async function seedSecondOpenCampaign(url: string) {
  process.env.DATABASE_URL = url;
  const { seedCampaign } = await import("@/lib/campaigns/seed-campaign");
  const { disconnectDb } = await import("@/lib/core/db");
  await seedCampaign({
    slug: "protect-the-journalists",
    status: "open",
    organiser: "Test organiser",
    languages: ["en"],
    translations: {
      en: {
        title: "Protect the journalists",
        summary: "Write to demand their safety.",
        context: "They were detained.",
        whyItMatters: "They defend others.",
        safetyNotice: "Be careful.",
      },
    },
    demands: [{ en: "Release them." }],
    addressees: [
      {
        key: "protect-the-journalists-official",
        name: "An Official",
        role: "Minister",
        kind: "official",
        emails: ["official@example.org"],
        lastVerifiedOn: "2026-01-01",
      },
    ],
    templates: { en: { subject: "Release them", body: "{{salutation}}\n\n{{demands}}\n\n{{signer}}" } },
  });
  await disconnectDb();
}

async function waitForServer(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The app did not answer at ${url} within ${timeoutMs / 1000} s.`);
}
