"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signOutStaff } from "@/lib/auth/sign-in";
import { requestLocale } from "@/lib/i18n/request-locale";

/** Ends the caller's own session; harmless without one. The sign-in page keeps the interface language. */
export async function signOut(): Promise<void> {
  await signOutStaff(await headers());
  redirect(`/staff/sign-in?lang=${await requestLocale()}`);
}
