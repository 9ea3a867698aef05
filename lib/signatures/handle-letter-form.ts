import "server-only";
import { composeLetters } from "@/lib/letters/compose-letters";
import { formToObject, signatureFormFields } from "@/lib/letters/form-data";
import { formMessage, formMessages } from "@/lib/letters/form-messages";
import {
  getLetterBuilder,
  getLetterBuilders,
  resolveAddressees,
  type LetterBuilder,
} from "@/lib/letters/get-letter-builder";
import { formProblem, letterContentSchema, letterProblems } from "@/lib/letters/schema";
import { getCampaignTotals } from "@/lib/tallies/get-campaign-totals";
import type { LetterFormState, PreviewLetter } from "./letter-form-state";
import { signingFormState } from "./present";
import { signCampaign } from "./sign-campaign";

export type LetterFormIntent = "preview" | "reset" | "language" | "send";

/**
 * The letter builder's one server-side step, for the form with or without
 * JavaScript: refresh the preview, go back to the template, change the
 * letter's language (keeping everything typed), or sign and send
 * (sign-campaign.ts, as the API does). Answers in the supporter's language.
 */
export async function handleLetterForm(options: {
  slug: string;
  intent: LetterFormIntent;
  form: FormData;
  client: string;
  previous: LetterFormState;
  locale: string;
  /** The origin the form was sent on: the supporter's emails link there first. */
  linkOrigin?: string;
}): Promise<LetterFormState> {
  const { locale } = options;
  const values = formToObject(options.form, signatureFormFields);
  const version = options.previous.version + 1;
  const builder = await getLetterBuilder(
    options.slug,
    typeof values.language === "string" ? values.language : undefined,
  );
  if (!builder) return { values, version, message: formMessage(formProblem("campaignGone"), locale) };

  if (options.intent === "reset") {
    return { values: { ...values, subject: builder.template.subject, body: builder.template.body }, version };
  }

  if (options.intent === "language") return changeLetterLanguage(builder, values, version);

  if (options.intent === "preview") {
    const content = letterContentSchema.safeParse(values);
    if (!content.success)
      return {
        values,
        version,
        fieldErrors: formMessages(letterProblems(content.error), locale),
        message: formMessage(formProblem("fieldsBeforePreview"), locale),
      };
    const { found } = resolveAddressees(builder, content.data.addressees);
    const preview: PreviewLetter[] = composeLetters(found, content.data, undefined, builder.template.variants).map(
      (l) => ({
        addresseeId: l.addressee.id,
        addressBlock: l.addressBlock,
        dateLine: l.dateLine,
        subject: l.subject,
        text: l.text,
      }),
    );
    return { values, version, preview };
  }

  // Whether this address was used before never changes what the page says (record-signature.ts).
  const result = await signCampaign({
    slug: options.slug,
    values,
    client: options.client,
    proofOfWork: "optional",
    builder,
    // Emails to the supporter speak the page's language, whatever the letter's.
    emailLanguage: locale,
    linkOrigin: options.linkOrigin,
  });
  const signatures = result.kind === "signed" ? ((await getCampaignTotals(options.slug))?.signatures ?? 0) : 0;
  return signingFormState(result, { values, version, locale, signatures });
}

/**
 * The form in another letter language: every field as typed; a subject and
 * text still as a template gave them become the new language's template,
 * and text the supporter changed stays (textKept says so).
 */
async function changeLetterLanguage(
  builder: LetterBuilder,
  values: Record<string, unknown>,
  version: number,
): Promise<LetterFormState> {
  const language = { ...values, language: builder.language };
  const others = await getLetterBuilders(builder.campaign.slug, builder.language);
  const templates = Object.values(others?.byLanguage ?? {}).map((b) => b.template);
  const untouched = templates.some((t) => sameText(values.subject, t.subject) && sameText(values.body, t.body));
  if (untouched)
    return {
      values: { ...language, subject: builder.template.subject, body: builder.template.body },
      version,
      focus: "language",
    };
  return { values: language, version, textKept: true, focus: "language" };
}

/** Whether a posted text is this one (a browser posts line breaks as CR LF). */
const sameText = (posted: unknown, text: string) =>
  typeof posted === "string" && posted.replace(/\r\n/g, "\n").trim() === text.replace(/\r\n/g, "\n").trim();
