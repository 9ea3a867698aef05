import "server-only";
import { composeGroupLetter, composeLetters, distinctRecipients } from "./compose-letters";
import { getLetterBuilder, resolveAddressees } from "./get-letter-builder";
import { renderEml } from "./render-eml";
import { renderLettersPdf } from "./render-pdf";
import { fieldErrors, letterRenderSchema } from "./schema";

export type LetterFile =
  | { ok: true; body: Buffer; contentType: string; filename: string }
  | { ok: false; status: 400 | 404 | 422; message: string; fields?: Record<string, string[]> };

/**
 * The supporter's letters as a PDF (one page per addressee) or as an .eml
 * draft to every distinct email address. Rendered from what the request
 * carries and stored nowhere: export paths keep nothing personal.
 */
export async function renderLetterFile(
  slug: string,
  kind: "pdf" | "eml",
  input: Record<string, unknown>,
): Promise<LetterFile> {
  const parsed = letterRenderSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false, status: 400, message: "The letter is incomplete.", fields: fieldErrors(parsed.error) };
  const builder = await getLetterBuilder(slug, parsed.data.language);
  if (!builder) return { ok: false, status: 404, message: `No public campaign has the slug "${slug}".` };
  const { found, unknown } = resolveAddressees(builder, parsed.data.addressees);
  if (unknown.length > 0)
    return {
      ok: false,
      status: 422,
      message: "An addressee is not part of this campaign.",
      fields: { addressees: ["An addressee is not part of this campaign."] },
    };

  const letters = composeLetters(found, parsed.data);
  if (kind === "pdf") {
    return {
      ok: true,
      body: await renderLettersPdf(letters, parsed.data.paper),
      contentType: "application/pdf",
      filename: `letters-${slug}.pdf`,
    };
  }
  const withEmail = letters.filter((l) => l.addressee.emails.length > 0);
  if (withEmail.length === 0)
    return {
      ok: false,
      status: 422,
      message: "None of the chosen addressees has an email address; download the PDF instead.",
    };
  const letter = withEmail.length === 1 ? withEmail[0]! : composeGroupLetter(withEmail, parsed.data);
  const eml = await renderEml({ to: distinctRecipients(withEmail), subject: letter.subject, text: letter.text });
  return { ok: true, body: eml, contentType: "message/rfc822", filename: `letter-${slug}.eml` };
}
