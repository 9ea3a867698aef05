import "server-only";
import { db } from "@/lib/core/db";
import { env } from "@/lib/core/env";
import { erasePersonalData } from "./erase-personal-data";

const batch = 1_000;

/**
 * Signatures whose personal data is due to go: PERSONAL_DATA_RETENTION_DAYS
 * after their campaign closed, or after their last letter was delivered (or
 * failed for good). With nothing to deliver, the clock starts at signing,
 * or when an unconfirmed confirmation link expired (72 hours).
 */
const dueSql = `
  SELECT s.id FROM "Signature" s
  JOIN "Campaign" c ON c.id = s."campaignId"
  WHERE (
      s."emailHash" IS NOT NULL
      OR EXISTS (SELECT 1 FROM "SupporterContact" sc WHERE sc."signatureId" = s.id)
      OR EXISTS (SELECT 1 FROM "Letter" l JOIN "PlatformLetter" p ON p."letterId" = l.id WHERE l."signatureId" = s.id)
      OR EXISTS (SELECT 1 FROM "OutboxMessage" o WHERE o."signatureId" = s.id)
    )
    AND (
      COALESCE(c."closedAt", CASE WHEN c."closesAt" <= $1 THEN c."closesAt" END) <= $1 - make_interval(days => $2)
      OR (
        NOT EXISTS (SELECT 1 FROM "DeliveryMessage" d WHERE d."signatureId" = s.id AND d.status IN ('queued', 'sending', 'deferred'))
        AND GREATEST(
          s."createdAt" + CASE WHEN EXISTS (SELECT 1 FROM "Letter" l WHERE l."signatureId" = s.id AND l.status = 'awaiting_confirmation')
                               THEN interval '72 hours' ELSE interval '0' END,
          COALESCE((SELECT max(COALESCE(d."sentAt", d."updatedAt")) FROM "DeliveryMessage" d WHERE d."signatureId" = s.id), s."createdAt"),
          COALESCE((SELECT max(COALESCE(o."sentAt", o."createdAt")) FROM "OutboxMessage" o WHERE o."signatureId" = s.id), s."createdAt")
        ) <= $1 - make_interval(days => $2)
      )
    )
  ORDER BY s."createdAt"
  LIMIT ${batch}`;

/** Erases the personal data that is due (counts stay); returns how many signatures it cleared. */
export async function purgePersonalData(now = new Date()): Promise<number> {
  const days = env().PERSONAL_DATA_RETENTION_DAYS;
  let purged = 0;
  for (;;) {
    const due = await db().$queryRawUnsafe<{ id: string }[]>(dueSql, now, days);
    if (due.length === 0) break;
    await db().$transaction((tx) =>
      erasePersonalData(
        tx,
        due.map((d) => d.id),
        `personal data purged after ${days} days.`,
      ),
    );
    purged += due.length;
    if (due.length < batch) break;
  }
  return purged;
}
