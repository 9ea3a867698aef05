import "server-only";
import { env } from "@/lib/core/env";
import { readdJobs, staleMessageIds, waitingOutboxIds } from "./data";

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
  const stuck = await staleMessageIds(staleBefore, batch);
  // Supporter emails have no "sending" state (a second confirmation email is
  // harmless); any still queued after the stale time get a fresh job.
  const waitingEmails = await waitingOutboxIds(staleBefore, batch);
  if (stuck.length + waitingEmails.length === 0) return 0;
  await readdJobs(stuck, waitingEmails);
  return stuck.length + waitingEmails.length;
}
