import "server-only";
import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { consumeAcrossRotation, makeLimiter } from "@/lib/db/rate-limiter";
import { anonymousKeys } from "@/lib/privacy/anonymous-key";

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
  // Confirmation emails to one address: protects a mailbox from a flood. Not a
  // refusal: a refusal would tell a requester that the address was used.
  confirmationsPerEmail: () => makeLimiter("sign-email", 5, hour),
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

export type RateLimitVerdict = { limited: false } | { limited: true; retryAfterSeconds: number };

/**
 * Spends one point of the requester's limit; refuses when it is used up. The
 * limit is about the requester (their address, hashed), never about the
 * email address they typed: see `mayEmailConfirmation`.
 */
export async function checkSigningRateLimits(options: { client: string; provedWork: boolean }): Promise<RateLimitVerdict> {
  // Without a proxy header all clients look alike; limiting that shared key
  // would lock everyone out on a busy day.
  if (options.client === "all-clients") return { limited: false };
  try {
    await consumeAcrossRotation(limiter(options.provedWork ? "perClient" : "perClientWithoutProof"), anonymousKeys(options.client));
    return { limited: false };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return { limited: true, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    throw rejection;
  }
}

/**
 * Whether one more confirmation email may go to this address this hour (at
 * most five). Beyond that the submission is still recorded and answered like
 * any other, without an email: the answer must not tell whether someone else
 * used the address. Its owner can sign again once the hour has passed.
 */
export async function mayEmailConfirmation(email: string): Promise<boolean> {
  try {
    await consumeAcrossRotation(limiter("confirmationsPerEmail"), anonymousKeys(`confirmation|${email.trim().toLowerCase()}`));
    return true;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return false;
    throw rejection;
  }
}
