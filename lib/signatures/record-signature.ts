import "server-only";
import { randomUUID } from "node:crypto";
import { env } from "@/lib/core/env";
import { channelFor, composeLetters, type ComposedLetter } from "@/lib/letters/compose-letters";
import { resolveAddressees, versionedLetterBuilder, type LetterBuilder } from "@/lib/letters/get-letter-builder";
import { formProblem, type SignatureSubmission } from "@/lib/letters/schema";
import { pausedAddressees } from "@/lib/letters/paused-addressees";
import { formMessages } from "@/lib/letters/form-messages";
import type { FieldProblems } from "@/lib/core/errors";
import type { LetterChannel } from "@/lib/core/vocabulary";
import { canonicalOrigin } from "@/lib/core/origins";
import { sealLinkOrigin } from "@/lib/privacy/email-links";
import { encryptOptional, encryptText } from "@/lib/privacy/encryption";
import { confirmationEmail, contactConfirmationMail } from "./confirmation-email";
import { confirmationAllowance } from "./rate-limits";
import {
  passSigningGate,
  signatureIdBySubmissionKey,
  writeSignature,
  type SignatureWrite,
  type SignatureWritten,
  type SigningGate,
} from "./data";

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
  /** With a gate (the signing use case): its proof of work was spent before. */
  | { outcome: "proof_failed" }
  /** With a gate: the client's allowance is used up. */
  | { outcome: "rate_limited"; retryAfterSeconds: number }
  /** `problems` to show; `fieldErrors` the same in English, for scripts and tests. */
  | { outcome: "invalid"; problems: FieldProblems; fieldErrors: Record<string, string[]> };

const day = 24 * 60 * 60 * 1000;

/**
 * Records a supporter's signature and the letters it produces, in one SQL
 * statement (data.ts writeSignature): the signature, the encrypted contact
 * (if any), one letter per addressee and channel, and either pending tally
 * rows (counted now) or, for platform sending, the address-confirmation
 * email (counted once confirmed). Everything is composed and encrypted here
 * first; the database is asked once.
 *
 * With a `gate` (the signing use case, sign-campaign.ts) the same statement
 * first spends the proof of work and a point of the client's allowance, and
 * writes only if both pass; a request that writes nothing (campaign closed,
 * fields this campaign cannot take, the honeypot) still spends them, as one
 * that writes does.
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
  gate?: SigningGate,
  /**
   * The origin the supporter's request came in on (canonical, onion or a
   * mirror): the emails' links start there. The canonical one by default.
   */
  linkOrigin?: string,
): Promise<RecordSignatureResult> {
  // A caller that has loaded the builder already (the letter form) passes it: loaded once per signature.
  if (typeof campaign !== "string") return (await recordWith({ builder: campaign, version: null }, false))!;
  const key = `${campaign}|${submission.language}`;
  for (let attempt = 0; ; attempt++) {
    const keptEntry = kept.get(key);
    const content = keptEntry ?? (await sharedBuilder(campaign, submission.language));
    const result = await recordWith(content, keptEntry !== undefined);
    if (result) return result;
    // The content moved since the builder was kept: nothing was written or spent; again with the new one.
    if (kept.get(key) === keptEntry) kept.delete(key);
    if (attempt === 3) throw new Error("The campaign's content kept changing while a signature was written.");
  }

  /**
   * The answer with this builder, or null when it may be out of date: a
   * refusal from a kept builder (checked against no version), or a write the
   * statement refused because the content's version has moved.
   */
  async function recordWith(
    { builder, version }: VersionedBuilder,
    unchecked: boolean,
  ): Promise<RecordSignatureResult | null> {
    /** An answer that writes nothing, once the gate (if any) has let the request through. */
    const unless = async (outcome: RecordSignatureResult) => {
      if (unchecked) return null;
      return gate ? (refusal(await passSigningGate(gate)) ?? outcome) : outcome;
    };
    if (!builder) return unless({ outcome: "campaign_not_found" });
    // Closed by an admin, or past the closing time they set (the status is not
    // flipped by a timer, so the time itself is checked here).
    if (builder.campaign.status !== "open") return unless({ outcome: "campaign_closed" });
    if (builder.campaign.closesAt && Date.parse(builder.campaign.closesAt) <= now.getTime())
      return unless({ outcome: "campaign_closed" });
    if (!builder.templateLanguages.includes(submission.language)) {
      return unless(invalid({ language: [formProblem("noTemplate")] }));
    }
    const { found, unknown } = resolveAddressees(builder, submission.addressees);
    if (unknown.length > 0) return unless(invalid({ addressees: [formProblem("addresseeNotInCampaign")] }));

    // Our server does not send to a paused address; the builder offers its fallback instead.
    if (submission.channel === "platform_email" && (await pausedAddressees(builder, found)).length > 0)
      return unless(invalid({ channel: [formProblem("addresseePaused")] }));

    const letters: RecordedLetter[] = composeLetters(found, submission, now, builder.template.variants).map(
      (letter) => ({
        ...letter,
        channel: channelFor(letter.addressee, submission.channel),
      }),
    );
    // What the answer says is waiting for confirmation: the same whatever
    // happens below (honeypot, an address emailed too often this hour). Letters
    // only: the contact confirmation (an address kept with "you may email me"
    // and no letters) is not part of it, so the answer reads the same whether
    // an address was kept or not; the consent's own text says that email comes.
    const confirmationQueued = letters.some((l) => l.channel === "platform_email");
    // The honeypot's answer needs no current content: it records nothing.
    if (submission.website) {
      const outcome: RecordSignatureResult = { outcome: "ignored", letters, builder, confirmationQueued };
      return gate ? (refusal(await passSigningGate(gate)) ?? outcome) : outcome;
    }

    const signatureId = randomUUID();
    const write = signatureWrite(signatureId, builder, submission, letters, now, emailLanguage, linkOrigin);
    const written = await writeSignature(gate ?? noGate, {
      ...write,
      content: version === null ? null : { slug: builder.campaign.slug, version },
    });
    if (!written.contentFresh) return null;
    if (written.signatureId) return { outcome: "recorded", signatureId, letters, builder, confirmationQueued };
    // This form was sent before (its submission key): found in the statement's
    // snapshot, or recorded by a twin committed while the statement waited on
    // the unique index, which only a fresh look finds. It is answered as the
    // duplicate it is even when its proof of work was spent, by that first
    // write: a supporter whose answer was lost on the way sends the same form,
    // proof included, again. (It writes nothing, so it needs no fresh proof.)
    const duplicate = (winner: string): RecordSignatureResult => ({
      outcome: "duplicate",
      signatureId: winner,
      letters,
      builder,
      confirmationQueued: false,
    });
    if (written.resubmittedId) return duplicate(written.resubmittedId);
    const refused = refusal(written);
    if (refused?.outcome === "proof_failed" && submission.submissionKey) {
      const twin = await findResubmitted(builder, submission);
      if (twin) return duplicate(twin);
    }
    if (refused) return refused;
    const winner = await findResubmitted(builder, submission);
    if (winner) return duplicate(winner);
    throw new Error("The signature was neither recorded nor found under its submission key.");
  }
}

type VersionedBuilder = { builder: LetterBuilder | null; version: string | null };

/**
 * The last builder loaded per campaign and letter language, with its content
 * version. A signature composes its letters with it and its SQL statement
 * writes only if the version is still the campaign's (data.ts
 * writeSignature), so no query reads the version first: that query (a round
 * trip and Prisma) was a tenth of a signature's CPU. A refusal is never
 * given from a kept builder without loading the current one.
 */
const kept = new Map<string, VersionedBuilder>();
const maxKept = 500;
const loading = new Map<string, Promise<VersionedBuilder>>();

/**
 * The builder loaded (or its version checked) once for every signature that
 * asks while a load is under way (single flight), then kept.
 */
function sharedBuilder(slug: string, language: string): Promise<VersionedBuilder> {
  const key = `${slug}|${language}`;
  let load = loading.get(key);
  if (!load) {
    load = versionedLetterBuilder(slug, language)
      .then((loaded) => {
        if (loaded.builder && loaded.version !== null) {
          if (!kept.has(key) && kept.size >= maxKept) kept.delete(kept.keys().next().value!);
          kept.set(key, loaded);
        }
        return loaded;
      })
      .finally(() => loading.delete(key));
    loading.set(key, load);
  }
  return load;
}

const noGate: SigningGate = { challengeId: null, challengeLifetimeSeconds: 0, client: null };

/** The gate's refusal, if it refused: a proof of work spent before, or the client's allowance used up. */
function refusal(written: SignatureWritten): RecordSignatureResult | null {
  if (!written.proofFresh) return { outcome: "proof_failed" };
  if (!written.allowed)
    return { outcome: "rate_limited", retryAfterSeconds: Math.max(1, Math.ceil(written.msBeforeNext / 1000)) };
  return null;
}

/**
 * Every row of a signature, composed and encrypted (each ciphertext bound
 * to its row, so every id is made first). The confirmation email is
 * prepared for every address that gets one, whether the statement then
 * files it or holds it (the address had its five this hour): the work does
 * not depend on the address, and whether to ask follows from the form
 * alone, never from what is stored.
 */
function signatureWrite(
  signatureId: string,
  builder: LetterBuilder,
  submission: SignatureSubmission,
  letters: RecordedLetter[],
  now: Date,
  emailLanguage: string | undefined,
  linkOrigin = canonicalOrigin().origin,
): SignatureWrite {
  const retentionMs = env().PERSONAL_DATA_RETENTION_DAYS * day;
  const campaignId = builder.campaignId;
  const platform = letters.filter((l) => l.channel === "platform_email");
  // Platform letters wait for the address to be confirmed, and so does the count.
  const countedNow = platform.length === 0;
  const confirms = addressUse(submission, platform.length);
  const purgeAfter = new Date(now.getTime() + retentionMs);
  // Follow-ups (reminder, thank-you, summary, update) speak it too: they read it from this first email.
  const spoken = emailLanguage ?? builder.language;
  const letterIds = letters.map(() => randomUUID());
  const contactAt = (column: "emailEncrypted" | "nameEncrypted" | "cityEncrypted") => ({
    table: "SupporterContact" as const,
    column,
    row: signatureId,
  });
  return {
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
    purgeAfter,
    contact: confirms
      ? {
          emailEncrypted: encryptOptional(submission.email, contactAt("emailEncrypted")),
          // Name and city sign the letters we send; an address kept only to write to its owner needs neither.
          nameEncrypted:
            confirms === "contact" || submission.identity === "anonymous"
              ? null
              : encryptOptional(submission.name, contactAt("nameEncrypted")),
          cityEncrypted:
            confirms === "letters" && submission.identity === "full"
              ? encryptOptional(submission.city, contactAt("cityEncrypted"))
              : null,
          // Where the later emails' links start (the worker makes them, away from this request).
          linkOriginEncrypted: sealLinkOrigin(linkOrigin, signatureId),
          consentContact: submission.consentContact,
          // A Reply-To exists only on letters our server sends.
          replyToSupporter: confirms === "letters" && submission.replyToMe,
          // Kept only until the signature counts, at confirmation (confirm-supporter-email.ts).
          keepSourceCode: !countedNow,
        }
      : null,
    // The partner link, matched whenever one is given; an unknown code changes nothing.
    sourceCode: submission.source ?? null,
    letters: letters.map((letter, index) => ({
      id: letterIds[index]!,
      addresseeId: letter.addressee.id,
      channel: letter.channel,
      status: letter.channel === "platform_email" ? "awaiting_confirmation" : "recorded",
      // "I have sent them myself already": sent as they say, counted as sent with the signature.
      reportedSentAt: letter.channel === "self_reported" ? now : null,
    })),
    platformLetters: letters.flatMap((letter, index) => {
      if (letter.channel !== "platform_email") return [];
      const row = letterIds[index]!;
      return [
        {
          letterId: row,
          subjectEncrypted: encryptText(letter.subject, { table: "PlatformLetter", column: "subjectEncrypted", row }),
          bodyEncrypted: encryptText(letter.text, { table: "PlatformLetter", column: "bodyEncrypted", row }),
        },
      ];
    }),
    tallies: {
      letterIds,
      sentLetterIds: letterIds.filter((_, index) => letters[index]!.channel === "self_reported"),
    },
    confirmation: confirms
      ? {
          ...confirmationAllowance(submission.email!),
          now,
          outbox: outboxRow(
            "address_confirmation",
            spoken,
            submission.email!,
            confirms === "letters"
              ? confirmationEmail({
                  signatureId,
                  builder,
                  language: spoken,
                  letters: platform,
                  replyToMe: submission.replyToMe,
                  now,
                  linkOrigin,
                })
              : contactConfirmationMail({ signatureId, builder, language: spoken, now, linkOrigin }),
          ),
        }
      : null,
  };
}

/** An email to the supporter as its outbox row, encrypted (as lib/delivery/queue-supporter-email.ts files one). */
function outboxRow(
  kind: "address_confirmation",
  language: string,
  to: string,
  email: { subject: string; text: string; html: string },
): NonNullable<SignatureWrite["confirmation"]>["outbox"] {
  // The id is made here: the ciphertexts are bound to their row.
  const row = randomUUID();
  const at = (column: "toEncrypted" | "textEncrypted" | "htmlEncrypted") => ({
    table: "OutboxMessage" as const,
    column,
    row,
  });
  return {
    id: row,
    kind,
    language,
    toEncrypted: encryptText(to, at("toEncrypted")),
    subject: email.subject.slice(0, 300),
    textEncrypted: encryptText(email.text, at("textEncrypted")),
    htmlEncrypted: encryptText(email.html, at("htmlEncrypted")),
  };
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
