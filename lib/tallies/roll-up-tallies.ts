import "server-only";
import { db } from "@/lib/core/db";
import { rollUpSql } from "./tally-sql";

const batchSize = 50_000;

/**
 * Adds pending signatures and letters to the campaign tallies until none are
 * left. Runs on a timer (lib/tallies/tally-timer.ts); safe to run from
 * several processes at once. Returns how many pending rows it moved.
 */
export async function rollUpTallies(): Promise<number> {
  let total = 0;
  for (;;) {
    const [result] = await db().$queryRawUnsafe<{ moved: number }[]>(rollUpSql, batchSize);
    const moved = result?.moved ?? 0;
    total += moved;
    if (moved < batchSize) return total;
  }
}
