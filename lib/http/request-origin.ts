import "server-only";
import { headers } from "next/headers";
import { canonicalOrigin, listedOrigin, type PublicOrigin } from "@/lib/core/origins";

/**
 * The origin the page or server action was requested on (proxy.ts checked
 * the Host and passes it in x-origin), for the few links that must be
 * absolute: a reader on the onion or a mirror stays there.
 */
export async function requestOrigin(): Promise<PublicOrigin> {
  return listedOrigin((await headers()).get("x-origin")) ?? canonicalOrigin();
}
