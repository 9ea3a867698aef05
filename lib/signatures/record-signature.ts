import "server-only";
import { randomUUID } from "node:crypto";
import { queueSupporterEmail } from "@/lib/delivery/queue-supporter-email";
import { env } from "@/lib/core/env";
import { channelFor, composeLetters, type ComposedLetter } from "@/lib/letters/compose-letters";
import { getLetterBuilder, resolveAddressees, type LetterBuilder } from "@/lib/letters/get-letter-builder";
import { formProblem, type SignatureSubmission } from "@/lib/letters/schema";
import { formMessages } from "@/lib/letters/form-messages";
import type { FieldProblems } from "@/lib/core/errors";
import type { LetterChannel } from "@/lib/core/vocabulary";
import { encryptOptional, encryptText } from "@/lib/privacy/encryption";
import { confirmationEmail, contactConfirmationMail } from "./confirmation-email";
import { mayEmailConfirmation } from "./rate-limits";
import {
  inTransaction,
  insertSignatureRows,
  isUniqueViolation,
  knownSourceCode,
  signatureIdBySubmissionKey,
  type SignatureRows,
} from "./data";
import { holdConfirmation } from "./held-confirmations";

export type RecordedLetter = ComposedLetter & { channel: LetterChannel };

export type RecordSignatureResult =
  /** "duplicate": this very form (its submission key) was sent before. */
  | {
      outcome: "recorded" | "duplicate";
      signatureId: string;
      letters: RecordedLetter[];
      builder: LetterBuilder;
      confirmationQueued: boolean;
    }
  /** The honeypot was filled: answer as if recorded, record nothing. */
  | { outcome: "ignored"; letters: RecordedLetter[]; builder: LetterBuilder; confirmationQueued: boolean }
  | { outcome: "campaign_not_found" }
  | { outcome: "campaign_closed" }
  /** `problems` to show; `fieldErrors` the same in English, for scripts and tests. */
  | { outcome: "invalid"; problems: FieldProblems; fieldErrors: Record<string, string[]> };

const day = 24 * 60 * 60 * 1000;

/**
 * Records a supporter's signature and the letters it produces, in one
 * transaction: the signature, the encrypted contact (if any), one letter per
 * addressee and channel, and either pending tally rows (counted now) or, for
 * platform sending, the address-confirmation email (counted once confirmed).
 *
 * The address is kept only where something needs it: platform letters (to
 * confirm it and send in the supporter's name), or "the organisers may email
 * me" (`consentContact`), whose address is confirmed like any other before
 * anyone writes to it (double opt-in): a contact confirmation email that
 * sends and counts nothing, since the signature counts at once. Given
 * without either, the address (and the name and city that would go with it)
 * is not stored at all; "replies reach me" means nothing without platform
 * letters (replies to letters the supporter sends go to their own mailbox).
 * The answer is the same either way: it never says what was stored.
 *
 * The email address is never looked up here: whether an address has signed
 * before must not change the answer, the work done or its timing, or a state
 * holding a list of addresses could test each one. Only its owner, clicking
 * the confirmation link, learns that (confirm-supporter-email.ts), and only
 * a confirmed address blocks a second counted signature. A resubmitted form
 * (same submission key, a secret of that one form) is recognised.
 */
export async function recordSignature(
  campaign: string | LetterBuilder,
  submission: SignatureSubmission,
  now = new Date(),
  /** The language of the emails to the supporter (their interface's); the letter's by default. */
  emailLanguage?: string,
): Promise<RecordSignatureResult> {
  // A caller that has loaded the builder already (the signing use case) passes it: loaded once per signature.
  const builder = typeof campaign === "string" ? await getLetterBuilder(campaign, submission.language) : campaign;
  if (!builder) return { outcome: "campaign_not_found" };
  // Closed by an admin, or past the closing time they set (the status is not
  // flipped by a timer, so the time itself is checked here).
  if (builder.campaign.status !== "open") return { outcome: "campaign_closed" };
  if (builder.campaign.closesAt && Date.parse(builder.campaign.closesAt) <= now.getTime())
    return { outcome: "campaign_closed" };
  if (!builder.templateLanguages.includes(submission.language)) {
    return invalid({ language: [formProblem("noTemplate")] });
  }
  const { found, unknown } = resolveAddressees(builder, submission.addressees);
  if (unknown.length > 0) return invalid({ addressees: [formProblem("addresseeNotInCampaign")] });

  const letters: RecordedLetter[] = composeLetters(found, submission, now).map((letter) => ({
    ...letter,
    channel: channelFor(letter.addressee, submission.channel),
  }));
  // What the answer says is waiting for confirmation: the same whatever
  // happens below (honeypot, an address emailed too often this hour). Letters
  // only: the contact confirmation (an address kept with "you may email me"
  // and no letters) is not part of it, so the answer reads the same whether
  // an address was kept or not; the consent's own text says that email comes.
  const confirmationQueued = letters.some((l) => l.channel === "platform_email");
  if (submission.website) return { outcome: "ignored", letters, builder, confirmationQueued };

  // A look-up first, though the unique index would refuse a second
  // signature anyway: a burst of resubmissions then costs one query each,
  // not a transaction rolled back on the index, holding a connection.
  const existing = await findResubmitted(builder, submission);
  if (existing) return { outcome: "duplicate", signatureId: existing, letters, builder, confirmationQueued: false };

  const signatureId = randomUUID();
  const retentionMs = env().PERSONAL_DATA_RETENTION_DAYS * day;
  const campaignId = builder.campaignId;
  const platform = letters.filter((l) => l.channel === "platform_email");
  // Platform letters wait for the address to be confirmed, and so does the count.
  const countedNow = platform.length === 0;
  const confirms = addressUse(submission, platform.length);
  // Held when the address has had its share of confirmation emails this
  // hour (rate-limits.ts): the submission is kept and answered alike, and
  // listed in one email when the hour ends. Asked for every address that
  // gets one, and only then: an address typed without a use costs its owner
  // none of their allowance. Whether to ask follows from the form alone,
  // never from what is stored.
  const confirmation = confirms ? await mayEmailConfirmation(submission.email!, now) : ({ allowed: true } as const);

  // The partner link, looked up whenever one is given; an unknown code changes nothing.
  const source = submission.source ? await knownSourceCode(campaignId, submission.source) : null;

  const purgeAfter = new Date(now.getTime() + retentionMs);
  // Follow-ups (reminder, thank-you, summary, update) speak it too: they read it from this first email.
  const spoken = emailLanguage ?? builder.language;
  const letterIds = letters.map(() => randomUUID());
  const rows: SignatureRows = {
    signature: {
      id: signatureId,
      campaignId,
      language: submission.language,
      identityLevel: submission.identity,
      country: submission.country,
      consentCounted: submission.consentCounted,
      countedAt: countedNow ? now : null,
      submissionKey: submission.submissionKey ?? null,
      createdAt: now,
    },
    contact: confirms
      ? {
          signatureId,
          emailEncrypted: encryptOptional(submission.email, {
            table: "SupporterContact",
            column: "emailEncrypted",
            row: signatureId,
          }),
          // Name and city sign the letters we send; an address kept only to write to its owner needs neither.
          nameEncrypted:
            confirms === "contact" || submission.identity === "anonymous"
              ? null
              : encryptOptional(submission.name, {
                  table: "SupporterContact",
                  column: "nameEncrypted",
                  row: signatureId,
                }),
          cityEncrypted:
            confirms === "letters" && submission.identity === "full"
              ? encryptOptional(submission.city, {
                  table: "SupporterContact",
                  column: "cityEncrypted",
                  row: signatureId,
                })
              : null,
          consentContact: submission.consentContact,
          // A Reply-To exists only on letters our server sends.
          replyToSupporter: confirms === "letters" && submission.replyToMe,
          // Kept only until the signature counts, at confirmation (confirm-supporter-email.ts).
          sourceCode: countedNow ? null : source,
          purgeAfter,
        }
      : null,
    letters: letters.map((letter, index) => ({
      id: letterIds[index]!,
      signatureId,
      campaignId,
      addresseeId: letter.addressee.id,
      channel: letter.channel,
      language: submission.language,
      status: letter.channel === "platform_email" ? "awaiting_confirmation" : "recorded",
      // "I have sent them myself already": sent as they say, counted as sent with the signature.
      reportedSentAt: letter.channel === "self_reported" ? now : null,
      createdAt: now,
    })),
    platformLetters: letters.flatMap((letter, index) =>
      letter.channel === "platform_email"
        ? [
            {
              letterId: letterIds[index]!,
              subjectEncrypted: encryptText(letter.subject, {
                table: "PlatformLetter",
                column: "subjectEncrypted",
                row: letterIds[index]!,
              }),
              bodyEncrypted: encryptText(letter.text, {
                table: "PlatformLetter",
                column: "bodyEncrypted",
                row: letterIds[index]!,
              }),
              purgeAfter,
            },
          ]
        : [],
    ),
    pendingTallies: countedNow
      ? pendingTallyRows(
          campaignId,
          signatureId,
          letterIds,
          letterIds.filter((_, index) => letters[index]!.channel === "self_reported"),
        )
      : [],
    sourceCounted: countedNow ? source : null,
  };

  try {
    await inTransaction(async (tx) => {
      await insertSignatureRows(tx, rows);
      if (!confirms) return;
      if (confirmation.allowed) {
        await queueSupporterEmail(tx, {
          signatureId,
          kind: "address_confirmation",
          language: spoken,
          to: submission.email!,
          email:
            confirms === "letters"
              ? confirmationEmail({
                  signatureId,
                  builder,
                  language: spoken,
                  letters: platform,
                  replyToMe: submission.replyToMe,
                  now,
                })
              : contactConfirmationMail({ signatureId, builder, language: spoken, now }),
          purgeAfter,
        });
      } else {
        await holdConfirmation(tx, signatureId, confirmation);
      }
    });
  } catch (error) {
    // The same form sent twice at once: the unique index let exactly one in.
    if (isUniqueViolation(error)) {
      const winner = await findResubmitted(builder, submission);
      if (winner) return { outcome: "duplicate", signatureId: winner, letters, builder, confirmationQueued: false };
    }
    throw error;
  }
  return { outcome: "recorded", signatureId, letters, builder, confirmationQueued };
}

/**
 * What the email address is kept (and confirmed) for: sending platform
 * letters, or letting the organisers write to the supporter about this
 * appeal; null when nothing needs it, and then it is not kept.
 */
function addressUse(submission: SignatureSubmission, platformLetters: number): "letters" | "contact" | null {
  if (!submission.email) return null;
  if (platformLetters > 0) return "letters";
  return submission.consentContact ? "contact" : null;
}

function invalid(problems: FieldProblems): RecordSignatureResult {
  return { outcome: "invalid", problems, fieldErrors: formMessages(problems, "en") };
}

/**
 * The rows that put a signature and its letters into the totals at the next
 * roll-up: the signature, each letter prepared, and each of them already sent
 * (said sent by the supporter).
 */
export function pendingTallyRows(
  campaignId: string,
  signatureId: string,
  letterIds: string[],
  sentLetterIds: string[] = [],
) {
  return [
    { campaignId, signatureId, letterId: null, sentLetterId: null },
    ...letterIds.map((letterId) => ({ campaignId, signatureId: null, letterId, sentLetterId: null })),
    ...sentLetterIds.map((sentLetterId) => ({ campaignId, signatureId: null, letterId: null, sentLetterId })),
  ];
}

async function findResubmitted(builder: LetterBuilder, submission: SignatureSubmission): Promise<string | null> {
  return submission.submissionKey ? signatureIdBySubmissionKey(builder.campaign.slug, submission.submissionKey) : null;
}
