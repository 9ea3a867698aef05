import "server-only";
import { symmetricDecrypt, symmetricEncrypt } from "better-auth/crypto";
import { auth, staffAuthLegacySecret, staffAuthSecrets } from "./auth";
import { replaceTwoFactorSecrets, twoFactorEnabled, twoFactorRowsNotUnder } from "./data";
import { outcomeOf, unlessRefused } from "./refusal";
import { assertRole, type StaffIdentity } from "./staff-identity";

export type TotpEnrolment =
  | { outcome: "started"; otpauthUrl: string; secret: string; backupCodes: string[] }
  | { outcome: "wrong_password" }
  | { outcome: "already_on" };

/**
 * First step of turning on two-step sign-in: after the password is checked,
 * better-auth makes a secret (stored encrypted) and backup codes. It is not
 * on until a code from the app is confirmed.
 */
export async function startTotpEnrolment(
  actor: StaffIdentity,
  password: string,
  requestHeaders: Headers,
): Promise<TotpEnrolment> {
  assertRole(actor, "staff");
  return unlessRefused(
    async (): Promise<TotpEnrolment> => {
      const result = await auth().api.enableTwoFactor({ body: { password }, headers: requestHeaders });
      if (!("totpURI" in result) || !result.totpURI) return { outcome: "already_on" };
      const secret = new URL(result.totpURI).searchParams.get("secret") ?? "";
      return { outcome: "started", otpauthUrl: result.totpURI, secret, backupCodes: result.backupCodes };
    },
    (error): TotpEnrolment =>
      /already/i.test(error.message) ? { outcome: "already_on" } : { outcome: "wrong_password" },
  );
}

/** Second step: a code from the authenticator app turns it on. */
export async function confirmTotpEnrolment(
  actor: StaffIdentity,
  code: string,
  requestHeaders: Headers,
): Promise<"on" | "wrong_code"> {
  assertRole(actor, "staff");
  return outcomeOf(() => auth().api.verifyTOTP({ body: { code }, headers: requestHeaders }), "on", "wrong_code");
}

export async function turnOffTotp(
  actor: StaffIdentity,
  password: string,
  requestHeaders: Headers,
): Promise<"off" | "wrong_password"> {
  assertRole(actor, "staff");
  return outcomeOf(
    () => auth().api.disableTwoFactor({ body: { password }, headers: requestHeaders }),
    "off",
    "wrong_password",
  );
}

export async function hasTotp(actor: StaffIdentity): Promise<boolean> {
  assertRole(actor, "staff");
  return twoFactorEnabled(actor.id);
}

/**
 * Rewrites two-step secrets and backup codes that an older APP_SECRET
 * sealed, with the current one (part of the key-rotation job, which runs no
 * request: no actor). A row is replaced only if unchanged since it was read.
 * Returns how many rows were rewritten and how many no configured secret opens.
 */
export async function rewriteStaffSecrets(): Promise<{ rewritten: number; unreadable: number }> {
  const secrets = staffAuthSecrets();
  const key = {
    keys: new Map(secrets.map((s) => [s.version, s.value])),
    currentVersion: secrets[0]!.version,
    legacySecret: staffAuthLegacySecret(),
  };
  const currentPrefix = `$ba$${key.currentVersion}$`;
  const rows = await twoFactorRowsNotUnder(currentPrefix);
  let rewritten = 0;
  let unreadable = 0;
  for (const row of rows) {
    try {
      const secret = await symmetricEncrypt({ key, data: await symmetricDecrypt({ key, data: row.secret }) });
      const backupCodes = await symmetricEncrypt({ key, data: await symmetricDecrypt({ key, data: row.backupCodes }) });
      rewritten += await replaceTwoFactorSecrets(row, { secret, backupCodes });
    } catch {
      unreadable++;
    }
  }
  return { rewritten, unreadable };
}
