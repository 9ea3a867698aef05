import "server-only";
import { db } from "@/lib/core/db";
import { env } from "@/lib/core/env";
import { addJob } from "./job-queue";

const batch = 5_000;

/**
 * Re-adds jobs for messages a dead worker may hold: rows left "sending", and
 * rows whose attempt is overdue by DELIVERY_STALE_SECONDS (a worker took the
 * job and died before claiming the row). graphile-worker would only free such
 * a job after four hours; a fresh job with the same key runs as soon as a
 * worker is free, and claiming the row first keeps the send single.
 */
export async function sweepDeliveries(now = new Date()): Promise<number> {
  const staleBefore = new Date(now.getTime() - env().DELIVERY_STALE_SECONDS * 1000);
  const stuck = await db().deliveryMessage.findMany({
    where: {
      OR: [
        { status: "sending", sendingSince: { lt: staleBefore } },
        { status: { in: ["queued", "deferred"] }, nextAttemptAt: { lt: staleBefore } },
      ],
    },
    select: { id: true },
    orderBy: { nextAttemptAt: "asc" },
    take: batch,
  });
  // Supporter emails have no "sending" state (a second confirmation email is
  // harmless); any still queued after the stale time get a fresh job.
  const waitingEmails = await db().outboxMessage.findMany({
    where: { status: "queued", createdAt: { lt: staleBefore } },
    select: { id: true },
    orderBy: { createdAt: "asc" },
    take: batch,
  });
  if (stuck.length + waitingEmails.length === 0) return 0;
  await db().$transaction(async (tx) => {
    for (const { id } of stuck)
      await addJob(tx, "deliver-message", { messageId: id }, { jobKey: `deliver:${id}`, keepRunAt: true });
    for (const { id } of waitingEmails) {
      await addJob(tx, "send-supporter-email", { outboxMessageId: id }, { jobKey: `outbox:${id}`, keepRunAt: true });
    }
  });
  return stuck.length + waitingEmails.length;
}
