// npm run db:new-migration -- <name>: writes prisma/migrations/<timestamp>_<name>/migration.sql
// with the SQL that takes the schema of the last migration to prisma/schema.prisma.
// Works offline. `prisma migrate dev` needs a shadow database, and diffing a
// live database fails through the driver adapter (docs/DEVELOPMENT.md), so
// we keep prisma/migrations/schema.snapshot.prisma, the schema as of the last
// migration, and diff one datamodel against the other. The integration test
// tests/integration/migrations-match-schema.test.ts proves the two agree.
import { randomBytes } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "../scripts/dev/embedded-postgres.ts";
import { runPrisma } from "./lib/prisma-cli.ts";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:new-migration -- <name>   (lower-case letters, digits and underscores)");
  process.exit(2);
}

const schema = path.join("prisma", "schema.prisma");
const snapshot = path.join("prisma", "migrations", "schema.snapshot.prisma");
const from = existsSync(snapshot) ? ["--from-schema-datamodel", snapshot] : ["--from-empty"];
// The CLI connects through the adapter even to diff two files; give it a
// throwaway in-memory database so no real one is needed or touched.
const scratch = await startEmbeddedPostgres({ port: 0, password: randomBytes(24).toString("base64url") });
const sql = await runPrisma(
  ["migrate", "diff", ...from, "--to-schema-datamodel", schema, "--script"],
  { DATABASE_URL: scratch.databaseUrl },
  { quiet: true },
).finally(() => scratch.stop());

if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
  console.log("prisma/schema.prisma matches the last migration; nothing to write.");
} else {
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const folder = path.join("prisma", "migrations", `${stamp}_${name}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, "migration.sql"), sql);
  copyFileSync(schema, snapshot);
  console.log(`Wrote ${folder}/migration.sql and updated ${snapshot}. Read the SQL, then run npm run db:migrate.`);
}
