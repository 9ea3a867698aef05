"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signInSchema, totpSchema } from "@/lib/auth/schema";
import { signInStaff, verifyStaffCode } from "@/lib/auth/sign-in";
import { clientAddress } from "@/lib/http/client-address";

/** Public by nature: this is how staff get a session. Limits live in signInStaff. */
export async function signIn(formData: FormData): Promise<void> {
  const parsed = signInSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) redirect("/staff/sign-in?error=missing");
  const requestHeaders = await headers();
  const result = await signInStaff(parsed.data, { headers: requestHeaders, client: clientAddress(requestHeaders) });
  if (result.outcome === "signed_in") redirect("/staff");
  if (result.outcome === "needs_code") redirect("/staff/sign-in?step=code");
  if (result.outcome === "locked") redirect(`/staff/sign-in?error=locked&retry=${result.retryAfterSeconds}`);
  redirect("/staff/sign-in?error=invalid");
}

export async function verifyCode(formData: FormData): Promise<void> {
  const parsed = totpSchema.safeParse({ code: formData.get("code") });
  if (!parsed.success) redirect("/staff/sign-in?step=code&error=code");
  const outcome = await verifyStaffCode(parsed.data.code, await headers());
  redirect(outcome === "signed_in" ? "/staff" : "/staff/sign-in?step=code&error=code");
}
