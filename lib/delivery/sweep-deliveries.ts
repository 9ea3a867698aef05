import "server-only";
import { env } from "@/lib/core/env";
import { readdOutboxJobs, waitingOutboxIds } from "./data";

const batch = 5_000;

/**
 * Re-adds jobs for supporter emails still queued after
 * DELIVERY_STALE_SECONDS (a worker took the job and died before sending):
 * graphile-worker would only free such a job after four hours. Supporter
 * emails have no "sending" state (a second confirmation email is harmless).
 * Letters need no sweep: the drain (drain-deliveries.ts) claims messages
 * whose time has come and takes over holds gone stale by itself.
 */
export async function sweepDeliveries(now = new Date()): Promise<number> {
  const staleBefore = new Date(now.getTime() - env().DELIVERY_STALE_SECONDS * 1000);
  const waitingEmails = await waitingOutboxIds(staleBefore, batch);
  if (waitingEmails.length === 0) return 0;
  await readdOutboxJobs(waitingEmails);
  return waitingEmails.length;
}
