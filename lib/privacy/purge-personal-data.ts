import "server-only";
import { env } from "@/lib/core/env";
import { erasePersonalDataNow, signaturesDueForPurge } from "./data";

// Personal data goes PERSONAL_DATA_RETENTION_DAYS after the campaign closed or
// the last letter was delivered (lib/privacy/data.ts, signaturesDueForPurge).
const batch = 1_000;

/** Erases the personal data that is due (counts stay); returns how many signatures it cleared. */
export async function purgePersonalData(now = new Date()): Promise<number> {
  const days = env().PERSONAL_DATA_RETENTION_DAYS;
  let purged = 0;
  for (;;) {
    const due = await signaturesDueForPurge(now, days, batch);
    if (due.length === 0) break;
    await erasePersonalDataNow(due, `personal data purged after ${days} days.`);
    purged += due.length;
    if (due.length < batch) break;
  }
  return purged;
}
