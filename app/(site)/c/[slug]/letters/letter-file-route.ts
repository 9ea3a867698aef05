import "server-only";
import { NextResponse } from "next/server";
import { campaignParamsSchema } from "@/lib/campaigns/schema";
import { renderFormFields } from "@/lib/letters/form-data";
import { renderLetterFile } from "@/lib/letters/render-letter-file";
import { badParameters, withApiErrors } from "@/lib/http/json";
import { readBody } from "@/lib/http/read-body";

/**
 * The POST handler of both routes beside it, /c/{slug}/letters/{pdf|eml}:
 * takes the letter as a form (the thank-you view's download buttons) or as
 * JSON, answers a download.
 */
export function letterFileHandler(kind: "pdf" | "eml") {
  return withApiErrors(async (request: Request, context: { params: Promise<{ slug: string }> }) => {
    const params = campaignParamsSchema.safeParse(await context.params);
    if (!params.success) return badParameters(params.error);
    const body = await readBody(request, renderFormFields);
    if (!body.ok)
      return NextResponse.json(
        { error: { code: body.status === 413 ? "too_large" : "bad_request", message: body.message } },
        { status: body.status },
      );
    const file = await renderLetterFile(params.data.slug, kind, body.value);
    if (!file.ok) {
      const code = file.status === 404 ? "not_found" : "invalid";
      return NextResponse.json(
        { error: { code, message: file.message, fields: file.fields } },
        { status: file.status },
      );
    }
    return new Response(new Uint8Array(file.body), {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename="${file.filename}"`,
        "Cache-Control": "no-store",
      },
    });
  });
}
