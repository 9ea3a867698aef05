import "server-only";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { addJob } from "./job-queue";

/**
 * Re-adds jobs for messages a dead worker left "sending" (after
 * DELIVERY_STALE_SECONDS). graphile-worker would only free such a job after
 * four hours; a fresh job with the same key runs as soon as a worker is free.
 */
export async function sweepDeliveries(now = new Date()): Promise<number> {
  const staleBefore = new Date(now.getTime() - env().DELIVERY_STALE_SECONDS * 1000);
  const stuck = await db().deliveryMessage.findMany({
    where: { status: "sending", sendingSince: { lt: staleBefore } },
    select: { id: true },
    take: 5_000,
  });
  if (stuck.length === 0) return 0;
  await db().$transaction(async (tx) => {
    for (const { id } of stuck) await addJob(tx, "deliver-message", { messageId: id }, { jobKey: `deliver:${id}` });
  });
  return stuck.length;
}
