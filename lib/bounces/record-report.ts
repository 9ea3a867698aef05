import "server-only";
import { env } from "@/lib/core/env";
import { backoff } from "@/lib/delivery/pacing";
import type { ReturnPathRef } from "@/lib/delivery/return-path";
import { queueDeliverySummaryIfDone } from "@/lib/delivery/supporter-follow-ups";
import { redactAddresses } from "@/lib/privacy/redact";
import {
  addToAddressHealth,
  deliveryMessageForBounce,
  digestAddress,
  recordComplaintOutcome,
  recordMessageOutcome,
  recordOutboxBounce,
} from "./data";
import { reportDetail, type MailReport } from "./read-report";

export type Recorded =
  | "bounced_hard"
  | "bounced_soft"
  | "complained"
  /** Nothing to record: a delay notice, a report we cannot read, a message that is gone, a repeat. */
  | "ignored";

/** The plain words kept with a pause (and shown to admins who read the database). */
function pauseReason(counts: { hardBounces: number; complaints: number }, detail: string): string {
  return counts.complaints > 0
    ? `The recipient reported our mail as spam (a complaint). Last report: ${detail}`
    : `${counts.hardBounces} letters to this address came back as undeliverable. Last report: ${detail}`;
}

async function addressHealth(
  address: string,
  report: MailReport & { kind: "bounce" | "complaint" },
  detail: string,
  now: Date,
) {
  return addToAddressHealth({
    address,
    hard: report.kind === "bounce" && report.permanent ? 1 : 0,
    soft: report.kind === "bounce" && !report.permanent ? 1 : 0,
    complaints: report.kind === "complaint" ? 1 : 0,
    detail,
    now,
    pauseAfter: env().BOUNCE_PAUSE_AFTER,
    reason: (counts) => pauseReason(counts, detail),
  });
}

/**
 * What a report that came back to a return path means, recorded:
 * - a hard bounce (5.x.x) ends a letter's message "failed" (outcome
 *   bounced_hard), its letters counted out of "confirmed sent", and counts
 *   against the address, which pauses after BOUNCE_PAUSE_AFTER of them;
 * - a soft bounce (4.x.x, the relay gave up for now) puts a sent message back
 *   to be tried again with back-off (after DELIVERY_MAX_ATTEMPTS it fails);
 * - a complaint (ARF) pauses the address at once; the letter did arrive;
 * - a supporter email's bounce marks that email failed (or queues it again),
 *   and nothing is kept about the supporter's address.
 */
export async function recordReport(ref: ReturnPathRef, report: MailReport, now = new Date()): Promise<Recorded> {
  if (report.kind === "other" || report.kind === "delay") return "ignored";
  const detail = report.kind === "bounce" ? reportDetail(report) : `complaint (${report.feedbackType})`.slice(0, 300);

  if (ref.kind === "outbox") {
    if (report.kind === "complaint") return "ignored";
    const reason = redactAddresses(`Bounced: ${detail}`);
    await recordOutboxBounce(ref.id, reason, report.permanent ? null : backoff(1, now));
    return report.permanent ? "bounced_hard" : "bounced_soft";
  }

  if (ref.kind === "digest") {
    const address = await digestAddress(ref.id);
    if (!address) return "ignored";
    await addressHealth(address, report, detail, now);
    return report.kind === "complaint" ? "complained" : report.permanent ? "bounced_hard" : "bounced_soft";
  }

  const message = await deliveryMessageForBounce(ref.id);
  if (!message) return "ignored";
  if (report.kind === "complaint") {
    const previous = await recordComplaintOutcome(message.id, detail, now);
    // A second copy of the same complaint counts once.
    if (previous !== "complained") await addressHealth(message.toAddress, report, detail, now);
    return "complained";
  }
  if (report.permanent) {
    const before = await recordMessageOutcome({
      id: message.id,
      outcome: "bounced_hard",
      detail,
      now,
      fromStatuses: ["sent", "queued", "deferred"],
      status: "failed",
      letterStatus: "failed",
      lastError: `Bounced: ${detail}`,
      runAt: null,
    });
    if (!before) return "ignored";
    if (before.previousOutcome !== "bounced_hard") await addressHealth(message.toAddress, report, detail, now);
    await queueDeliverySummaryIfDone(message.signatureId, now);
    return "bounced_hard";
  }
  // The relay gave up for now: tried again with back-off, as a 4xx in the conversation is.
  const givesUp = message.attempts >= env().DELIVERY_MAX_ATTEMPTS;
  await recordMessageOutcome({
    id: message.id,
    outcome: "bounced_soft",
    detail,
    now,
    fromStatuses: ["sent"],
    status: givesUp ? "failed" : "deferred",
    letterStatus: givesUp ? "failed" : "queued",
    lastError: givesUp
      ? `Gave up after ${message.attempts} attempts. Last bounce: ${detail}`
      : `Bounced for now: ${detail}`,
    runAt: givesUp ? null : backoff(message.attempts, now),
  });
  await addressHealth(message.toAddress, report, detail, now);
  if (givesUp) await queueDeliverySummaryIfDone(message.signatureId, now);
  return "bounced_soft";
}
