// Runs in each test worker before its test files: points the app's database
// client at this worker's own database, cloned from the migrated template.
import { inject } from "vitest";
import { adminQuery, databaseUrl } from "../helpers/test-database.ts";

const { mode, adminUrl, prefix } = inject("integrationDatabase");

// Tests fire hundreds of signatures at once into a pool of 8 to prove the
// counts exact. The app's deadline for waiting on a connection (5 s, then
// 503) is a load-shedding policy; here it turned a busy CI machine into
// "timeout exceeded when trying to connect". Integration tests wait as long
// as it takes; the reliability suite tests shedding with its own settings.
process.env.DATABASE_CONNECT_TIMEOUT_MS = "120000";
if (mode === "embedded") {
  process.env.DATABASE_URL = adminUrl;
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
// Delivery at any hour: a test must not depend on when it runs.
process.env.DELIVERY_HOURS = "0-24";
process.env.APP_SECRET = "integration-tests-secret-not-for-production-use-0123456789";
// The proof of work at its smallest: tests solve one per API signature, and
// what they prove is the check, not the cost (bench/proof-of-work-solve-time.ts
// measures the default cost in a browser).
process.env.PROOF_OF_WORK_ITERATIONS = "1";
process.env.PROOF_OF_WORK_ATTEMPTS = "2";
