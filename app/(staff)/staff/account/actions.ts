"use server";
import { headers } from "next/headers";
import { z } from "zod";
import { totpSchema } from "@/lib/auth/schema";
import { requireStaff } from "@/lib/auth/session";
import { confirmTotpEnrolment, startTotpEnrolment, turnOffTotp } from "@/lib/auth/two-factor";
import { describeProblems, problemsOf } from "@/lib/core/errors";
import { problemTranslator, translator } from "@/lib/i18n/messages";
import { requestLocale } from "@/lib/i18n/request-locale";

export type TwoFactorState =
  | { step: "idle"; message?: string }
  | { step: "confirm"; otpauthUrl: string; secret: string; backupCodes: string[]; message?: string }
  | { step: "on"; message: string }
  | { step: "off"; message: string };

const password = z.object({ password: z.string().min(1).max(128) });

/**
 * Every signed-in staff member may manage their own second factor (checked here and in lib/auth/two-factor).
 * Messages are in the interface language of the account page the form is on.
 */
export async function twoFactorAction(previous: TwoFactorState, formData: FormData): Promise<TwoFactorState> {
  const staff = await requireStaff("staff");
  const requestHeaders = await headers();
  const locale = await requestLocale();
  const t = translator(locale, "staff");
  const intent = formData.get("intent");
  if (intent === "start") {
    const parsed = password.safeParse({ password: formData.get("password") });
    if (!parsed.success) return { step: "idle", message: t("account.enterPassword") };
    const result = await startTotpEnrolment(staff, parsed.data.password, requestHeaders);
    if (result.outcome === "wrong_password") return { step: "idle", message: t("account.wrongPassword") };
    if (result.outcome === "already_on") return { step: "on", message: t("account.alreadyOn") };
    return { step: "confirm", otpauthUrl: result.otpauthUrl, secret: result.secret, backupCodes: result.backupCodes };
  }
  if (intent === "confirm" && previous.step === "confirm") {
    const parsed = totpSchema.safeParse({ code: formData.get("code") });
    if (!parsed.success) {
      const [first] = Object.values(
        describeProblems(problemsOf(parsed.error), problemTranslator(locale, "staffFormErrors")),
      );
      return { ...previous, message: first![0] };
    }
    const outcome = await confirmTotpEnrolment(staff, parsed.data.code, requestHeaders);
    return outcome === "on"
      ? { step: "on", message: t("account.nowOn") }
      : { ...previous, message: t("account.wrongCode") };
  }
  if (intent === "off") {
    const parsed = password.safeParse({ password: formData.get("password") });
    if (!parsed.success) return { step: "on", message: t("account.enterPassword") };
    const outcome = await turnOffTotp(staff, parsed.data.password, requestHeaders);
    return outcome === "off"
      ? { step: "off", message: t("account.nowOff") }
      : { step: "on", message: t("account.wrongPassword") };
  }
  return previous;
}
