import "server-only";
import { composeLetters } from "./compose-letters";
import { emailFor } from "./letter-outputs";
import { getLetterBuilder, resolveAddressees } from "./get-letter-builder";
import { renderEml } from "./render-eml";
import { renderLettersPdf } from "./render-pdf";
import type { ApiError } from "@/lib/core/errors";
import { apiMessage, formMessages } from "./form-messages";
import { letterProblems, letterRenderSchema } from "./schema";

export type LetterFile =
  | { ok: true; body: Buffer; contentType: string; filename: string }
  | {
      ok: false;
      /** The API error to answer (its code gives the status: lib/http/json.ts). */
      error: ApiError;
      /** The same as `error`, for callers that have not moved to it yet. */
      status: 400 | 404 | 422;
      message: string;
      fields?: Record<string, string[]>;
    };

const statusOf = { bad_request: 400, not_found: 404, invalid: 422 } as const;
function refused(code: keyof typeof statusOf, message: string, fields?: Record<string, string[]>): LetterFile {
  return {
    ok: false,
    error: { code, message, ...(fields ? { fields } : {}) },
    status: statusOf[code],
    message,
    fields,
  };
}

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
    return refused("bad_request", apiMessage("letterIncomplete"), formMessages(letterProblems(parsed.error), "en"));
  const builder = await getLetterBuilder(slug, parsed.data.language);
  if (!builder) return refused("not_found", apiMessage("campaignNotFound", { slug }));
  const { found, unknown } = resolveAddressees(builder, parsed.data.addressees);
  if (unknown.length > 0)
    return refused("invalid", apiMessage("addresseeOutside"), { addressees: [apiMessage("addresseeOutside")] });

  const letters = composeLetters(found, parsed.data, undefined, builder.template.variants);
  if (kind === "pdf") {
    return {
      ok: true,
      body: await renderLettersPdf(letters, parsed.data.paper),
      contentType: "application/pdf",
      filename: `letters-${slug}.pdf`,
    };
  }
  // The same message the thank-you view's links carry: addressees sharing an address greeted in one.
  const email = emailFor(letters, parsed.data);
  if (email.to.length === 0) return refused("invalid", apiMessage("noEmailAddressee"));
  const eml = await renderEml(email);
  return { ok: true, body: eml, contentType: "message/rfc822", filename: `letter-${slug}.eml` };
}
