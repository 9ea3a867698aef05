// npm start: the zero-setup way to run the app.
//  1. PostgreSQL: DATABASE_URL when set, else the embedded PGlite server
//     keeping its data in .data/pglite (EMBEDDED_DB_DIR).
//  2. Applies migrations; seeds the launch campaign if it is not there yet.
//  3. Builds the app once if there is no production build.
//  4. Runs the web server (scripts/serve.ts: Next.js behind the per-process
//     page cache, as the Docker image does) and the delivery worker beside
//     it, and prints the address.
import "./lib/load-dotenv.ts";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";
import { launchCampaign } from "../lib/campaigns/launch-campaign.ts";
import { seedCampaignIfMissing } from "../lib/campaigns/seed-campaign.ts";
import { disconnectDb } from "../lib/core/db.ts";
import { openDatabaseOrExit } from "./lib/database.ts";
import { applyMigrations } from "./lib/migrate.ts";
import { localAppSecret } from "./lib/local-secret.ts";

const host = process.env.HOST || "127.0.0.1";
const nextBin = "node_modules/next/dist/bin/next";
const port = await webPort();

const database = await openDatabaseOrExit({ command: "start" });
console.log(`Database: ${database.describe}`);
process.env.DATABASE_URL = database.databaseUrl;
// PGlite is one backend shared through a queue; a small pool is plenty.
if (database.embedded) {
  process.env.EMBEDDED_DATABASE = "true";
  process.env.DATABASE_POOL_MAX ||= "4";
  process.env.DATABASE_CONNECT_TIMEOUT_MS ||= "30000";
}

// Trying the app on one machine: no proxy tells clients apart, and the web
// server refuses production without saying so (lib/core/env.ts).
if (database.embedded && !process.env.CLIENT_IP_HEADER) {
  process.env.CLIENT_IP_HEADER = "none";
  console.log(
    "CLIENT_IP_HEADER is not set: every visitor shares one signing limit (fine for a try-out; set it behind a proxy).",
  );
}

if (!process.env.APP_SECRET) {
  process.env.APP_SECRET = localAppSecret();
  console.log("APP_SECRET is not set: using the one generated in .data/app-secret (set your own in production).");
}

await applyMigrations(database.databaseUrl, { quiet: true });
console.log("Migrations applied.");
if (await seedCampaignIfMissing(launchCampaign)) console.log(`Seeded the launch campaign "${launchCampaign.slug}".`);
await disconnectDb();

if (!existsSync(".next/BUILD_ID")) {
  console.log("No production build yet: building once (about a minute)...");
  const build = spawnSync(process.execPath, [nextBin, "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) {
    console.error("The build failed; see above.");
    await database.embedded?.stop();
    process.exit(1);
  }
}

const server = spawn(
  process.execPath,
  ["--import", "tsx", "scripts/serve.ts", "--port", String(port), "--hostname", host],
  {
    stdio: ["ignore", "pipe", "inherit"],
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      PUBLIC_URL: process.env.PUBLIC_URL || `http://localhost:${port}`,
    },
  },
);
// The delivery worker, beside the app (npm run worker runs it on its own).
const worker = spawn(
  process.execPath,
  ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/worker.ts"],
  {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, PUBLIC_URL: process.env.PUBLIC_URL || `http://localhost:${port}` },
  },
);
if (!process.env.SMTP_URL)
  console.log("SMTP_URL is not set: emails go to the local outbox (LocalMail); nothing leaves this machine.");

let announced = false;
server.stdout.on("data", (chunk: Buffer) => {
  process.stdout.write(chunk);
  if (!announced && /Ready in|started server/i.test(chunk.toString())) {
    announced = true;
    const shownHost = host === "127.0.0.1" || host === "0.0.0.0" ? "localhost" : host;
    console.log(`\nThe campaign is served at http://${shownHost}:${port}/  (Ctrl+C stops it)\n`);
  }
});

// Ctrl+C reaches the whole process group: the app and the worker stop on
// their own. The database stops last, once both have let go of it, so a
// normal stop prints no "connection lost" or UNLISTEN errors.
let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  await Promise.all([exited(server), exited(worker)]);
  await database.embedded?.stop();
  process.exit(code);
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    // A child that hangs must not keep the database (and the terminal) forever.
    setTimeout(() => child.kill("SIGKILL"), 15_000).unref();
  });
}

/** PORT exactly when it is set; else 3000, or the next free port when another app holds it. */
async function webPort(): Promise<number> {
  const chosen = process.env.PORT;
  if (chosen) {
    const wanted = Number(chosen);
    if (!Number.isInteger(wanted) || wanted < 1 || wanted > 65_535) {
      console.error(`PORT must be a port number (1-65535), not "${chosen}".`);
      process.exit(1);
    }
    if (!(await portIsFree(wanted))) {
      console.error(
        `Port ${wanted} (PORT) is taken by another program. Choose a free one in PORT, or unset it to let the app pick one.`,
      );
      process.exit(1);
    }
    return wanted;
  }
  for (let candidate = 3000; candidate < 3100; candidate++) {
    if (await portIsFree(candidate)) {
      if (candidate !== 3000) console.log(`Port 3000 is busy (another app?): using ${candidate}.`);
      return candidate;
    }
  }
  console.error("Ports 3000-3099 are all taken. Set PORT to a free port.");
  process.exit(1);
}

function portIsFree(candidate: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(candidate, host, () => probe.close(() => resolve(true)));
  });
}
server.on("exit", (code) => void stop(code ?? 0));
worker.on("exit", (code) => {
  if (!stopping)
    console.error(`The delivery worker stopped (exit ${code}); letters wait in the queue until it runs again.`);
});
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
