// Turns the supporter's draft into one finished letter per addressee. Pure:
// the preview, the PDF, the .eml, mailto links and platform emails all come
// from here, so they always say the same thing.
import { fillPlaceholders } from "./placeholders";
import type { AddresseeKind, IdentityLevel, SendingChannel } from "@/lib/core/vocabulary";
import { signerLine } from "./signer-line";
import { formatDate } from "@/lib/i18n/format-date";
import { drawKey, drawVariant, variantTexts, type LetterVariants } from "./variants";

export type LetterAddressee = {
  id: string;
  name: string;
  role: string;
  organisation: string | null;
  kind: AddresseeKind;
  country: string | null;
  emails: string[];
  xHandle: string | null;
  postalAddress: string | null;
  salutation: string | null;
};

export type ComposedLetter = {
  addressee: LetterAddressee;
  dateLine: string;
  addressBlock: string[];
  subject: string;
  /** Salutation, body and signature line, as plain text. */
  text: string;
  signer: string;
  /** The template's variants it drew from, kept for a letter to several addressees at once. */
  variants?: LetterVariants;
};

export type DraftForComposition = {
  subject: string;
  body: string;
  language: string;
  identity: IdentityLevel;
  name?: string;
  city?: string;
  country: string;
  /** Draws the template's variant (variants.ts); the builder form makes one per page view. */
  seed?: string;
  /** The supporter's own words, put first: before any of the template's text. */
  personal?: string;
};

const defaultSalutation: Record<string, string> = {
  en: "Dear Sir or Madam,",
  fr: "Madame, Monsieur,",
  es: "Estimado/a señor/a:",
  ru: "Уважаемые господа!",
};

/** The letter's date line: the same style as the campaign's pages (lib/i18n/format-date.ts). */
export function formatLetterDate(date: Date, language: string): string {
  return formatDate(date, language);
}

export function composeLetter(
  addressee: LetterAddressee,
  draft: DraftForComposition,
  date: Date,
  variants?: LetterVariants,
): ComposedLetter {
  const signer = signerLine(draft);
  const salutation = addressee.salutation ?? defaultSalutation[draft.language] ?? defaultSalutation.en!;
  const dateLine = formatLetterDate(date, draft.language);
  const values = {
    salutation,
    signer,
    addressee_name: addressee.name,
    addressee_role: addressee.role,
    date: dateLine,
  };
  const drawn = variants
    ? variantTexts(variants, drawVariant(variants, draft.seed ?? "", drawKey(addressee), draft.language))
    : { subject: draft.subject, opening: "", closing: "" };
  // A subject or text the supporter changed is theirs, as written; the template's own gets the drawn variant.
  const subject = variants && sameText(draft.subject, variants.subject) ? drawn.subject : draft.subject;
  const untouched = variants !== undefined && sameText(draft.body, variants.body);
  const body = withParagraphs(
    draft.body.replace(/\r\n?/g, "\n"),
    [draft.personal ?? "", untouched ? drawn.opening : ""],
    untouched ? drawn.closing : "",
  );
  let text = fillPlaceholders(body, values).trim();
  // A supporter who deleted the placeholders still gets a greeting and a signature.
  if (!draft.body.includes("{{salutation}}") && !text.startsWith(salutation)) text = `${salutation}\n\n${text}`;
  if (!draft.body.includes("{{signer}}") && !text.endsWith(signer)) text = `${text}\n\n${signer}`;
  return {
    addressee,
    dateLine,
    addressBlock: [
      addressee.name,
      ...(addressee.role && addressee.role !== addressee.name ? [addressee.role] : []),
      ...(addressee.organisation && addressee.organisation !== addressee.role ? [addressee.organisation] : []),
      ...(addressee.postalAddress ? addressee.postalAddress.split(/\r?\n/) : []),
    ],
    subject: fillPlaceholders(subject, values),
    text,
    signer,
    ...(variants ? { variants } : {}),
  };
}

/** The same text, whatever line breaks a browser posted (CR LF) and the space around it. */
const sameText = (a: string, b: string) => a.replace(/\r\n?/g, "\n").trim() === b.replace(/\r\n?/g, "\n").trim();

/**
 * The body with paragraphs put in: `head` (the supporter's words, then the
 * drawn opening) right after the salutation's paragraph, or first when the
 * body has none; `closing` right before the signature's paragraph (and its
 * valediction), or last.
 */
function withParagraphs(body: string, head: readonly string[], closing: string): string {
  const before = head.map((p) => p.replace(/\r\n?/g, "\n").trim()).filter(Boolean);
  const after = closing.trim();
  if (before.length === 0 && !after) return body;
  const paragraphs = body.split(/\n[ \t]*\n/);
  const salutationAt = paragraphs.findIndex((p) => /\{\{\s*salutation\s*\}\}/.test(p));
  const signerAt = paragraphs.findLastIndex((p) => /\{\{\s*signer\s*\}\}/.test(p));
  // Before the valediction ("Yours faithfully,") when one short line stands just before the signature.
  const valediction =
    signerAt - 1 > salutationAt + 1 && /^[^\n{}]{1,80}$/.test(paragraphs[signerAt - 1]!.trim()) ? 1 : 0;
  if (after) paragraphs.splice(signerAt >= 0 ? signerAt - valediction : paragraphs.length, 0, after);
  paragraphs.splice(salutationAt >= 0 ? salutationAt + 1 : 0, 0, ...before);
  return paragraphs.join("\n\n");
}

export function composeLetters(
  addressees: readonly LetterAddressee[],
  draft: DraftForComposition,
  date = new Date(),
  variants?: LetterVariants,
): ComposedLetter[] {
  return addressees.map((addressee) => composeLetter(addressee, draft, date, variants));
}

/**
 * The channel a letter to this addressee goes through, given how the
 * supporter chose to send: addressees with no email address but an X handle
 * get a prepared X post instead of an email.
 */
export function channelFor(addressee: LetterAddressee, sending: SendingChannel) {
  if ((sending === "platform_email" || sending === "own_email_client") && addressee.emails.length === 0) {
    return addressee.xHandle ? ("x_post" as const) : ("pdf_print" as const);
  }
  return sending;
}

/**
 * The distinct email addresses of these letters, each once, even when two
 * addressees share one (the appeal gives one address for two missions).
 */
export function distinctRecipients(letters: readonly ComposedLetter[]): { name: string; address: string }[] {
  const seen = new Map<string, { name: string; address: string }>();
  for (const letter of letters) {
    for (const address of letter.addressee.emails) {
      const key = address.toLowerCase();
      if (!seen.has(key)) seen.set(key, { name: letter.addressee.name, address });
    }
  }
  return [...seen.values()];
}

/**
 * One letter for several addressees at once (a mailto or .eml to all of
 * them): the same text with a salutation that fits everyone.
 */
export function composeGroupLetter(
  letters: readonly ComposedLetter[],
  draft: DraftForComposition,
  date = new Date(),
): ComposedLetter {
  const group: LetterAddressee = {
    id: "group",
    name: letters.map((l) => l.addressee.name).join(", "),
    role: "",
    organisation: null,
    kind: "official",
    country: null,
    emails: distinctRecipients(letters).map((r) => r.address),
    xHandle: null,
    postalAddress: null,
    salutation: null,
  };
  return composeLetter(group, draft, date, letters[0]?.variants);
}

/** All letters as one plain text, for copying. */
export function lettersAsText(letters: readonly ComposedLetter[]): string {
  return letters
    .map((l) => [l.addressBlock.join("\n"), l.dateLine, `${l.subject}`, l.text].join("\n\n"))
    .join("\n\n\n————————————————\n\n\n");
}
