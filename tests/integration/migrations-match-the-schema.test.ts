// The checked-in migrations must build exactly the database that
// prisma/schema.prisma describes. We apply the schema's own SQL in a scratch
// schema beside the migrated `public` one and compare the catalogs.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPrisma } from "../../scripts/lib/prisma-cli.ts";

const scratch = "schema_check";
let client: pg.Client;

async function describeSchema(schema: string) {
  const normalise = (text: string | null) => (text ?? "").replaceAll(`${schema}.`, "").replaceAll(`"${schema}".`, "");
  const columns = await client.query(
    `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length
       FROM information_schema.columns
      WHERE table_schema = $1 AND table_name <> '_prisma_migrations'
      ORDER BY table_name, column_name`,
    [schema],
  );
  const indexes = await client.query(
    `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename <> '_prisma_migrations' ORDER BY indexname`,
    [schema],
  );
  const constraints = await client.query(
    `SELECT c.conname, pg_get_constraintdef(c.oid) AS def
       FROM pg_constraint c
       JOIN pg_namespace n ON n.oid = c.connamespace
       JOIN pg_class r ON r.oid = c.conrelid
      WHERE n.nspname = $1 AND r.relname <> '_prisma_migrations' ORDER BY c.conname`,
    [schema],
  );
  const enums = await client.query(
    `SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = $1 GROUP BY t.typname ORDER BY t.typname`,
    [schema],
  );
  return {
    columns: columns.rows.map((r) => ({ ...r, column_default: normalise(r.column_default) })),
    indexes: indexes.rows.map((r) =>
      normalise(r.indexdef.replace(`ON public.`, "ON ").replace(`ON ${scratch}.`, "ON ")),
    ),
    constraints: constraints.rows.map((r) => `${r.conname}: ${normalise(r.def)}`),
    enums: enums.rows,
  };
}

describe("migrations", () => {
  beforeAll(async () => {
    client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
  });
  afterAll(async () => {
    await client.query(`DROP SCHEMA IF EXISTS ${scratch} CASCADE`);
    await client.end();
  });

  it("build the same tables, columns, indexes, constraints and enums as prisma/schema.prisma", async () => {
    const sql = await runPrisma(
      ["migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
      { DATABASE_URL: process.env.DATABASE_URL! },
      { quiet: true },
    );
    await client.query(`DROP SCHEMA IF EXISTS ${scratch} CASCADE; CREATE SCHEMA ${scratch}`);
    await client.query(
      `BEGIN; SET LOCAL search_path TO ${scratch}; ${sql.replace(/CREATE SCHEMA IF NOT EXISTS "public";/, "")}; COMMIT;`,
    );
    const fromSchema = await describeSchema(scratch);
    const fromMigrations = await describeSchema("public");
    expect(fromSchema.columns.length).toBeGreaterThan(50);
    expect(fromMigrations).toEqual(fromSchema);
  });
});
