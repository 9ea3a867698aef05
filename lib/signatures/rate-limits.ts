import "server-only";
import { allClients } from "@/lib/core/vocabulary";
import { anonymousKey, anonymousKeys } from "@/lib/privacy/anonymous-key";
import { deleteExpiredAllowances, spendAllowance, type Allowance } from "./data";

// Limits on signing, kept in PostgreSQL so every app instance shares them.
// Keys are keyed hashes: no address or email is stored, and a key's row is
// deleted once its window has passed. (Keys used to change at midnight UTC,
// which gave every client and address a fresh allowance at 00:00 and made
// a test that crossed midnight fail; the expiry already keeps no history.)
//
// The signing statement spends them in the same round trip as it writes
// (data.ts writeSignature); the rows keep rate-limiter-flexible's format
// (`prefix:key`, points, expiry in epoch ms), which the staff sign-in and the
// delivery pacing still use in the same table, and were kept by it before.
const hour = 60 * 60 * 1000;

const allowances = {
  perClient: { prefix: "sign-client", points: 20 },
  // Without a solved proof of work (JavaScript off, or an API client) a
  // client gets fewer signatures per hour.
  perClientWithoutProof: { prefix: "sign-client-nopow", points: 10 },
  // Confirmation emails to one address: protects a mailbox from a flood. Not a
  // refusal: a refusal would tell a requester that the address was used.
  confirmationsPerEmail: { prefix: "sign-email", points: 5 },
};

/** One hour's allowance of `value` (a client, an address), under its key now and its key before a rotation. */
function allowance(name: keyof typeof allowances, value: string): Allowance {
  clearExpiredLater();
  const { prefix, points } = allowances[name];
  const keys = anonymousKeys(value);
  return {
    key: `${prefix}:${keys.current}`,
    previousKey: keys.previous ? `${prefix}:${keys.previous}` : null,
    points,
    durationMs: hour,
  };
}

/**
 * The requester's allowance (their address, hashed), never the email
 * address they typed (see `confirmationAllowance`); null when all clients
 * look alike (no proxy header): limiting that shared key would lock
 * everyone out on a busy day.
 */
export function clientAllowance(options: { client: string; provedWork: boolean }): Allowance | null {
  if (options.client === allClients) return null;
  return allowance(options.provedWork ? "perClient" : "perClientWithoutProof", options.client);
}

/**
 * Confirmation emails to one address: at most five an hour. Beyond that the
 * submission is still recorded and answered like any other, and its
 * confirmation is held (HeldConfirmation, under `heldKey`): when the hour
 * ends, the address gets one email listing every held submission, so a
 * flood of other people's submissions neither fills the inbox nor keeps the
 * owner's own from them. The answer never tells whether someone else used
 * the address.
 */
export function confirmationAllowance(email: string): { allowance: Allowance; heldKey: string } {
  const address = email.trim().toLowerCase();
  return {
    allowance: allowance("confirmationsPerEmail", `confirmation|${address}`),
    heldKey: anonymousKey(`held|${address}`),
  };
}

export type RateLimitVerdict = { limited: false } | { limited: true; retryAfterSeconds: number };

/** Spends one point of the requester's allowance on its own; refuses when it is used up. */
export async function checkSigningRateLimits(options: {
  client: string;
  provedWork: boolean;
}): Promise<RateLimitVerdict> {
  const client = clientAllowance(options);
  if (!client) return { limited: false };
  const spent = await spendAllowance(client);
  if (spent.allowed) return { limited: false };
  return { limited: true, retryAfterSeconds: Math.max(1, Math.ceil(spent.msBeforeNext / 1000)) };
}

export type ConfirmationAllowance = { allowed: true } | { allowed: false; addressKey: string; hourEndsAt: Date };

/**
 * Whether one more confirmation email may go to this address this hour,
 * spending one of its five (the reminder's; signing spends it in its own
 * statement). Not allowed: the key to hold it under and when the hour ends.
 */
export async function mayEmailConfirmation(email: string, now = new Date()): Promise<ConfirmationAllowance> {
  const { allowance: address, heldKey } = confirmationAllowance(email);
  const spent = await spendAllowance(address);
  if (spent.allowed) return { allowed: true };
  return {
    allowed: false,
    addressKey: heldKey,
    hourEndsAt: new Date(now.getTime() + Math.max(1000, spent.msBeforeNext)),
  };
}

let clearing: NodeJS.Timeout | undefined;

/** Every 5 minutes, rows whose window ended an hour ago go (what rate-limiter-flexible's store did for its own). */
function clearExpiredLater(): void {
  if (clearing) return;
  clearing = setInterval(() => {
    deleteExpiredAllowances(Date.now() - hour).catch(() => {
      // Not critical: the next round clears them.
    });
  }, 5 * 60_000);
  clearing.unref();
}
