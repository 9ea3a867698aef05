// Letter templates use {{name}} placeholders. The campaign fills
// {{demands}} once; {{salutation}}, {{signer}} and the addressee's fields are
// filled per addressee when a letter is composed.

export const templatePlaceholders = {
  demands: "the campaign's demands, numbered",
  salutation: "the addressee's salutation, e.g. “Dear Minister,”",
  signer: "the signature line from the supporter's identity choice",
  addressee_name: "the addressee's name",
  addressee_role: "the addressee's role",
  date: "the date of the letter",
  handle: "the addressee's X handle, without @ (X posts only)",
} as const;

export type PlaceholderName = keyof typeof templatePlaceholders;

const pattern = /\{\{\s*([a-z_]+)\s*\}\}/g;

/** Placeholders in `text` that we do not know, for admins' template checks. */
export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(pattern)].map((m) => m[1]!).filter((name) => !Object.hasOwn(templatePlaceholders, name));
}

/** Replaces the given placeholders; others are left as written. */
export function fillPlaceholders(text: string, values: Partial<Record<PlaceholderName, string>>): string {
  return text.replace(pattern, (whole, name: string) => {
    // Own keys only: a supporter's {{constructor}} is text, not Object.prototype.constructor.
    const value = Object.hasOwn(values, name) ? values[name as PlaceholderName] : undefined;
    return value === undefined ? whole : value;
  });
}

/** "1. First demand\n\n2. Second demand" */
export function numberedDemands(demands: readonly string[]): string {
  return demands.map((text, index) => `${index + 1}. ${text}`).join("\n\n");
}

/** The editable draft: the template with the demands in, per-addressee placeholders kept. */
export function draftFromTemplate(templateBody: string, demands: readonly string[]): string {
  return fillPlaceholders(templateBody, { demands: numberedDemands(demands) });
}
