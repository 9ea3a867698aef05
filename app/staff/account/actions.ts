"use server";
import { headers } from "next/headers";
import { z } from "zod";
import { totpSchema } from "@/lib/auth/schema";
import { requireStaff } from "@/lib/auth/session";
import { confirmTotpEnrolment, startTotpEnrolment, turnOffTotp } from "@/lib/auth/two-factor";

export type TwoFactorState =
  | { step: "idle"; message?: string }
  | { step: "confirm"; otpauthUrl: string; secret: string; backupCodes: string[]; message?: string }
  | { step: "on"; message: string }
  | { step: "off"; message: string };

const password = z.object({ password: z.string().min(1).max(128) });

/** Every signed-in staff member may manage their own second factor (checked here and in lib/auth/two-factor). */
export async function twoFactorAction(previous: TwoFactorState, formData: FormData): Promise<TwoFactorState> {
  const staff = await requireStaff("staff");
  const requestHeaders = await headers();
  const intent = formData.get("intent");
  if (intent === "start") {
    const parsed = password.safeParse({ password: formData.get("password") });
    if (!parsed.success) return { step: "idle", message: "Enter your password." };
    const result = await startTotpEnrolment(staff, parsed.data.password, requestHeaders);
    if (result.outcome === "wrong_password") return { step: "idle", message: "That password is not right." };
    if (result.outcome === "already_on") return { step: "on", message: "Two-step sign-in is already on." };
    return { step: "confirm", otpauthUrl: result.otpauthUrl, secret: result.secret, backupCodes: result.backupCodes };
  }
  if (intent === "confirm" && previous.step === "confirm") {
    const parsed = totpSchema.safeParse({ code: formData.get("code") });
    if (!parsed.success) return { ...previous, message: parsed.error.issues[0]!.message };
    const outcome = await confirmTotpEnrolment(staff, parsed.data.code, requestHeaders);
    return outcome === "on" ? { step: "on", message: "Two-step sign-in is on. You will be asked for a code each time you sign in." } : { ...previous, message: "That code is not right. Enter the code your app shows now." };
  }
  if (intent === "off") {
    const parsed = password.safeParse({ password: formData.get("password") });
    if (!parsed.success) return { step: "on", message: "Enter your password." };
    const outcome = await turnOffTotp(staff, parsed.data.password, requestHeaders);
    return outcome === "off" ? { step: "off", message: "Two-step sign-in is off." } : { step: "on", message: "That password is not right." };
  }
  return previous;
}
