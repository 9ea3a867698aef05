import "server-only";
import { listedOrigin } from "@/lib/core/origins";

/**
 * A browser on another site can post a plain HTML form to our JSON API
 * (form-encoded needs no CORS preflight), so any page a visitor opens could
 * sign in their browser, inflating the counts from many real addresses.
 * Browsers say where a request comes from (Origin, Sec-Fetch-Site); API
 * clients that are not browsers send neither and are not affected. Our own
 * pages sign through server actions, never through this API. Each of our
 * origins (the canonical one, the onion, the mirrors) is one site.
 */
export function crossSiteOrigin(headers: Headers): string | null {
  const origin = headers.get("origin");
  if (origin && listedOrigin(origin) === null) return origin;
  if (headers.get("sec-fetch-site") === "cross-site") return origin ?? "another site";
  return null;
}
