import "server-only";
import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { consumeAcrossRotation, makeLimiter } from "@/lib/core/rate-limiter";
import { allClients } from "@/lib/core/vocabulary";
import { anonymousKey, anonymousKeys } from "@/lib/privacy/anonymous-key";

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
export async function checkSigningRateLimits(options: {
  client: string;
  provedWork: boolean;
}): Promise<RateLimitVerdict> {
  // Without a proxy header all clients look alike; limiting that shared key
  // would lock everyone out on a busy day.
  if (options.client === allClients) return { limited: false };
  try {
    await consumeAcrossRotation(
      limiter(options.provedWork ? "perClient" : "perClientWithoutProof"),
      anonymousKeys(options.client),
    );
    return { limited: false };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes)
      return { limited: true, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    throw rejection;
  }
}

export type ConfirmationAllowance = { allowed: true } | { allowed: false; addressKey: string; hourEndsAt: Date };

/**
 * Whether one more confirmation email may go to this address this hour (at
 * most five). Beyond that the submission is still recorded and answered like
 * any other, and its confirmation is held (HeldConfirmation): when the hour
 * ends, the address gets one email listing every held submission, so a
 * flood of other people's submissions neither fills the inbox nor keeps the
 * owner's own from them. The answer never tells whether someone else used
 * the address.
 */
export async function mayEmailConfirmation(email: string, now = new Date()): Promise<ConfirmationAllowance> {
  const address = email.trim().toLowerCase();
  try {
    await consumeAcrossRotation(limiter("confirmationsPerEmail"), anonymousKeys(`confirmation|${address}`));
    return { allowed: true };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      return {
        allowed: false,
        addressKey: anonymousKey(`held|${address}`),
        hourEndsAt: new Date(now.getTime() + Math.max(1000, rejection.msBeforeNext)),
      };
    }
    throw rejection;
  }
}
