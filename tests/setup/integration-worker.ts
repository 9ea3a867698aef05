// Runs in each test worker before its test files: points the app's database
// client at this worker's own database, cloned from the migrated template.
import { inject } from "vitest";
import { adminQuery, databaseUrl } from "../helpers/test-database.ts";

const { mode, adminUrl, prefix } = inject("integrationDatabase");

if (mode === "embedded") {
  process.env.DATABASE_URL = adminUrl;
  // One backend serves every connection in turn: bursts wait longer.
  process.env.DATABASE_CONNECT_TIMEOUT_MS = "120000";
} else {
  const name = `${prefix}_w${process.env.VITEST_POOL_ID ?? "1"}`;
  try {
    await adminQuery(adminUrl, `CREATE DATABASE ${name} TEMPLATE ${prefix}_template`);
  } catch (error) {
    // 42P04: this worker made its database for an earlier test file.
    if ((error as { code?: string }).code !== "42P04") throw error;
  }
  process.env.DATABASE_URL = databaseUrl(adminUrl, name);
}
process.env.DATABASE_POOL_MAX = "8";
process.env.TALLY_IN_WEB_PROCESS = "false";
process.env.APP_SECRET = "integration-tests-secret-not-for-production-use-0123456789";
