import "server-only";
import { createHmac } from "node:crypto";
import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { makeLimiter } from "@/lib/db/rate-limiter";
import { keyFor } from "@/lib/privacy/keys";

// Limits on signing, kept in PostgreSQL so every app instance shares them.
// Keys are keyed hashes: no address or email is stored, and a key's row is
// deleted once its window has passed. (Keys used to change at midnight UTC,
// which gave every client and address a fresh allowance at 00:00 and made
// a test that crossed midnight fail; the expiry already keeps no history.)
const hour = 60 * 60;

const limiters = {
  perClient: () => makeLimiter("sign-client", 20, hour),
  // Without a solved proof of work (JavaScript off, or an API client) a
  // client gets fewer signatures per hour.
  perClientWithoutProof: () => makeLimiter("sign-client-nopow", 10, hour),
  perEmail: () => makeLimiter("sign-email", 5, hour),
};
type LimiterName = keyof typeof limiters;
const instances = new Map<LimiterName, RateLimiterAbstract>();

function limiter(name: LimiterName) {
  let instance = instances.get(name);
  if (!instance) {
    instance = limiters[name]();
    instances.set(name, instance);
  }
  return instance;
}

export function anonymousKey(value: string): string {
  return createHmac("sha256", keyFor("client-hash").current).update(`rate-limit|${value}`).digest("base64url").slice(0, 32);
}

export type RateLimitVerdict = { limited: false } | { limited: true; retryAfterSeconds: number };

/** Spends one point of each limit that applies; refuses when any is used up. */
export async function checkSigningRateLimits(options: { client: string; email?: string; provedWork: boolean }): Promise<RateLimitVerdict> {
  const checks: [LimiterName, string][] = [];
  // Without a proxy header all clients look alike; limiting that shared key
  // would lock everyone out on a busy day, so only the email limit applies.
  if (options.client !== "all-clients") {
    checks.push([options.provedWork ? "perClient" : "perClientWithoutProof", anonymousKey(options.client)]);
  }
  if (options.email) checks.push(["perEmail", anonymousKey(options.email.trim().toLowerCase())]);
  for (const [name, key] of checks) {
    try {
      await limiter(name).consume(key);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        return { limited: true, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
      }
      throw rejection;
    }
  }
  return { limited: false };
}
