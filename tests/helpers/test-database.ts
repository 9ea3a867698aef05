// Which PostgreSQL the tests use: a real server when one answers at
// TEST_DATABASE_URL (default: the local server on 127.0.0.1:5432), else an
// in-memory embedded PGlite. Never DATABASE_URL, which may be production.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../scripts/dev/embedded-postgres.ts";

export const defaultTestServerUrl = "postgresql://postgres@127.0.0.1:5432/postgres";

export type TestServer =
  { mode: "postgres"; adminUrl: string } | { mode: "embedded"; adminUrl: string; embedded: EmbeddedPostgres };

export async function postgresAnswers(url: string, timeoutMs = 3_000): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export function testServerUrl(): string {
  return process.env.TEST_DATABASE_URL || defaultTestServerUrl;
}

export async function openTestServer(): Promise<TestServer> {
  const url = testServerUrl();
  if (process.env.TEST_EMBEDDED_DB !== "1" && (await postgresAnswers(url))) {
    console.log(`[tests] Using PostgreSQL at ${withoutPassword(url)}: a fresh database per test worker.`);
    return { mode: "postgres", adminUrl: url };
  }
  console.log(
    `[tests] No PostgreSQL answered at ${withoutPassword(url)}: using embedded PGlite (in memory, one database, one worker).`,
  );
  const embedded = await startEmbeddedPostgres({ port: 0, password: randomBytes(24).toString("base64url") });
  return { mode: "embedded", adminUrl: embedded.databaseUrl, embedded };
}

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A short id that keeps databases of concurrent runs (CI and a developer) apart. */
export function runId(): string {
  return `${process.pid.toString(36)}${Date.now().toString(36).slice(-4)}`;
}

function withoutPassword(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}
