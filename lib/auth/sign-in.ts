import "server-only";
import { APIError } from "better-auth/api";
import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { db } from "@/lib/db/client";
import { makeLimiter } from "@/lib/db/rate-limiter";
import { anonymousKey } from "@/lib/signatures/rate-limits";
import { auth } from "./auth";

export type SignInResult =
  | { outcome: "signed_in" }
  | { outcome: "needs_code" }
  | { outcome: "invalid" }
  | { outcome: "locked"; retryAfterSeconds: number };

const freeAttempts = 4;
const maxLockMinutes = 60;
let perClient: RateLimiterAbstract | undefined;

/** From the fifth failure in a row: 1, 2, 4 … minutes, at most an hour. */
export function lockMinutes(failures: number): number {
  return failures <= freeAttempts ? 0 : Math.min(maxLockMinutes, 2 ** (failures - freeAttempts - 1));
}

/**
 * Signs a staff member in (better-auth sets the session cookie through the
 * server action). Two limits apply before the password is even checked: per
 * client (30 tries in 15 minutes, keyed hash of the address) and per account
 * (lockout that doubles with each failure from the fifth).
 */
export async function signInStaff(input: { email: string; password: string }, request: { headers: Headers; client: string }, now = new Date()): Promise<SignInResult> {
  if (request.client !== "all-clients") {
    perClient ??= makeLimiter("staff-signin-client", 30, 15 * 60);
    try {
      await perClient.consume(anonymousKey(request.client));
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return { outcome: "locked", retryAfterSeconds: Math.ceil(rejection.msBeforeNext / 1000) };
      throw rejection;
    }
  }
  const account = await db().staffUser.findUnique({ where: { email: input.email }, select: { id: true, failedSignIns: true, lockedUntil: true } });
  if (account?.lockedUntil && account.lockedUntil > now) {
    return { outcome: "locked", retryAfterSeconds: Math.ceil((account.lockedUntil.getTime() - now.getTime()) / 1000) };
  }
  try {
    const result = await auth().api.signInEmail({ body: { email: input.email, password: input.password, rememberMe: false }, headers: request.headers });
    if (account) await db().staffUser.update({ where: { id: account.id }, data: { failedSignIns: 0, lockedUntil: null } });
    return "twoFactorRedirect" in result && result.twoFactorRedirect ? { outcome: "needs_code" } : { outcome: "signed_in" };
  } catch (error) {
    if (!(error instanceof APIError)) throw error;
    if (account) {
      const failures = account.failedSignIns + 1;
      const minutes = lockMinutes(failures);
      await db().staffUser.update({
        where: { id: account.id },
        data: { failedSignIns: failures, lockedUntil: minutes ? new Date(now.getTime() + minutes * 60_000) : null },
      });
    }
    return { outcome: "invalid" };
  }
}

/** The second step when the account has TOTP: the code from the authenticator app. */
export async function verifyStaffCode(code: string, requestHeaders: Headers): Promise<"signed_in" | "invalid"> {
  try {
    await auth().api.verifyTOTP({ body: { code }, headers: requestHeaders });
    return "signed_in";
  } catch (error) {
    if (error instanceof APIError) return "invalid";
    throw error;
  }
}

export async function signOutStaff(requestHeaders: Headers): Promise<void> {
  await auth().api.signOut({ headers: requestHeaders }).catch(() => {});
}
