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
  // The job queue is part of the state: a job an earlier file's worker left
  // locked (it was stopped mid-job) would otherwise outlive its rows and be
  // counted by the next file (the mail-server-down test waits for none).
  await db().$executeRawUnsafe(
    `DO $$ BEGIN
       IF to_regclass('graphile_worker._private_jobs') IS NOT NULL THEN
         DELETE FROM graphile_worker._private_jobs;
         DELETE FROM graphile_worker._private_job_queues;
       END IF;
     END $$`,
  );
}

/** Runs a plain SQL count, for comparing figures with the raw rows. */
export async function countRows(sql: string, ...params: unknown[]): Promise<number> {
  const [row] = await db().$queryRawUnsafe<{ n: bigint | number }[]>(sql, ...params);
  return Number(row?.n ?? 0);
}
