import "server-only";
import { env } from "@/lib/core/env";
import { erasePersonalDataNow, signaturesDueForPurge } from "./data";

// Personal data goes PERSONAL_DATA_RETENTION_DAYS after the campaign closed or
// the last letter was delivered (lib/privacy/data.ts, signaturesDueForPurge);
// the contact of a supporter who agreed to be contacted and confirmed their
// address stays, encrypted, until that long after their outcome update was
// sent or the campaign closed, and at most a year after signing.
const batch = 1_000;

/** Erases the personal data that is due (counts stay); returns how many signatures it cleared. */
export async function purgePersonalData(now = new Date()): Promise<number> {
  const days = env().PERSONAL_DATA_RETENTION_DAYS;
  let purged = 0;
  for (const which of ["everything", "all_but_contact"] as const) {
    for (;;) {
      const due = await signaturesDueForPurge(now, days, batch, which);
      if (due.length === 0) break;
      await erasePersonalDataNow(due, `personal data purged after ${days} days.`, {
        keepContact: which === "all_but_contact",
      });
      purged += due.length;
      if (due.length < batch) break;
    }
  }
  return purged;
}
