"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import {
  cancelDeliveryMessage,
  retryDeliveryMessage,
  setCampaignDeliveryPaused,
  type QueueChange,
} from "@/lib/admin/delivery-queue";
import { requireStaff } from "@/lib/auth/session";
import type { StaffIdentity } from "@/lib/auth/staff-identity";
import { adminLanguage } from "@/lib/i18n/admin-language";

const idForm = z.object({ id: z.uuid() });
const pauseForm = z.object({ campaignId: z.uuid(), paused: z.enum(["true", "false"]) });

type Language = Awaited<ReturnType<typeof adminLanguage>>;

// The outcome goes back to the page in its address, already in the admin's language.
function answer(language: Language, result: QueueChange, done: string): never {
  const { t, href } = language;
  if (result.outcome === "done") redirect(href(`/admin/delivery?done=${encodeURIComponent(done)}`));
  problem(language, result.outcome === "not_found" ? t("delivery.gone") : t("delivery.notNow", { why: result.why }));
}

function problem({ href }: Language, why: string): never {
  redirect(href(`/admin/delivery?problem=${encodeURIComponent(why)}`));
}

/** Retries or cancels the message named by the form, for an admin (checked here and in the data layer). */
async function changeMessage(
  formData: FormData,
  change: (admin: StaffIdentity, id: string, locale: string) => Promise<QueueChange>,
  done: (language: Language) => string,
): Promise<never> {
  const admin = await requireStaff("admin");
  const language = await adminLanguage();
  const parsed = idForm.safeParse({ id: formData.get("id") });
  if (!parsed.success) problem(language, language.t("delivery.badId"));
  answer(language, await change(admin, parsed.data.id, language.locale), done(language));
}

/** Admins only (checked here and in the data layer). */
export async function retryMessageAction(formData: FormData): Promise<void> {
  await changeMessage(formData, retryDeliveryMessage, ({ t }) => t("delivery.queuedAgain"));
}

export async function cancelMessageAction(formData: FormData): Promise<void> {
  await changeMessage(formData, cancelDeliveryMessage, ({ t }) => t("delivery.cancelled"));
}

export async function setDeliveryPausedAction(formData: FormData): Promise<void> {
  const admin = await requireStaff("admin");
  const language = await adminLanguage();
  const parsed = pauseForm.safeParse({ campaignId: formData.get("campaignId"), paused: formData.get("paused") });
  if (!parsed.success) problem(language, language.t("delivery.chooseCampaign"));
  const paused = parsed.data.paused === "true";
  answer(
    language,
    await setCampaignDeliveryPaused(admin, parsed.data.campaignId, paused),
    paused ? language.t("delivery.sendingPaused") : language.t("delivery.sendingResumed"),
  );
}
