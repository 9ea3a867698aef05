// Letters that do not all read the same: a campaign's template may give,
// per language, other subject lines and opening and closing paragraphs
// (LetterTemplate.subjectVariants/openingVariants/closingVariants). Each
// letter draws one combination from a seed the builder form carries, so the
// preview, the stored letter, a retry and every export say the same thing.
// Pure and free of Node APIs: the browser's live preview draws with it too.

/** A template's variants in one language; the body keeps its own text between opening and closing. */
export type LetterVariants = {
  /** The template's own subject: the first choice, and how an untouched subject is recognised. */
  subject: string;
  /** The template's own body (demands filled in): only an untouched body gets an opening and a closing. */
  body: string;
  subjectVariants: readonly string[];
  openingVariants: readonly string[];
  closingVariants: readonly string[];
};

export type DrawnVariant = {
  /** Index into [subject, ...subjectVariants]. */
  subject: number;
  /** Index into openingVariants; -1 when there are none. */
  opening: number;
  /** Index into closingVariants; -1 when there are none. */
  closing: number;
};

/** A seed as the builder form makes it (and the schema checks): 16 to 64 URL-safe characters. */
export const seedPattern = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * cyrb53: a fast 53-bit string hash with good spread, the same in every
 * JavaScript engine (node:crypto is not available in the browser).
 */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** How many different letters these variants make. */
export function combinations(variants: LetterVariants): number {
  return (
    (1 + variants.subjectVariants.length) *
    Math.max(1, variants.openingVariants.length) *
    Math.max(1, variants.closingVariants.length)
  );
}

/**
 * The combination a letter gets: depends only on (seed, addressee, language),
 * so two addressees of one supporter may read differently, and the same
 * letter rendered again reads the same. `addressee` is the draw key
 * (drawKey): addressees sharing an address draw alike, so the one email
 * there carries one letter greeting them all.
 */
export function drawVariant(
  variants: LetterVariants,
  seed: string,
  addresseeId: string,
  language: string,
): DrawnVariant {
  const subjects = 1 + variants.subjectVariants.length;
  const openings = Math.max(1, variants.openingVariants.length);
  const closings = Math.max(1, variants.closingVariants.length);
  let n = hash53(`${seed}|${addresseeId}|${language}`) % (subjects * openings * closings);
  const subject = n % subjects;
  n = Math.floor(n / subjects);
  const opening = n % openings;
  const closing = Math.floor(n / openings);
  return {
    subject,
    opening: variants.openingVariants.length ? opening : -1,
    closing: variants.closingVariants.length ? closing : -1,
  };
}

/** The drawn texts: the subject, and the opening and closing paragraphs ("" when none). */
export function variantTexts(variants: LetterVariants, drawn: DrawnVariant) {
  return {
    subject: [variants.subject, ...variants.subjectVariants][drawn.subject] ?? variants.subject,
    opening: drawn.opening >= 0 ? (variants.openingVariants[drawn.opening] ?? "") : "",
    closing: drawn.closing >= 0 ? (variants.closingVariants[drawn.closing] ?? "") : "",
  };
}

/** Who a letter's draw is for: its address (the lowest, when several) if it has one, else its id. */
export function drawKey(addressee: { id: string; emails: readonly string[] }): string {
  return addressee.emails.length ? addressee.emails.map((e) => e.toLowerCase()).sort()[0]! : addressee.id;
}

/** A template without variants: every letter keeps the subject and body it has. */
export const noVariants = (subject: string, body: string): LetterVariants => ({
  subject,
  body,
  subjectVariants: [],
  openingVariants: [],
  closingVariants: [],
});
