// Vitest global setup for integration tests: a migrated template database,
// from which each worker clones its own (tests/setup/integration-worker.ts).
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../scripts/lib/migrate.ts";
import { adminQuery, databaseUrl, openTestServer, runId } from "../helpers/test-database.ts";

export type IntegrationDatabase = { mode: "postgres" | "embedded"; adminUrl: string; prefix: string };

declare module "vitest" {
  export interface ProvidedContext {
    integrationDatabase: IntegrationDatabase;
  }
}

export default async function setup(project: TestProject) {
  const server = await openTestServer();
  const prefix = `lct_${runId()}`;
  if (server.mode === "postgres") {
    await adminQuery(server.adminUrl, `CREATE DATABASE ${prefix}_template`);
    await applyMigrations(databaseUrl(server.adminUrl, `${prefix}_template`), { quiet: true });
  } else {
    await applyMigrations(server.adminUrl, { quiet: true });
  }
  project.provide("integrationDatabase", { mode: server.mode, adminUrl: server.adminUrl, prefix });

  return async () => {
    if (server.mode === "embedded") {
      await server.embedded.stop();
      return;
    }
    // Drop every database this run made; WITH (FORCE) ends leftover connections.
    const pg = (await import("pg")).default;
    const client = new pg.Client({ connectionString: server.adminUrl });
    await client.connect();
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [
      `${prefix}\\_%`,
    ]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await client.end();
  };
}
