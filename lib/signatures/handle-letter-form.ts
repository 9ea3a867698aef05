import "server-only";
import { composeLetters } from "@/lib/letters/compose-letters";
import { formToObject, signatureFormFields } from "@/lib/letters/form-data";
import { getLetterBuilder, resolveAddressees } from "@/lib/letters/get-letter-builder";
import { letterOutputs } from "@/lib/letters/letter-outputs";
import { fieldErrors, letterContentSchema, signatureSubmissionSchema } from "@/lib/letters/schema";
import { getCampaignTotals } from "@/lib/tallies/get-campaign-totals";
import type { LetterFormState, PreviewLetter } from "./letter-form-state";
import { verifyProofOfWork } from "./proof-of-work";
import { checkSigningRateLimits } from "./rate-limits";
import { recordSignature } from "./record-signature";

export type LetterFormIntent = "preview" | "reset" | "send";

/**
 * The letter builder's one server-side step, for the form with or without
 * JavaScript: refresh the preview, go back to the template, or sign and send.
 */
export async function handleLetterForm(options: {
  slug: string;
  intent: LetterFormIntent;
  form: FormData;
  client: string;
  previous: LetterFormState;
}): Promise<LetterFormState> {
  const values = formToObject(options.form, signatureFormFields);
  const version = options.previous.version + 1;
  const builder = await getLetterBuilder(
    options.slug,
    typeof values.language === "string" ? values.language : undefined,
  );
  if (!builder) return { values, version, message: "This campaign is no longer available." };

  if (options.intent === "reset") {
    return { values: { ...values, subject: builder.template.subject, body: builder.template.body }, version };
  }

  if (options.intent === "preview") {
    const content = letterContentSchema.safeParse(values);
    if (!content.success)
      return {
        values,
        version,
        fieldErrors: fieldErrors(content.error),
        message: "Some fields need your attention before the preview.",
      };
    const { found } = resolveAddressees(builder, content.data.addressees);
    const preview: PreviewLetter[] = composeLetters(found, content.data).map((l) => ({
      addresseeId: l.addressee.id,
      addressBlock: l.addressBlock,
      dateLine: l.dateLine,
      subject: l.subject,
      text: l.text,
    }));
    return { values, version, preview };
  }

  const parsed = signatureSubmissionSchema.safeParse(values);
  if (!parsed.success) {
    return { values, version, fieldErrors: fieldErrors(parsed.error), message: "Some fields need your attention." };
  }
  if (parsed.data.altcha && !(await verifyProofOfWork(parsed.data.altcha))) {
    return {
      values,
      version,
      message:
        "The anti-spam check did not pass (it may have expired). Please press “Sign” again; it reruns by itself.",
    };
  }
  const limit = await checkSigningRateLimits({ client: options.client, provedWork: Boolean(parsed.data.altcha) });
  if (limit.limited) {
    const minutes = Math.ceil(limit.retryAfterSeconds / 60);
    return {
      values,
      version,
      message: `Too many letters from here in a short time. Please try again in ${minutes} minute${minutes === 1 ? "" : "s"}; nothing you wrote is lost.`,
    };
  }

  // Whether this address was used before never changes what the page says (record-signature.ts).
  const result = await recordSignature(options.slug, parsed.data);
  switch (result.outcome) {
    case "campaign_not_found":
      return { values, version, message: "This campaign is no longer available." };
    case "campaign_closed":
      return { values, version, message: "This campaign has closed; letters are no longer collected." };
    case "invalid":
      return { values, version, fieldErrors: result.fieldErrors, message: "Some fields need your attention." };
  }
  const totals = await getCampaignTotals(options.slug);
  const data = parsed.data;
  return {
    values,
    version,
    thankYou: {
      outcome: result.outcome === "duplicate" ? "duplicate" : "recorded",
      channel: data.channel,
      confirmationQueued: result.confirmationQueued,
      signatures: totals?.signatures ?? 0,
      outputs: letterOutputs(result.letters, data, result.builder.template.xPost),
      content: {
        addressees: data.addressees,
        language: data.language,
        subject: data.subject,
        body: data.body,
        identity: data.identity,
        country: data.country,
        ...(data.name ? { name: data.name } : {}),
        ...(data.city ? { city: data.city } : {}),
      },
      emailAddressees: result.letters.filter((l) => l.addressee.emails.length > 0).length,
    },
  };
}
