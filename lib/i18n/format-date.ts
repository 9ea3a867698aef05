// Pure (no catalogues): the letter builder's preview in the browser uses it too.
/**
 * A day as the language writes it in running text, the style the campaign
 * texts use too: "19 May 2025" (not the American "May 19, 2025"), "19 mai
 * 2025", "19 de mayo de 2025", "19 мая 2025 года" (not the abbreviated "г.").
 * Takes "YYYY-MM-DD" or a Date (its UTC day).
 */
export function formatDate(date: string | Date, language: string): string {
  const day = typeof date === "string" ? new Date(`${date}T00:00:00Z`) : date;
  const primary = language.split("-")[0];
  let format = dateFormats.get(language);
  if (!format) {
    // A formatter costs far more to build than to use: one per language, kept.
    format = new Intl.DateTimeFormat(primary === "en" ? "en-GB" : language, { dateStyle: "long", timeZone: "UTC" });
    dateFormats.set(language, format);
  }
  const text = format.format(day);
  return primary === "ru" ? text.replace(/ г\.$/, " года") : text;
}
const dateFormats = new Map<string, Intl.DateTimeFormat>();
