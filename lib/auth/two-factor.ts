import "server-only";
import { APIError } from "better-auth/api";
import { db } from "@/lib/db/client";
import { auth } from "./auth";
import { assertRole, type StaffIdentity } from "./staff-identity";

export type TotpEnrolment = { outcome: "started"; otpauthUrl: string; secret: string; backupCodes: string[] } | { outcome: "wrong_password" } | { outcome: "already_on" };

/**
 * First step of turning on two-step sign-in: after the password is checked,
 * better-auth makes a secret (stored encrypted) and backup codes. It is not
 * on until a code from the app is confirmed.
 */
export async function startTotpEnrolment(actor: StaffIdentity, password: string, requestHeaders: Headers): Promise<TotpEnrolment> {
  assertRole(actor, "staff");
  try {
    const result = await auth().api.enableTwoFactor({ body: { password }, headers: requestHeaders });
    if (!("totpURI" in result) || !result.totpURI) return { outcome: "already_on" };
    const secret = new URL(result.totpURI).searchParams.get("secret") ?? "";
    return { outcome: "started", otpauthUrl: result.totpURI, secret, backupCodes: result.backupCodes };
  } catch (error) {
    if (error instanceof APIError) return /already/i.test(error.message) ? { outcome: "already_on" } : { outcome: "wrong_password" };
    throw error;
  }
}

/** Second step: a code from the authenticator app turns it on. */
export async function confirmTotpEnrolment(actor: StaffIdentity, code: string, requestHeaders: Headers): Promise<"on" | "wrong_code"> {
  assertRole(actor, "staff");
  try {
    await auth().api.verifyTOTP({ body: { code }, headers: requestHeaders });
    return "on";
  } catch (error) {
    if (error instanceof APIError) return "wrong_code";
    throw error;
  }
}

export async function turnOffTotp(actor: StaffIdentity, password: string, requestHeaders: Headers): Promise<"off" | "wrong_password"> {
  assertRole(actor, "staff");
  try {
    await auth().api.disableTwoFactor({ body: { password }, headers: requestHeaders });
    return "off";
  } catch (error) {
    if (error instanceof APIError) return "wrong_password";
    throw error;
  }
}

export async function hasTotp(actor: StaffIdentity): Promise<boolean> {
  assertRole(actor, "staff");
  const user = await db().staffUser.findUnique({ where: { id: actor.id }, select: { twoFactorEnabled: true } });
  return Boolean(user?.twoFactorEnabled);
}
