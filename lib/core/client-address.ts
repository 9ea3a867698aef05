import "server-only";
import { env } from "@/lib/core/env";
import { allClients } from "@/lib/core/vocabulary";

/**
 * The client's address for rate limiting only, from the header the operator's
 * reverse proxy sets (CLIENT_IP_HEADER). For x-forwarded-for the last entry
 * is the one our proxy appended, the only one a client cannot forge. Without
 * the setting every client shares one key: coarse, but never spoofable.
 */
export function clientAddress(headers: Headers): string {
  const name = env().CLIENT_IP_HEADER;
  if (!name || name === "none") return allClients;
  const value = headers.get(name);
  if (!value) return "no-address";
  const parts = value
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.at(-1) ?? "no-address";
}
