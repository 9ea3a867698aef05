import "server-only";
// A signing result shown two ways: as the letter form's state, in the
// supporter's language, and as the JSON API's answer, in English. The texts
// are in messages/*.json ("formErrors", "apiErrors"); HTTP statuses are
// lib/http/json.ts's, from the error codes.
import type { ApiError } from "@/lib/core/errors";
import { canonicalOrigin } from "@/lib/core/origins";
import { apiMessage, formMessage, formMessages, type ApiMessageKey } from "@/lib/letters/form-messages";
import { letterOutputs } from "@/lib/letters/letter-outputs";
import { sentReportToken } from "@/lib/letters/report-letters-sent";
import type { FormErrorCode } from "@/lib/letters/schema";
import type { LetterFormState } from "./letter-form-state";
import type { SignatureAnswer } from "./schema";
import type { SignCampaignResult } from "./sign-campaign";

type Signed = Extract<SignCampaignResult, { kind: "signed" }>;

/** The letter form's answer to a signing, in the supporter's language. */
export function signingFormState(
  result: SignCampaignResult,
  form: { values: Record<string, unknown>; version: number; locale: string; signatures?: number },
): LetterFormState {
  const { values, version, locale } = form;
  const say = (key: FormErrorCode, sayValues?: Record<string, number>) =>
    formMessage({ code: key, values: sayValues }, locale);
  switch (result.kind) {
    case "invalid":
    case "not_for_campaign":
      return { values, version, fieldErrors: formMessages(result.problems, locale), message: say("fields") };
    case "proof_missing":
    case "proof_failed":
      return { values, version, message: say("proofFailed") };
    case "rate_limited":
      return { values, version, message: say("tooMany", { minutes: Math.ceil(result.retryAfterSeconds / 60) }) };
    case "campaign_not_found":
      return { values, version, message: say("campaignGone") };
    case "campaign_closed":
      return { values, version, message: say("campaignClosed") };
    case "signed":
      return { values, version, thankYou: thankYouOf(result, form.signatures ?? 0) };
  }
}

function thankYouOf(result: Signed, signatures: number): NonNullable<LetterFormState["thankYou"]> {
  const data = result.submission;
  return {
    outcome: result.duplicate ? "duplicate" : "recorded",
    channel: data.channel,
    confirmationQueued: result.confirmationQueued,
    signatures,
    outputs: letterOutputs(result.letters, data, result.builder.template.xPost),
    content: {
      addressees: data.addressees,
      language: data.language,
      subject: data.subject,
      body: data.body,
      ...(data.personal ? { personal: data.personal } : {}),
      ...(data.seed ? { seed: data.seed } : {}),
      identity: data.identity,
      country: data.country,
      ...(data.name ? { name: data.name } : {}),
      ...(data.city ? { city: data.city } : {}),
    },
    emailAddressees: result.letters.filter((l) => l.addressee.emails.length > 0).length,
    sentReportToken: sentReportToken(result.signatureId),
  };
}

export type SignatureApiAnswer = { error: ApiError } | { duplicate: boolean; body: SignatureAnswer };

/**
 * POST /api/campaigns/{slug}/signatures: the signature id, what was queued
 * and the letters, with the links for the other channels only when asked
 * (`?include=links`: some 20 KB for seven addressees, which most clients,
 * and the form, never read); or an error with its code. The same whatever
 * the address (schema.ts describes it).
 */
export function signatureApiAnswer(
  result: SignCampaignResult,
  slug: string,
  // `origin`: the one the client called (the download links stay on it); the canonical one if not given.
  options: { links?: boolean; origin?: string } = {},
): SignatureApiAnswer {
  switch (result.kind) {
    case "invalid":
      return {
        error: {
          code: result.malformed ? "bad_request" : "invalid",
          message: apiMessage("fieldsMalformed"),
          fields: formMessages(result.problems, "en"),
        },
      };
    case "not_for_campaign":
      return {
        error: { code: "invalid", message: apiMessage("fieldsInvalid"), fields: formMessages(result.problems, "en") },
      };
    case "proof_missing":
      return { error: proofRefusal("proofRequired", "proofRequiredField") };
    case "proof_failed":
      return { error: proofRefusal("proofInvalid", "proofInvalidField") };
    case "rate_limited":
      return {
        error: {
          code: "rate_limited",
          message: apiMessage("rateLimited", { minutes: Math.ceil(result.retryAfterSeconds / 60) }),
          retryAfterSeconds: result.retryAfterSeconds,
        },
      };
    case "campaign_not_found":
      return { error: { code: "not_found", message: apiMessage("campaignNotFound", { slug }) } };
    case "campaign_closed":
      return { error: { code: "closed", message: apiMessage("campaignClosed") } };
    case "signed":
      return {
        duplicate: result.duplicate,
        body: signedBody(result, slug, options.links ? (options.origin ?? canonicalOrigin().origin) : null),
      };
  }
}

/** A signature without a (valid) proof of work: 422 naming `altcha`. */
function proofRefusal(message: ApiMessageKey, field: ApiMessageKey): ApiError {
  return { code: "invalid", message: apiMessage(message), fields: { altcha: [apiMessage(field)] } };
}

/** `linksOrigin`: the request's origin when the links were asked for, else null. */
function signedBody(result: Signed, slug: string, linksOrigin: string | null): SignatureAnswer {
  const answer: SignatureAnswer = {
    signatureId: result.signatureId,
    duplicate: result.duplicate,
    queued: {
      platformEmails: result.letters.filter((l) => l.channel === "platform_email").length,
      awaitingConfirmation: result.confirmationQueued,
    },
    letters: result.letters.map((l) => ({ addresseeId: l.addressee.id, name: l.addressee.name, channel: l.channel })),
  };
  return linksOrigin ? { ...answer, links: signedLinks(result, slug, linksOrigin) } : answer;
}

/** The ready-made links for the other channels (letter-outputs.ts, as the thank-you view shows them). */
function signedLinks(result: Signed, slug: string, origin: string): NonNullable<SignatureAnswer["links"]> {
  const outputs = letterOutputs(result.letters, result.submission, result.builder.template.xPost);
  // On the origin the client called: an onion client stays on the onion.
  const base = `${origin}/c/${slug}/letters`;
  return {
    mailto: outputs.mailtoAll,
    mailtoByAddressee: Object.fromEntries(
      outputs.addressees.flatMap((a) => (a.mailto ? [[a.addresseeId, a.mailto]] : [])),
    ),
    x: outputs.addressees
      .filter((a) => a.xPost)
      .map((a) => ({ addresseeId: a.addresseeId, handle: a.xHandle, text: a.xPost!.text, url: a.xPost!.url })),
    pdf: {
      method: "POST",
      url: `${base}/pdf`,
      note: "POST the letter fields (addressees, language, subject, body, identity, name, city, country, paper) as JSON",
    },
    eml: { method: "POST", url: `${base}/eml`, note: "POST the same fields as for the PDF" },
  };
}
