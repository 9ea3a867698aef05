import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import { queueSupporterEmail } from "@/lib/delivery/queue-supporter-email";
import { env } from "@/lib/env";
import { channelFor, composeLetters, type ComposedLetter } from "@/lib/letters/compose-letters";
import { getLetterBuilder, resolveAddressees, type LetterBuilder } from "@/lib/letters/get-letter-builder";
import type { SignatureSubmission } from "@/lib/letters/schema";
import { emailHash, encryptOptional, encryptText } from "@/lib/privacy/encryption";
import { confirmationEmail } from "./confirmation-email";

export type RecordedLetter = ComposedLetter & { channel: "platform_email" | "own_email_client" | "pdf_print" | "x_post" | "self_reported" };

export type RecordSignatureResult =
  | { outcome: "recorded" | "duplicate"; signatureId: string; letters: RecordedLetter[]; builder: LetterBuilder; confirmationQueued: boolean }
  /** The honeypot was filled: answer as if recorded, record nothing. */
  | { outcome: "ignored"; letters: RecordedLetter[]; builder: LetterBuilder }
  | { outcome: "campaign_not_found" }
  | { outcome: "campaign_closed" }
  | { outcome: "invalid"; fieldErrors: Record<string, string[]> };

const day = 24 * 60 * 60 * 1000;

/**
 * Records a supporter's signature and the letters it produces, in one
 * transaction: the signature, the encrypted contact (if any), one letter per
 * addressee and channel, pending tally rows, and for platform sending the
 * address-confirmation email. A second signature with the same email, or a
 * resubmitted form, is recognised and not counted again.
 */
export async function recordSignature(slug: string, submission: SignatureSubmission, now = new Date()): Promise<RecordSignatureResult> {
  const builder = await getLetterBuilder(slug, submission.language);
  if (!builder) return { outcome: "campaign_not_found" };
  // Closed by an admin, or past the closing time they set (the status is not
  // flipped by a timer, so the time itself is checked here).
  if (builder.campaign.status !== "open") return { outcome: "campaign_closed" };
  if (builder.campaign.closesAt && Date.parse(builder.campaign.closesAt) <= now.getTime()) return { outcome: "campaign_closed" };
  if (!builder.templateLanguages.includes(submission.language)) {
    return { outcome: "invalid", fieldErrors: { language: ["This campaign has no letter in that language."] } };
  }
  const { found, unknown } = resolveAddressees(builder, submission.addressees);
  if (unknown.length > 0) {
    return { outcome: "invalid", fieldErrors: { addressees: ["An addressee you chose is not part of this campaign. Reload the page and choose again."] } };
  }

  const letters: RecordedLetter[] = composeLetters(found, submission, now).map((letter) => ({
    ...letter,
    channel: channelFor(letter.addressee, submission.channel),
  }));
  if (submission.website) return { outcome: "ignored", letters, builder };

  // A look-up first, though the unique indexes would refuse a second
  // signature anyway: a burst of resubmissions then costs one query each,
  // not a transaction rolled back on the index, holding a connection.
  const existing = await findExisting(builder, submission);
  if (existing) return { outcome: "duplicate", signatureId: existing, letters, builder, confirmationQueued: false };

  const signatureId = randomUUID();
  const retentionMs = env().PERSONAL_DATA_RETENTION_DAYS * day;
  const campaignId = builder.campaignId;
  const platform = letters.filter((l) => l.channel === "platform_email");
  const hasContact = Boolean(submission.email);

  try {
    await db().$transaction(async (tx) => {
      await tx.signature.create({
        data: {
          id: signatureId,
          campaignId,
          language: submission.language,
          identityLevel: submission.identity,
          country: submission.country,
          consentCounted: submission.consentCounted,
          emailHash: submission.email ? emailHash(submission.email) : null,
          submissionKey: submission.submissionKey ?? null,
          createdAt: now,
        },
      });
      if (hasContact) {
        await tx.supporterContact.create({
          data: {
            signatureId,
            emailEncrypted: encryptOptional(submission.email),
            nameEncrypted: submission.identity === "anonymous" ? null : encryptOptional(submission.name),
            cityEncrypted: submission.identity === "full" ? encryptOptional(submission.city) : null,
            consentContact: submission.consentContact,
            replyToSupporter: submission.replyToMe,
            purgeAfter: new Date(now.getTime() + retentionMs),
          },
        });
      }
      const letterIds = letters.map(() => randomUUID());
      await tx.letter.createMany({
        data: letters.map((letter, index) => ({
          id: letterIds[index]!,
          signatureId,
          campaignId,
          addresseeId: letter.addressee.id,
          channel: letter.channel,
          language: submission.language,
          status: letter.channel === "platform_email" ? "awaiting_confirmation" : "recorded",
          createdAt: now,
        })),
      });
      if (platform.length > 0) {
        await tx.platformLetter.createMany({
          data: letters.flatMap((letter, index) =>
            letter.channel === "platform_email"
              ? [{ letterId: letterIds[index]!, subjectEncrypted: encryptText(letter.subject), bodyEncrypted: encryptText(letter.text), purgeAfter: new Date(now.getTime() + retentionMs) }]
              : [],
          ),
        });
        await queueSupporterEmail(tx, {
          signatureId,
          kind: "address_confirmation",
          language: builder.language,
          to: submission.email!,
          email: confirmationEmail({ signatureId, builder, letters: platform, now }),
          purgeAfter: new Date(now.getTime() + retentionMs),
        });
      }
      await tx.pendingTally.createMany({
        data: [
          { campaignId, signatureId, letterId: null },
          ...letterIds.map((letterId) => ({ campaignId, signatureId: null, letterId })),
        ],
      });
    });
  } catch (error) {
    // Two submissions with one email (or one form) raced: the unique index
    // let exactly one in. The other is the duplicate it is.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const winner = await findExisting(builder, submission);
      if (winner) return { outcome: "duplicate", signatureId: winner, letters, builder, confirmationQueued: false };
    }
    throw error;
  }
  return { outcome: "recorded", signatureId, letters, builder, confirmationQueued: platform.length > 0 };
}

async function findExisting(builder: LetterBuilder, submission: SignatureSubmission): Promise<string | null> {
  const or: Prisma.SignatureWhereInput[] = [];
  if (submission.submissionKey) or.push({ submissionKey: submission.submissionKey });
  if (submission.email) or.push({ emailHash: emailHash(submission.email) });
  if (or.length === 0) return null;
  const found = await db().signature.findFirst({
    where: { campaign: { slug: builder.campaign.slug }, OR: or },
    select: { id: true },
  });
  return found?.id ?? null;
}
