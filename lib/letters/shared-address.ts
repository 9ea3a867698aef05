// The one text for an email address several addressees share (the appeal
// gives the Geneva mission's address for the Brussels embassy too). Pure and
// in the letters layer, so the platform email (lib/delivery/letter-mail.ts),
// the mailto and webmail links and the .eml all say the same thing.

/** One letter to an addressee at the address a message goes to, as stored: salutation first, then the letter. */
export type LetterAtAddress = { addresseeName: string; text: string };

/**
 * It names every addressee, one per line, then greets each of them and
 * carries the letter once. Their letters come from one draft and differ only
 * in the first paragraph (the salutation, in the letter's language); a
 * greeting two addressees share is written once. Should the letters differ
 * further (a supporter who used {{addressee_name}} in the body), each follows
 * in full. A message for one addressee is that letter, unchanged.
 */
export function textForSharedAddress(letters: readonly LetterAtAddress[]): string {
  if (letters.length <= 1) return letters[0]?.text ?? "";
  const names = unique(letters.map((l) => l.addresseeName)).join("\n");
  const parts = letters.map(({ text }) => {
    const end = text.indexOf("\n\n");
    return end === -1 ? { salutation: text, rest: "" } : { salutation: text.slice(0, end), rest: text.slice(end + 2) };
  });
  if (parts.every((p) => p.rest === parts[0]!.rest)) {
    const greetings = unique(parts.map((p) => p.salutation)).join("\n");
    return [names, greetings, parts[0]!.rest].filter(Boolean).join("\n\n");
  }
  return `${names}\n\n${letters.map((l) => l.text).join("\n\n* * *\n\n")}`;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
