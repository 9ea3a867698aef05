// A fresh database on a real PostgreSQL server for one benchmark run, dropped
// afterwards. Benchmarks never run on the embedded database: its single
// backend would measure PGlite, not the app.
import pg from "pg";
import { adminQuery, databaseUrl, postgresAnswers } from "../../tests/helpers/test-database.ts";
import { applyMigrations } from "../../scripts/lib/migrate.ts";

export const benchServerUrl = process.env.BENCH_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";

export async function freshBenchDatabase(label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!(await postgresAnswers(benchServerUrl))) {
    console.error(
      `No PostgreSQL answers at ${benchServerUrl}. Set BENCH_DATABASE_URL to a server where we may create databases.`,
    );
    process.exit(2);
  }
  const name = `lc_bench_${label}_${process.pid}`;
  await adminQuery(benchServerUrl, `DROP DATABASE IF EXISTS ${name}`);
  await adminQuery(benchServerUrl, `CREATE DATABASE ${name}`);
  const url = databaseUrl(benchServerUrl, name);
  await applyMigrations(url, { quiet: true });
  return {
    url,
    drop: async () => {
      await adminQuery(benchServerUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

export async function sql<T extends pg.QueryResultRow>(
  url: string,
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}
