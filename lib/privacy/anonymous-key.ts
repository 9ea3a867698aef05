import "server-only";
import { createHmac } from "node:crypto";
import type { AnonymousKeys } from "@/lib/core/rate-limiter";
import { keyFor } from "./keys";

const keyed = (key: Buffer, value: string) =>
  createHmac("sha256", key).update(`rate-limit|${value}`).digest("base64url").slice(0, 32);

/**
 * The key a rate limit is kept under for a client address or an email: a
 * keyed hash, so the rate_limit table holds no address. During a key
 * rotation the same value also has its key under the previous secret, so an
 * allowance spent before the switch stays spent after it.
 */
export function anonymousKeys(value: string): AnonymousKeys {
  const ring = keyFor("client-hash");
  return { current: keyed(ring.current, value), previous: ring.previous ? keyed(ring.previous, value) : null };
}

export function anonymousKey(value: string): string {
  return anonymousKeys(value).current;
}
