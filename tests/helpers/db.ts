// Database helpers for integration tests: each worker has its own database
// (tests/setup/integration-worker.ts); files start from empty tables.
import { db } from "@/lib/core/db";

/** Empties every table of the app (keeps the migration history). */
export async function resetDatabase(): Promise<void> {
  const tables = await db().$queryRawUnsafe<{ tablename: string }[]>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  );
  if (tables.length === 0) return;
  await db().$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`);
}

/** Runs a plain SQL count, for comparing figures with the raw rows. */
export async function countRows(sql: string, ...params: unknown[]): Promise<number> {
  const [row] = await db().$queryRawUnsafe<{ n: bigint | number }[]>(sql, ...params);
  return Number(row?.n ?? 0);
}
