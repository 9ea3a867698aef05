// Which PostgreSQL a command uses: DATABASE_URL when set, else the embedded
// PGlite server on its data folder (the zero-setup default).
//
// The embedded server is for trying the app on one machine, so it is made
// safe for that: its folder and files are readable by their owner alone, every
// client must give the password generated into <data folder>.password (0600),
// it takes another port when its usual one is busy (a second checkout running
// beside this one), and it says where it runs in <data folder>.running.json so
// `admin:create`, `outbox`, `db:seed` and `db:migrate` use the running server
// instead of opening the same folder twice (PGlite allows one process).
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { z } from "zod";
import { generatedOnce } from "./local-secret.ts";
import {
  EMBEDDED_USER,
  restrictToOwner,
  startEmbeddedPostgres,
  type EmbeddedPostgres,
} from "../../scripts/dev/embedded-postgres.ts";

export type DatabaseHandle = {
  databaseUrl: string;
  embedded: EmbeddedPostgres | null;
  describe: string;
};

export const DEFAULT_EMBEDDED_PORT = 54329;

const settingsSchema = z.object({
  DATABASE_URL: z.string().trim().min(1).optional().catch(undefined),
  NODE_ENV: z.string().optional(),
  EMBEDDED_DB_DIR: z.string().trim().min(1).optional(),
  // 0: any free port.
  EMBEDDED_DB_PORT: z.coerce.number().int().min(0).max(65_535).optional(),
  EMBEDDED_DB_IN_PRODUCTION: z.enum(["true", "false"]).optional(),
});

export type EmbeddedSettings = {
  dataDir: string;
  port: number | null;
  allowInProduction: boolean;
  production: boolean;
};

export class DatabaseSetupError extends Error {}

export function embeddedSettings(environment: Record<string, string | undefined> = process.env): EmbeddedSettings {
  const parsed = settingsSchema.safeParse(environment);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DatabaseSetupError(`${issue.path.join(".")} is not valid: ${issue.message}`);
  }
  const values = parsed.data;
  return {
    dataDir: path.resolve(values.EMBEDDED_DB_DIR ?? ".data/pglite"),
    port: values.EMBEDDED_DB_PORT ?? null,
    allowInProduction: values.EMBEDDED_DB_IN_PRODUCTION === "true",
    production: values.NODE_ENV === "production",
  };
}

/** Files kept beside the data folder. */
export function embeddedFiles(dataDir: string) {
  return { password: `${dataDir}.password`, running: `${dataDir}.running.json` };
}

type RunningRecord = { pid: number; port: number };

export async function openDatabase(
  options: { command?: string; environment?: Record<string, string | undefined> } = {},
): Promise<DatabaseHandle> {
  const environment = options.environment ?? process.env;
  const url = environment.DATABASE_URL;
  if (url) {
    return { databaseUrl: url, embedded: null, describe: `PostgreSQL from DATABASE_URL (${redact(url)})` };
  }
  const settings = embeddedSettings(environment);
  if (settings.production && !settings.allowInProduction) {
    throw new DatabaseSetupError(
      "NODE_ENV=production but DATABASE_URL is not set. The embedded database is for trying the app on one machine: one process, no backups, no replication. " +
        "Set DATABASE_URL to a real PostgreSQL for a campaign (docs/DEPLOY.md), or set EMBEDDED_DB_IN_PRODUCTION=true if you really mean to run on it.",
    );
  }

  protectDataFolder(settings.dataDir);
  const files = embeddedFiles(settings.dataDir);
  const password = embeddedPassword(files.password);

  const running = await runningServer(settings.dataDir, password);
  if (running) {
    if (options.command === "start") {
      throw new DatabaseSetupError(
        `The app of this folder is already running (process ${running.pid}, database port ${running.port}). Stop it first, or run the other copy from its own folder.`,
      );
    }
    return {
      databaseUrl: running.databaseUrl,
      embedded: null,
      describe: `the embedded PostgreSQL of the running app (port ${running.port})`,
    };
  }

  const embedded = await listen(settings, password);
  writeFileSync(
    files.running,
    `${JSON.stringify({ pid: process.pid, port: embedded.port } satisfies RunningRecord)}\n`,
    { mode: 0o600 },
  );
  const stop = embedded.stop;
  embedded.stop = async () => {
    rmSync(files.running, { force: true });
    await stop();
  };
  const moved =
    settings.port === null && embedded.port !== DEFAULT_EMBEDDED_PORT ? ` (port ${DEFAULT_EMBEDDED_PORT} is busy)` : "";
  return {
    databaseUrl: embedded.databaseUrl,
    embedded,
    describe: `embedded PostgreSQL (PGlite) in ${settings.dataDir}, port ${embedded.port}${moved}`,
  };
}

/** openDatabase for a command line: a setup problem is one plain sentence and exit status 1, not a stack trace. */
export async function openDatabaseOrExit(options: { command?: string } = {}): Promise<DatabaseHandle> {
  try {
    return await openDatabase(options);
  } catch (error) {
    if (!(error instanceof DatabaseSetupError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

/** The usual port, another free one when it is busy, or exactly EMBEDDED_DB_PORT. */
async function listen(settings: EmbeddedSettings, password: string): Promise<EmbeddedPostgres> {
  const options = { dataDir: settings.dataDir, password };
  try {
    return await startEmbeddedPostgres({ ...options, port: settings.port ?? DEFAULT_EMBEDDED_PORT });
  } catch (error) {
    if ((error as { code?: string }).code !== "EADDRINUSE") throw error;
    if (settings.port !== null) {
      throw new DatabaseSetupError(
        `Port ${settings.port} (EMBEDDED_DB_PORT) is taken by another program. Choose a free port in EMBEDDED_DB_PORT, or unset it to let the app pick one.`,
      );
    }
    return startEmbeddedPostgres({ ...options, port: 0 });
  }
}

/** The server another process runs on this data folder, if it still answers. */
async function runningServer(
  dataDir: string,
  password: string,
): Promise<(RunningRecord & { databaseUrl: string }) | null> {
  const file = embeddedFiles(dataDir).running;
  let record: RunningRecord;
  try {
    record = JSON.parse(readFileSync(file, "utf8")) as RunningRecord;
  } catch {
    return null;
  }
  const databaseUrl = `postgresql://${EMBEDDED_USER}:${encodeURIComponent(password)}@127.0.0.1:${record.port}/postgres?sslmode=disable`;
  if (processAlive(record.pid) && (await answers(databaseUrl))) return { ...record, databaseUrl };
  rmSync(file, { force: true }); // left by a process that was killed
  return null;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === "EPERM";
  }
}

/** The generated password, made on first use (once, even when two first starts race); readable by this user only. */
function embeddedPassword(file: string): string {
  const password = generatedOnce(file, () => randomBytes(32).toString("base64url"));
  chmodSync(file, 0o600);
  return password;
}

/**
 * The folder holding the data (and its parent, .data by default) is 0700 and
 * nothing in it is readable or writable by others. Earlier versions left
 * PGlite's 0666 files; this corrects them on every start. New files follow
 * the umask, so it is narrowed for this process too.
 */
function protectDataFolder(dataDir: string): void {
  process.umask(0o077);
  const parent = path.dirname(dataDir);
  mkdirSync(parent, { recursive: true, mode: 0o700 });
  // Our own .data folder (app secret, password) is narrowed as a whole; a
  // folder chosen with EMBEDDED_DB_DIR may hold other things, so not its parent.
  if (path.basename(parent) === ".data") restrictToOwner(parent, { shallow: true });
  if (existsSync(dataDir)) restrictToOwner(dataDir);
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on("error", () => {});
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A URL with its password hidden, for logs. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable URL)";
  }
}
