// Which PostgreSQL a command uses: DATABASE_URL when set, else the embedded
// PGlite server on its data folder (the zero-setup default).
import path from "node:path";
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

export async function openDatabase(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  if (url) {
    return { databaseUrl: url, embedded: null, describe: `PostgreSQL from DATABASE_URL (${redact(url)})` };
  }
  const embedded = await startEmbeddedPostgres(embeddedDefaults);
  return {
    databaseUrl: embedded.databaseUrl,
    embedded,
    describe: `embedded PostgreSQL (PGlite) in ${embeddedDefaults.dataDir}, port ${embeddedDefaults.port}`,
  };
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
