import "server-only";
import { rollUpBatch } from "./data";

const batchSize = 50_000;

/**
 * Adds pending signatures, letters and status-count deltas (delivery
 * messages and supporter emails, written by triggers) to the campaign
 * tallies until none are left. Runs on a timer (lib/tallies/tally-timer.ts); safe to run from
 * several processes at once. Returns how many pending rows it moved.
 */
export async function rollUpTallies(): Promise<number> {
  let total = 0;
  for (;;) {
    const moved = await rollUpBatch(batchSize);
    total += moved;
    if (moved < batchSize) return total;
  }
}
