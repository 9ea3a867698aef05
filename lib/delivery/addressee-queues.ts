import "server-only";
import { env } from "@/lib/core/env";
import { addresseeQueueRows } from "./data";
import { queueEmptyAt, spacing, type Office } from "./pacing";

export type AddresseeQueue = {
  id: string;
  name: string;
  office: Office;
  hourlyCap: number;
  dailyDigest: boolean;
  /** Messages still to go. */
  waiting: number;
  /** Of them, to an address paused for its bounces. */
  paused: number;
  /** Sent since the start of the addressee's day, in its zone. */
  sentToday: number;
  /** When the last waiting message should leave: its slot, or, for those without one yet, the cap and office hours from there. */
  emptyBy: Date | null;
};

/**
 * Each addressee's queue for staff, at `now`: what waits, what went out
 * today in its own day, and when its queue should be empty. The estimate
 * follows pacing: slots already handed out, then the hourly cap within office
 * hours for the rest (a campaign cap or a paused address may make it later).
 */
export async function addresseeQueues(
  now = new Date(),
  pacing = env().DELIVERY_PACING,
): Promise<{ paced: boolean; queues: AddresseeQueue[] }> {
  const rows = await addresseeQueueRows(now);
  const paced = pacing === "addressee";
  return {
    paced,
    queues: rows.map((row) => {
      const office = { timeZone: row.timeZone, hours: row.officeHours, days: row.officeDays };
      const gap = spacing(now, row.hourlyCap, office, 0, null);
      const unslotted = row.waiting - row.slotted;
      const lastSlot = row.lastSlotMs ?? 0;
      let emptyBy: Date | null = null;
      if (paced && row.waiting > 0)
        emptyBy =
          unslotted > 0
            ? queueEmptyAt(now, unslotted, office, gap, lastSlot ? lastSlot + gap : 0)
            : new Date(Math.max(lastSlot, now.getTime()));
      return {
        id: row.id,
        name: row.name,
        office,
        hourlyCap: row.hourlyCap,
        dailyDigest: row.deliveryMode === "daily_digest",
        waiting: row.waiting,
        paused: row.pausedAddresses,
        sentToday: row.sentToday,
        emptyBy,
      };
    }),
  };
}
