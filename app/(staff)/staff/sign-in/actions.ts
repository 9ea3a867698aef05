"use server";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { signInSchema, totpSchema } from "@/lib/auth/schema";
import { signInStaff, verifyStaffCode } from "@/lib/auth/sign-in";
import { clientAddress } from "@/lib/core/client-address";
import { requestLocale } from "@/lib/i18n/request-locale";

// The page the form was on chose the interface language (its ?lang=, else
// Accept-Language); the page this redirects to keeps it.

/** Public by nature: this is how staff get a session. Limits live in signInStaff. */
export async function signIn(formData: FormData): Promise<void> {
  const lang = `lang=${await requestLocale()}`;
  const parsed = signInSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) redirect(`/staff/sign-in?error=missing&${lang}`);
  const requestHeaders = await headers();
  const result = await signInStaff(parsed.data, { headers: requestHeaders, client: clientAddress(requestHeaders) });
  if (result.outcome === "signed_in" || result.outcome === "needs_code") {
    // This browser knew the password: guesses made elsewhere cannot lock it out.
    const { name, value, maxAgeSeconds, secure } = result.deviceCookie;
    (await cookies()).set(name, value, { maxAge: maxAgeSeconds, secure, httpOnly: true, sameSite: "lax", path: "/" });
  }
  if (result.outcome === "signed_in") redirect(`/staff?${lang}`);
  if (result.outcome === "needs_code") redirect(`/staff/sign-in?step=code&${lang}`);
  if (result.outcome === "locked") redirect(`/staff/sign-in?error=locked&retry=${result.retryAfterSeconds}&${lang}`);
  redirect(`/staff/sign-in?error=invalid&${lang}`);
}

export async function verifyCode(formData: FormData): Promise<void> {
  const lang = `lang=${await requestLocale()}`;
  const parsed = totpSchema.safeParse({ code: formData.get("code") });
  if (!parsed.success) redirect(`/staff/sign-in?step=code&error=code&${lang}`);
  const outcome = await verifyStaffCode(parsed.data.code, await headers());
  redirect(outcome === "signed_in" ? `/staff?${lang}` : `/staff/sign-in?step=code&error=code&${lang}`);
}
