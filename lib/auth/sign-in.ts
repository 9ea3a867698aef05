import "server-only";
import { randomBytes, timingSafeEqual } from "node:crypto";
import { APIError } from "better-auth/api";
import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { consumeAcrossRotation, makeLimiter } from "@/lib/core/rate-limiter";
import { env } from "@/lib/core/env";
import { signValue, verifySignedValue } from "@/lib/privacy/encryption";
import type { AnonymousKeys } from "@/lib/core/rate-limiter";
import { anonymousKey, anonymousKeys } from "@/lib/privacy/anonymous-key";
import { allClients } from "@/lib/core/vocabulary";
import { auth } from "./auth";
import { insertStaffAuditEntry, staffAccountByEmail } from "./data";
import { outcomeOf } from "./refusal";

export type DeviceCookie = { name: string; value: string; maxAgeSeconds: number; secure: boolean };

export type SignInResult =
  | { outcome: "signed_in" | "needs_code"; deviceCookie: DeviceCookie }
  | { outcome: "invalid" }
  | { outcome: "locked"; retryAfterSeconds: number };

/**
 * Guesses allowed per account from browsers it has not signed in from, per
 * window; then the account refuses such browsers until the window ends.
 * Keyed by the email typed, whether or not an account has it, so the answer
 * never tells which accounts exist.
 */
export const signInLimits = {
  perAccount: { points: 5, windowSeconds: 15 * 60 },
  /** A browser that signed in before (device cookie) has its own allowance: an attacker elsewhere cannot lock it out. */
  perDevice: { points: 10, windowSeconds: 15 * 60 },
  perClient: { points: 30, windowSeconds: 15 * 60 },
};
const deviceCookieDays = 90;

const limiters = new Map<string, RateLimiterAbstract>();
function limiter(name: keyof typeof signInLimits): RateLimiterAbstract {
  let found = limiters.get(name);
  if (!found) {
    const { points, windowSeconds } = signInLimits[name];
    // blockDuration: once used up, refused for a whole window from that moment.
    found = makeLimiter(`staff-signin-${name}`, points, windowSeconds, windowSeconds);
    limiters.set(name, found);
  }
  return found;
}

const accountValue = (email: string) => `staff-account|${email.trim().toLowerCase()}`;
/** The key of an account's allowance: a keyed hash of the email as typed (lower case), never the address. */
function accountKey(email: string): string {
  return anonymousKey(accountValue(email));
}

export function deviceCookieName(): string {
  return env().PUBLIC_URL.startsWith("https://") ? "__Host-lc-device" : "lc-device";
}

/** The device this browser proved for this account at an earlier sign-in, if any (OWASP "device cookies"). */
function knownDevice(headers: Headers, email: string): string | null {
  const name = deviceCookieName();
  const cookie = (headers.get("cookie") ?? "")
    .split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${name}=`));
  if (!cookie) return null;
  const payload = verifySignedValue(decodeURIComponent(cookie.slice(name.length + 1)));
  const match = payload?.match(/^device\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{16,})$/);
  if (!match) return null;
  const expected = Buffer.from(accountKey(email));
  const given = Buffer.from(match[1]!);
  return given.length === expected.length && timingSafeEqual(given, expected) ? match[2]! : null;
}

function newDeviceCookie(email: string): DeviceCookie {
  return {
    name: deviceCookieName(),
    value: signValue(`device.${accountKey(email)}.${randomBytes(18).toString("base64url")}`),
    maxAgeSeconds: deviceCookieDays * 24 * 3600,
    secure: env().PUBLIC_URL.startsWith("https://"),
  };
}

type Spent = { limiter: RateLimiterAbstract; key: string; nowLocked: boolean } | { retryAfterSeconds: number };

/** Spends one guess before the password is checked: 40 parallel guesses get 5 checks, not 40. Atomic in PostgreSQL. */
async function spendGuess(name: keyof typeof signInLimits, keys: AnonymousKeys): Promise<Spent> {
  const chosen = limiter(name);
  try {
    const spent = await consumeAcrossRotation(chosen, keys);
    return { limiter: chosen, key: keys.current, nowLocked: spent.remainingPoints === 0 };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes)
      return { retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    throw rejection;
  }
}

/**
 * Signs a staff member in (better-auth sets the session cookie through the
 * server action). Every guess is paid for before the password is checked:
 * per client address, then per account (or per known device). Unknown and
 * known accounts take the same path, the same writes and the same hashing
 * (better-auth hashes the password for an unknown email too), and answer
 * alike, locked or not. A real admin on a browser they signed in from
 * before is never locked out by someone guessing elsewhere.
 */
export async function signInStaff(
  input: { email: string; password: string },
  request: { headers: Headers; client: string },
): Promise<SignInResult> {
  if (request.client !== allClients) {
    const perClient = await spendGuess("perClient", anonymousKeys(request.client));
    if ("retryAfterSeconds" in perClient) return { outcome: "locked", retryAfterSeconds: perClient.retryAfterSeconds };
  }
  const device = knownDevice(request.headers, input.email);
  const guess = device
    ? await spendGuess("perDevice", { current: device, previous: null })
    : await spendGuess("perAccount", anonymousKeys(accountValue(input.email)));
  if ("retryAfterSeconds" in guess) return { outcome: "locked", retryAfterSeconds: guess.retryAfterSeconds };

  try {
    const result = await auth().api.signInEmail({
      body: { email: input.email, password: input.password, rememberMe: false },
      headers: request.headers,
    });
    // A right password costs nothing: the guess is given back.
    await guess.limiter.reward(guess.key, 1);
    await recordSignInEvent(input.email, "staff.sign_in", { device: device ? "known" : "new" });
    const outcome = "twoFactorRedirect" in result && result.twoFactorRedirect ? "needs_code" : "signed_in";
    return { outcome, deviceCookie: newDeviceCookie(input.email) };
  } catch (error) {
    if (!(error instanceof APIError)) throw error;
    if (guess.nowLocked) {
      await recordSignInEvent(input.email, "staff.sign_in_locked", {
        scope: device ? "known device" : "browsers not signed in before",
        minutes: signInLimits[device ? "perDevice" : "perAccount"].windowSeconds / 60,
      });
    }
    return { outcome: "invalid" };
  }
}

/** Sign-ins and lockouts in the audit log, for accounts that exist (an unknown email leaves no line). */
async function recordSignInEvent(
  email: string,
  action: "staff.sign_in" | "staff.sign_in_locked",
  detail: Record<string, unknown>,
): Promise<void> {
  const account = await staffAccountByEmail(email.trim().toLowerCase());
  if (!account) return;
  await insertStaffAuditEntry({ actorId: account.id, actorEmail: account.email, action, after: detail });
}

/** The second step when the account has TOTP: the code from the authenticator app. */
export async function verifyStaffCode(code: string, requestHeaders: Headers): Promise<"signed_in" | "invalid"> {
  return outcomeOf(() => auth().api.verifyTOTP({ body: { code }, headers: requestHeaders }), "signed_in", "invalid");
}

export async function signOutStaff(requestHeaders: Headers): Promise<void> {
  await auth()
    .api.signOut({ headers: requestHeaders })
    .catch(() => {});
}
