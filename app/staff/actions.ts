"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signOutStaff } from "@/lib/auth/sign-in";

/** Ends the caller's own session; harmless without one. */
export async function signOut(): Promise<void> {
  await signOutStaff(await headers());
  redirect("/staff/sign-in");
}
