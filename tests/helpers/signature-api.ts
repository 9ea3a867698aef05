// Calls the real POST /api/campaigns/{slug}/signatures route handler.
import { POST } from "@/app/api/campaigns/[slug]/signatures/route";

export const launchSlug = "russia-amnesty-undesirable";

/** A JSON object is sent as JSON; a string is sent as it is (to test broken bodies). */
export function postSignature(body: unknown, slug = launchSlug, headers: Record<string, string> = {}): Promise<Response> {
  return POST(
    new Request(`http://localhost/api/campaigns/${slug}/signatures`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
    { params: Promise.resolve({ slug }) },
  );
}
