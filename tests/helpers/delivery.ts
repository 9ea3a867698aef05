// Shared steps for delivery tests: signatures confirmed for platform sending.
import { afterAll, beforeAll } from "vitest";
import { db } from "@/lib/core/db";
import { closeMailer } from "@/lib/delivery/mailer";
import { confirmSupporterEmail } from "@/lib/signatures/confirm-supporter-email";
import { confirmationToken } from "@/lib/signatures/confirmation-email";
import { recordSignature } from "@/lib/signatures/record-signature";
import type { SignatureSubmission } from "@/lib/letters/schema";
import { resetDatabase } from "./db";
import { submissionFor } from "./submissions";

// Unpaced unless a test says otherwise: office hours and caps are the pacing tests' business
// (they name the pacing when they start the drain), and these tests must not depend on the hour.
process.env.DELIVERY_PACING ??= "off";

type Campaign = { addressees: { addressee: { id: string } }[] };

/** Signs for platform sending and confirms the address: the letters are queued for delivery. */
export async function confirmedPlatformSignature(campaign: Campaign, overrides: Partial<SignatureSubmission> = {}) {
  const result = await recordSignature(
    "russia-amnesty-undesirable",
    submissionFor(campaign, {
      channel: "platform_email",
      consentIdentity: true,
      email: `s${Math.random().toString(36).slice(2)}@example.org`,
      ...overrides,
    }),
  );
  if (result.outcome !== "recorded") throw new Error(`expected a recorded signature, got ${result.outcome}`);
  const confirmed = await confirmSupporterEmail(confirmationToken(result.signatureId, new Date()));
  if (confirmed.outcome !== "confirmed") throw new Error(`confirmation failed: ${confirmed.outcome}`);
  return result.signatureId;
}

export async function messageIdsOf(signatureId: string): Promise<string[]> {
  const rows = await db().deliveryMessage.findMany({ where: { signatureId }, select: { id: true } });
  return rows.map((r) => r.id);
}

/** Makes the in-process SMTP server the app's mail server, unpaced, from the campaign's address. */
export async function useAsMailServer(sink: { start: () => Promise<unknown>; url: string }): Promise<void> {
  await sink.start();
  process.env.SMTP_URL = sink.url;
  process.env.MAIL_FROM_ADDRESS = "letters@campaigns.example";
  process.env.MAIL_FROM_NAME = "Letter campaigns";
  process.env.DELIVERY_PER_DOMAIN_PER_MINUTE = "10000";
}

/**
 * A test file's in-process mail server: started as SMTP_URL and the database
 * reset before its tests; the app's mail pool closed and the server stopped
 * after them. Call inside the describe.
 */
export function mailServerForThisFile(sink: {
  start: () => Promise<unknown>;
  stop: () => Promise<unknown>;
  url: string;
}) {
  beforeAll(async () => {
    await useAsMailServer(sink);
    await resetDatabase();
  });
  afterAll(async () => {
    closeMailer();
    await sink.stop();
  });
}
