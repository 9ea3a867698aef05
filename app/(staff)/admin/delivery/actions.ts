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
import {
  deliveryProblemCodes,
  knownCode,
  knownStatus,
  type DeliveryDone,
  type DeliveryProblem,
} from "@/lib/admin/status-codes";
import { adminLanguage } from "@/lib/i18n/admin-language";

const idForm = z.object({ id: z.uuid() });
const pauseForm = z.object({ campaignId: z.uuid(), paused: z.enum(["true", "false"]) });

type Language = Awaited<ReturnType<typeof adminLanguage>>;

// The outcome goes back to the page in its address as a code of a closed set
// (lib/admin/status-codes.ts); the page says it in the admin's language.
function answer({ href }: Language, result: QueueChange, done: DeliveryDone): never {
  if (result.outcome === "done") redirect(href(`/admin/delivery?done=${done}`));
  if (result.outcome === "not_found") problem({ href }, "gone");
  const status = knownStatus(result.problem.values?.status);
  const code = knownCode(deliveryProblemCodes, result.problem.code) ?? "notAllowedStatus";
  problem({ href }, code, status);
}

function problem({ href }: Pick<Language, "href">, code: DeliveryProblem, status?: string): never {
  redirect(href(`/admin/delivery?problem=${code}${status ? `&status=${status}` : ""}`));
}

/** Retries or cancels the message named by the form, for an admin (checked here and in the data layer). */
async function changeMessage(
  formData: FormData,
  change: (admin: StaffIdentity, id: string, locale: string) => Promise<QueueChange>,
  done: DeliveryDone,
): Promise<never> {
  const admin = await requireStaff("admin");
  const language = await adminLanguage();
  const parsed = idForm.safeParse({ id: formData.get("id") });
  if (!parsed.success) problem(language, "badId");
  answer(language, await change(admin, parsed.data.id, language.locale), done);
}

/** Admins only (checked here and in the data layer). */
export async function retryMessageAction(formData: FormData): Promise<void> {
  await changeMessage(formData, retryDeliveryMessage, "queuedAgain");
}

export async function cancelMessageAction(formData: FormData): Promise<void> {
  await changeMessage(formData, cancelDeliveryMessage, "cancelled");
}

export async function setDeliveryPausedAction(formData: FormData): Promise<void> {
  const admin = await requireStaff("admin");
  const language = await adminLanguage();
  const parsed = pauseForm.safeParse({ campaignId: formData.get("campaignId"), paused: formData.get("paused") });
  if (!parsed.success) problem(language, "chooseCampaign");
  const paused = parsed.data.paused === "true";
  answer(
    language,
    await setCampaignDeliveryPaused(admin, parsed.data.campaignId, paused),
    paused ? "sendingPaused" : "sendingResumed",
  );
}
