// The sweep re-files the job of a supporter email still queued after
// DELIVERY_STALE_SECONDS, for a worker that took it and died. It must leave
// alone an email a live worker took within that time: a second job beside
// the running one would send the email twice.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { sweepDeliveries } from "@/lib/delivery/sweep-deliveries";
import { countRows, resetDatabase } from "../helpers/db";
import { confirmedPlatformSignature } from "../helpers/delivery";
import { seedLaunchCampaign } from "../helpers/factories";

const jobsOf = (outboxId: string) =>
  db().$queryRawUnsafe<{ key: string | null; locked: boolean }[]>(
    `SELECT j.key, j.locked_at IS NOT NULL AS locked
     FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
     WHERE t.identifier = 'send-supporter-email' AND j.payload->>'outboxMessageId' = $1 ORDER BY j.id`,
    outboxId,
  );

describe("the sweep of supporter emails", () => {
  let outboxId: string;
  const now = new Date();

  beforeAll(async () => {
    await resetDatabase();
    const campaign = await seedLaunchCampaign();
    const signatureId = await confirmedPlatformSignature(campaign);
    const oldest = await db().outboxMessage.findFirstOrThrow({ where: { signatureId }, orderBy: { createdAt: "asc" } });
    outboxId = oldest.id;
    // Filed ten minutes ago and never sent.
    await db().outboxMessage.update({
      where: { id: outboxId },
      data: { createdAt: new Date(now.getTime() - 600_000) },
    });
  });

  it("leaves an email alone while a live worker holds its job", async () => {
    await db().$executeRawUnsafe(
      `UPDATE graphile_worker._private_jobs SET locked_at = $2, locked_by = 'a live worker' WHERE key = $1`,
      `outbox:${outboxId}`,
      new Date(now.getTime() - 30_000),
    );
    expect(await sweepDeliveries(now)).toBe(0);
    expect(await jobsOf(outboxId)).toEqual([{ key: `outbox:${outboxId}`, locked: true }]);
  });

  it("re-files it once the job's worker has held it longer than the stale time", async () => {
    await db().$executeRawUnsafe(
      `UPDATE graphile_worker._private_jobs SET locked_at = $2 WHERE key = $1`,
      `outbox:${outboxId}`,
      new Date(now.getTime() - 3_600_000),
    );
    expect(await sweepDeliveries(now)).toBe(1);
    // The dead worker's job keeps nothing; a new one, free for any worker, has the key.
    expect(await jobsOf(outboxId)).toEqual([
      { key: null, locked: true },
      { key: `outbox:${outboxId}`, locked: false },
    ]);
    expect(
      await countRows(
        `SELECT count(*) AS n FROM graphile_worker.jobs WHERE key = $1 AND run_at <= now()`,
        `outbox:${outboxId}`,
      ),
    ).toBe(1);
  });
});
