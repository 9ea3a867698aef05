// npm start: the zero-setup way to run the app.
//  1. PostgreSQL: DATABASE_URL when set, else the embedded PGlite server
//     keeping its data in .data/pglite (EMBEDDED_DB_DIR).
//  2. Applies migrations; seeds the launch campaign if it is not there yet.
//  3. Builds the app once if there is no production build.
//  4. Runs `next start` and the delivery worker beside it, and prints the address.
import "./lib/load-dotenv.ts";
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { launchCampaign } from "../lib/campaigns/seed/launch-campaign.ts";
import { seedCampaignIfMissing } from "../lib/campaigns/seed-campaign.ts";
import { disconnectDb } from "../lib/db/client.ts";
import { openDatabase } from "./lib/database.ts";
import { applyMigrations } from "./lib/migrate.ts";
import { localAppSecret } from "./lib/local-secret.ts";

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || "127.0.0.1";
const nextBin = "node_modules/next/dist/bin/next";

const database = await openDatabase();
console.log(`Database: ${database.describe}`);
process.env.DATABASE_URL = database.databaseUrl;
// PGlite is one backend shared through a queue; a small pool is plenty.
if (database.embedded) {
  process.env.EMBEDDED_DATABASE = "true";
  process.env.DATABASE_POOL_MAX ||= "4";
  process.env.DATABASE_CONNECT_TIMEOUT_MS ||= "30000";
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

const server = spawn(process.execPath, [nextBin, "start", "--port", String(port), "--hostname", host], {
  stdio: ["ignore", "pipe", "inherit"],
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PUBLIC_URL: process.env.PUBLIC_URL || `http://localhost:${port}` },
});
// The delivery worker, beside the app (npm run worker runs it on its own).
const worker = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/worker.ts"], {
  stdio: ["ignore", "inherit", "inherit"],
  env: { ...process.env, PUBLIC_URL: process.env.PUBLIC_URL || `http://localhost:${port}` },
});
if (!process.env.SMTP_URL) console.log("SMTP_URL is not set: emails go to the local outbox (LocalMail); nothing leaves this machine.");

let announced = false;
server.stdout.on("data", (chunk: Buffer) => {
  process.stdout.write(chunk);
  if (!announced && /Ready in|started server/i.test(chunk.toString())) {
    announced = true;
    const shownHost = host === "127.0.0.1" || host === "0.0.0.0" ? "localhost" : host;
    console.log(`\nThe campaign is served at http://${shownHost}:${port}/  (Ctrl+C stops it)\n`);
  }
});

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  server.kill("SIGTERM");
  worker.kill("SIGTERM");
  await database.embedded?.stop();
  process.exit(code);
}
server.on("exit", (code) => void stop(code ?? 0));
worker.on("exit", (code) => {
  if (!stopping) console.error(`The delivery worker stopped (exit ${code}); letters wait in the queue until it runs again.`);
});
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
