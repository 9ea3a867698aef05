// The live preview: the letters as the server would compose them, checked by
// the same schema the server uses. Loaded when the supporter first changes
// the form (letter-builder.tsx), so the page's first load carries neither
// zod nor the composer: without a change, or without JavaScript, the
// server's preview is the one shown.
import { composeLetters, type LetterAddressee } from "@/lib/letters/compose-letters";
import type { LetterBuilder as BuilderData } from "@/lib/letters/get-letter-builder";
import { letterContentSchema } from "@/lib/letters/schema";
import type { PreviewLetter } from "@/lib/signatures/letter-form-state";

/** The letters as the server would compose them, or null while the fields do not pass the schema. */
export function previewFrom(builder: BuilderData, values: Record<string, unknown>): PreviewLetter[] | null {
  const parsed = letterContentSchema.safeParse(values);
  if (!parsed.success) return null;
  const known = new Map<string, LetterAddressee>(
    [...builder.addressees, ...Object.values(builder.embassies)].map((a) => [a.id, a]),
  );
  const chosen = parsed.data.addressees.map((id) => known.get(id)).filter((a): a is LetterAddressee => Boolean(a));
  return composeLetters(chosen, parsed.data, undefined, builder.template.variants).map((l) => ({
    addresseeId: l.addressee.id,
    addressBlock: l.addressBlock,
    dateLine: l.dateLine,
    subject: l.subject,
    text: l.text,
  }));
}
