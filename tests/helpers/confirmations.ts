// Signing at a set time with the confirmation email really sent through the
// test's SMTP server, and sending the reminders the worker filed: shared by
// the reminder tests.
import { expect } from "vitest";
import { db } from "@/lib/core/db";
import { sendSupporterEmail } from "@/lib/delivery/send-supporter-email";
import type { SignatureSubmission } from "@/lib/letters/schema";
import { recordSignature } from "@/lib/signatures/record-signature";
import { submissionFor } from "./submissions";

/** Signs at `signedAt`; the confirmation email is sent unless `send` is false. Returns the signature's id. */
export async function signWithConfirmation(
  campaign: { slug: string; addressees: { addressee: { id: string } }[] },
  overrides: Partial<SignatureSubmission>,
  signedAt: Date,
  send = true,
): Promise<string> {
  const result = await recordSignature(campaign.slug, submissionFor(campaign, overrides), signedAt);
  if (result.outcome !== "recorded") throw new Error(result.outcome);
  if (send) {
    const confirmation = await db().outboxMessage.findFirstOrThrow({
      where: { signatureId: result.signatureId, kind: "address_confirmation" },
    });
    expect(await sendSupporterEmail(confirmation.id)).toBe("sent");
  }
  return result.signatureId;
}

/** Sends every reminder the worker has filed and not sent. */
export async function sendQueuedReminders(): Promise<void> {
  const queued = await db().outboxMessage.findMany({ where: { kind: "confirmation_reminder", status: "queued" } });
  for (const message of queued) expect(await sendSupporterEmail(message.id)).toBe("sent");
}
