// Which PostgreSQL a command uses: DATABASE_URL when set, else the embedded
// PGlite server on its data folder (the zero-setup default).
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../lib/db/embedded-postgres.ts";

export type DatabaseHandle = {
  databaseUrl: string;
  embedded: EmbeddedPostgres | null;
  describe: string;
};

export const embeddedDefaults = {
  dataDir: process.env.EMBEDDED_DB_DIR || path.resolve(".data/pglite"),
  port: Number(process.env.EMBEDDED_DB_PORT || 54329),
};

export async function openDatabase(options: { useRunningEmbedded?: boolean } = {}): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  if (url) {
    return { databaseUrl: url, embedded: null, describe: `PostgreSQL from DATABASE_URL (${redact(url)})` };
  }
  // A command run beside `npm start` talks to the embedded server it runs
  // (PGlite's data folder can only be opened by one process).
  const running = `postgresql://postgres:postgres@127.0.0.1:${embeddedDefaults.port}/postgres?sslmode=disable`;
  if (options.useRunningEmbedded && (await answers(running))) {
    return { databaseUrl: running, embedded: null, describe: `the embedded PostgreSQL of the running app (port ${embeddedDefaults.port})` };
  }
  const embedded = await startEmbeddedPostgres(embeddedDefaults);
  return {
    databaseUrl: embedded.databaseUrl,
    embedded,
    describe: `embedded PostgreSQL (PGlite) in ${embeddedDefaults.dataDir}, port ${embeddedDefaults.port}`,
  };
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
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
