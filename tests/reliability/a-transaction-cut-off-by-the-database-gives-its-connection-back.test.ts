// A database restart ends the connections of transactions in flight. Each
// such transaction must give its pool slot back: before the fix, Prisma's
// transaction manager only released a connection after its COMMIT or
// ROLLBACK succeeded, so every cut-off transaction kept its slot for good,
// and after DATABASE_POOL_MAX of them every request waited for a connection
// and answered 503 until the app was restarted (found by
// database-restarts-lose-no-acknowledged-signature.test.ts).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, pool } from "@/lib/core/db";

const poolMax = Number(process.env.DATABASE_POOL_MAX);
let admin: pg.Client;

/** Ends a backend the way a restart does (FATAL 57P01, then the socket closes). */
async function terminate(pid: number) {
  await admin.query("SELECT pg_terminate_backend($1)", [pid]);
}

describe("transactions whose connection the database ends", () => {
  beforeAll(async () => {
    admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.end();
  });

  it("fail, give their connection back, and leave the pool serving", async () => {
    // Twice as many as the pool holds, cut off mid-transaction and at COMMIT.
    for (let i = 0; i < 2 * poolMax; i++) {
      const cutAtCommit = i % 2 === 1;
      const attempt = db().$transaction(async (tx) => {
        const rows = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
        await terminate(rows[0]!.pid);
        // Give the client a moment to read the FATAL message and the closed socket.
        await new Promise((resolve) => setTimeout(resolve, 20));
        if (!cutAtCommit) await tx.$queryRaw`SELECT 1`;
      });
      await expect(attempt).rejects.toThrow();
    }
    // No slot is held by a dead transaction (nothing else runs now, so every
    // connection the pool keeps is idle), and a query and a transaction run.
    // Counted, not timed: a busy machine must not fail this.
    expect(pool().totalCount - pool().idleCount).toBe(0);
    await expect(db().$queryRaw`SELECT 1 AS ok`).resolves.toEqual([{ ok: 1 }]);
    await expect(db().$transaction(async (tx) => tx.$queryRaw`SELECT 2 AS ok`)).resolves.toEqual([{ ok: 2 }]);
    expect(pool().waitingCount).toBe(0);
    expect(pool().totalCount).toBeLessThanOrEqual(poolMax);
    expect(pool().totalCount - pool().idleCount).toBe(0);
  });
});
