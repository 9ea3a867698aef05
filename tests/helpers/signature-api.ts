// Calls the real POST /api/campaigns/{slug}/signatures route handler.
import { POST } from "@/app/api/campaigns/[slug]/signatures/route";
import { GET as challengeRoute } from "@/app/api/proof-of-work/route";
import { lacksProofOfWork, solvedPayload } from "./proof-of-work";

export const launchSlug = "russia-amnesty-undesirable";

/** A proof of work solved from the real challenge route, in this process. */
export async function solvedProofOfWork(): Promise<string> {
  return solvedPayload(await (await challengeRoute(new Request("http://localhost/api/proof-of-work"))).json());
}

/**
 * A JSON object is sent as JSON, with a freshly solved proof of work unless
 * it carries its own `altcha` key (even `undefined`, to send none); a string
 * is sent as it is (to test broken bodies). `query` is added to the address
 * (e.g. "include=links").
 */
export async function postSignature(
  body: unknown,
  slug = launchSlug,
  headers: Record<string, string> = {},
  query = "",
): Promise<Response> {
  const withWork = lacksProofOfWork(body) ? { ...body, altcha: await solvedProofOfWork() } : body;
  return POST(
    new Request(`http://localhost/api/campaigns/${slug}/signatures${query ? `?${query}` : ""}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof withWork === "string" ? withWork : JSON.stringify(withWork),
    }),
    { params: Promise.resolve({ slug }) },
  );
}
