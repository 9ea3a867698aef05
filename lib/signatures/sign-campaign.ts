import "server-only";
import { randomUUID } from "node:crypto";
import type { FieldProblems } from "@/lib/core/errors";
import type { LetterBuilder } from "@/lib/letters/get-letter-builder";
import { letterProblems, signatureSubmissionSchema, type SignatureSubmission } from "@/lib/letters/schema";
import { proofOfWorkLifetimeSeconds, provenChallenge } from "./proof-of-work";
import { clientAllowance } from "./rate-limits";
import { recordSignature, type RecordedLetter } from "./record-signature";

export type SignCampaignInput = {
  slug: string;
  /** The submitted fields, unchecked (a form read by formToObject, or a JSON body). */
  values: Record<string, unknown>;
  /** The client's address as lib/core/client-address.ts names it, for the rate limits. */
  client: string;
  /**
   * "required" for API clients, which can always run it; "optional" for the
   * letter form, whose browsers without JavaScript cannot, and get a
   * stricter per-client limit instead.
   */
  proofOfWork: "required" | "optional";
  /** The builder, when the caller has loaded it already (the form has, for its preview); else loaded here. */
  builder?: LetterBuilder;
  /**
   * The language the supporter reads (the form's interface language), for the
   * emails we write to them; the letter has its own. The API's default: the
   * letter's language.
   */
  emailLanguage?: string;
  /**
   * The origin the request came in on (`PublicOrigin.origin`): the
   * supporter's emails give their links there first. The canonical one when
   * not given.
   */
  linkOrigin?: string;
  now?: Date;
};

export type SignCampaignResult =
  /**
   * Recorded, or answered as if recorded: whatever the email address (new,
   * signed before, typed a hundred times this hour) and whether the honeypot
   * was filled (then the id is fresh and stored nowhere). `duplicate`: this
   * very form (its submission key) was sent before.
   */
  | {
      kind: "signed";
      signatureId: string;
      duplicate: boolean;
      submission: SignatureSubmission;
      letters: RecordedLetter[];
      builder: LetterBuilder;
      confirmationQueued: boolean;
    }
  /** The fields do not pass the schema; `malformed` when a field is unknown or of the wrong type. */
  | { kind: "invalid"; problems: FieldProblems; malformed: boolean }
  /** Valid fields this campaign cannot take (a language it has no letter in, an addressee not its own). */
  | { kind: "not_for_campaign"; problems: FieldProblems }
  | { kind: "proof_missing" }
  /** Invalid, expired or spent. */
  | { kind: "proof_failed" }
  | { kind: "rate_limited"; retryAfterSeconds: number }
  | { kind: "campaign_not_found" }
  | { kind: "campaign_closed" };

/**
 * Signing a campaign, for the letter form and the JSON API alike: check the
 * fields and the proof of work's solution, then spend the proof and the
 * client's allowance and record the signature and its letters, all in one
 * SQL statement (record-signature.ts, data.ts). Says what happened as a
 * result kind; each caller words it (present.ts).
 */
export async function signCampaign(input: SignCampaignInput): Promise<SignCampaignResult> {
  const parsed = signatureSubmissionSchema.safeParse(input.values);
  if (!parsed.success) {
    const malformed = parsed.error.issues.some((i) => i.code === "unrecognized_keys" || i.code === "invalid_type");
    return { kind: "invalid", problems: letterProblems(parsed.error), malformed };
  }
  // No seed made up here: the answer must not vary between two identical submissions.
  const submission = parsed.data;
  if (!submission.altcha && input.proofOfWork === "required") return { kind: "proof_missing" };
  const challengeId = submission.altcha ? await provenChallenge(submission.altcha) : null;
  if (submission.altcha && !challengeId) return { kind: "proof_failed" };

  const result = await recordSignature(
    input.builder ?? input.slug,
    submission,
    input.now,
    input.emailLanguage,
    {
      challengeId,
      challengeLifetimeSeconds: proofOfWorkLifetimeSeconds,
      client: clientAllowance({ client: input.client, provedWork: Boolean(submission.altcha) }),
    },
    input.linkOrigin,
  );
  switch (result.outcome) {
    case "campaign_not_found":
    case "campaign_closed":
    case "proof_failed":
      return { kind: result.outcome };
    case "rate_limited":
      return { kind: "rate_limited", retryAfterSeconds: result.retryAfterSeconds };
    case "invalid":
      return { kind: "not_for_campaign", problems: result.problems };
  }
  return {
    kind: "signed",
    // The honeypot gets an id like any other, stored nowhere.
    signatureId: result.outcome === "ignored" ? randomUUID() : result.signatureId,
    duplicate: result.outcome === "duplicate",
    submission,
    letters: result.letters,
    builder: result.builder,
    confirmationQueued: result.confirmationQueued,
  };
}
