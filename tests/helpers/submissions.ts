// Signature submissions for tests, as the letter form would send them.
import type { SignatureSubmission } from "@/lib/letters/schema";

export function submissionFor(
  campaign: { addressees: { addressee: { id: string } }[] },
  overrides: Partial<SignatureSubmission> = {},
): SignatureSubmission {
  return {
    addressees: campaign.addressees.map((a) => a.addressee.id),
    language: "en",
    subject: "Remove Amnesty International from the list",
    body: "{{salutation}}\n\nPlease act.\n\n{{signer}}",
    identity: "anonymous",
    country: "DE",
    channel: "pdf_print",
    replyToMe: false,
    consentIdentity: false,
    consentCounted: true,
    consentContact: false,
    ...overrides,
  };
}

/** The same submission for callers that hold only the addressees' ids (benchmarks, tests against a running app). */
export function submissionForIds(
  addresseeIds: string[],
  overrides: Partial<SignatureSubmission> = {},
): SignatureSubmission {
  return submissionFor({ addressees: addresseeIds.map((id) => ({ addressee: { id } })) }, overrides);
}
