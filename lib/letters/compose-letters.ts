// Turns the supporter's draft into one finished letter per addressee. Pure:
// the preview, the PDF, the .eml, mailto links and platform emails all come
// from here, so they always say the same thing.
import { fillPlaceholders } from "./placeholders";
import type { AddresseeKind, IdentityLevel, SendingChannel } from "@/lib/core/vocabulary";
import { signerLine } from "./signer-line";
import { formatDate } from "@/lib/i18n/format-date";

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
};

export type DraftForComposition = {
  subject: string;
  body: string;
  language: string;
  identity: IdentityLevel;
  name?: string;
  city?: string;
  country: string;
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

export function composeLetter(addressee: LetterAddressee, draft: DraftForComposition, date: Date): ComposedLetter {
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
  let text = fillPlaceholders(draft.body.replace(/\r\n?/g, "\n"), values).trim();
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
    subject: fillPlaceholders(draft.subject, values),
    text,
    signer,
  };
}

export function composeLetters(
  addressees: readonly LetterAddressee[],
  draft: DraftForComposition,
  date = new Date(),
): ComposedLetter[] {
  return addressees.map((addressee) => composeLetter(addressee, draft, date));
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
  return composeLetter(group, draft, date);
}

/** All letters as one plain text, for copying. */
export function lettersAsText(letters: readonly ComposedLetter[]): string {
  return letters
    .map((l) => [l.addressBlock.join("\n"), l.dateLine, `${l.subject}`, l.text].join("\n\n"))
    .join("\n\n\n————————————————\n\n\n");
}
