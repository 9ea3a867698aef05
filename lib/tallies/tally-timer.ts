import "server-only";
import { env } from "@/lib/core/env";
import { rollUpTallies } from "./roll-up-tallies";

let started = false;

/**
 * Rolls up new signatures every TALLY_INTERVAL_SECONDS in this process: in
 * web processes while TALLY_IN_WEB_PROCESS is true (the default), else in the
 * delivery workers. Totals are exact without it (they add what is pending);
 * the roll-up only keeps the pending set small so reading totals stays
 * cheap. Several processes may run it at once (rollUpTallies is safe so).
 */
export function startTallyTimer(where: "web" | "worker" = "web"): void {
  const settings = env();
  if (started || settings.TALLY_IN_WEB_PROCESS !== (where === "web")) return;
  started = true;
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await rollUpTallies();
    } catch (error) {
      // A database restart makes a round fail; the next round catches up.
      console.warn("tally roll-up failed, will retry:", error instanceof Error ? error.message : error);
    } finally {
      running = false;
    }
  }, settings.TALLY_INTERVAL_SECONDS * 1000);
  timer.unref();
}
