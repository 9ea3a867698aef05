import { maxRequestBodyBytes } from "@/lib/core/vocabulary";
import { isInterfaceLocale } from "@/lib/i18n/locales";
import { withApiErrors } from "@/lib/http/json";
import { reportLettersSent } from "@/lib/letters/report-letters-sent";

export const dynamic = "force-dynamic";

/**
 * POST /c/{slug}/letters/report: the thank-you view's "I sent them" form (a
 * plain form, so it works without JavaScript). Public by design: the signed
 * token the view carries is the authorisation, checked in reportLettersSent.
 * Answers with the page that says what was counted.
 */
export const POST = withApiErrors(async (request: Request, context: { params: Promise<{ slug: string }> }) => {
  const { slug } = await context.params;
  // A plain HTML form (urlencoded) of at most 64 KiB, counted as read (a
  // chunked body declares no length); anything else is refused below.
  const declared = Number(request.headers.get("content-length") ?? "0");
  const raw = declared <= maxRequestBodyBytes ? await request.arrayBuffer().catch(() => null) : null;
  const urlencoded = request.headers.get("content-type")?.startsWith("application/x-www-form-urlencoded");
  const form =
    raw && urlencoded && raw.byteLength <= maxRequestBodyBytes
      ? new URLSearchParams(new TextDecoder().decode(raw))
      : null;
  const result = await reportLettersSent({
    slug,
    token: form?.get("token"),
    letters: form?.getAll("letters") ?? [],
  });
  const lang = form?.get("lang");
  const query = new URLSearchParams({ result: result.outcome });
  if (result.outcome === "counted") query.set("letters", String(result.counted));
  if (isInterfaceLocale(lang)) query.set("lang", lang);
  // 303: the browser follows with a GET, so reloading the answer posts nothing again.
  // A relative Location: right behind any proxy, whatever host the request names.
  return new Response(null, {
    status: 303,
    headers: { Location: `/c/${encodeURIComponent(slug)}/letters/sent?${query}`, "Cache-Control": "no-store" },
  });
});
