// Small pure helpers for campaign texts; no database, so unit-testable.

/**
 * The translation in the requested language, else in the campaign's first
 * language that has one, else any.
 */
export function pickTranslation<T extends { language: string }>(
  translations: readonly T[],
  campaignLanguages: readonly string[],
  requested?: string,
): T | undefined {
  const order = [requested, ...campaignLanguages].filter((l): l is string => Boolean(l));
  for (const language of order) {
    const found = translations.find((t) => t.language === language);
    if (found) return found;
  }
  return translations[0];
}

/** Plain-text paragraphs are separated by blank lines. */
export function splitParagraphs(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
