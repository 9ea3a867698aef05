"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { acknowledgeMailPause, resumeMailAddress } from "@/lib/admin/mail-pauses";
import { requireStaff } from "@/lib/auth/session";
import { adminLanguage } from "@/lib/i18n/admin-language";

const pauseForm = z.object({ address: z.string().trim().min(3).max(254) });

/** Admins only (checked here and in lib/admin/mail-pauses.ts): the staff dashboard's notice of a paused address. */
async function onPause(
  formData: FormData,
  change: typeof acknowledgeMailPause | typeof resumeMailAddress,
): Promise<never> {
  const admin = await requireStaff("admin");
  const { href } = await adminLanguage();
  const parsed = pauseForm.safeParse({ address: formData.get("address") });
  if (parsed.success) await change(admin, parsed.data.address);
  redirect(href("/staff"));
}

export async function understoodMailPauseAction(formData: FormData): Promise<void> {
  await onPause(formData, acknowledgeMailPause);
}

export async function resumeMailAddressAction(formData: FormData): Promise<void> {
  await onPause(formData, resumeMailAddress);
}
