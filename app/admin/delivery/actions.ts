"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { cancelDeliveryMessage, retryDeliveryMessage, setCampaignDeliveryPaused, type QueueChange } from "@/lib/admin/delivery-queue";
import { requireStaff } from "@/lib/auth/session";

const idForm = z.object({ id: z.uuid() });
const pauseForm = z.object({ campaignId: z.uuid(), paused: z.enum(["true", "false"]) });

function answer(result: QueueChange, done: string): never {
  if (result.outcome === "done") redirect(`/admin/delivery?done=${encodeURIComponent(done)}`);
  const why = result.outcome === "not_found" ? "That message no longer exists." : `Not now: ${result.why}`;
  redirect(`/admin/delivery?problem=${encodeURIComponent(why)}`);
}

/** Admins only (checked here and in the data layer). */
export async function retryMessageAction(formData: FormData): Promise<void> {
  const admin = await requireStaff("admin");
  const parsed = idForm.safeParse({ id: formData.get("id") });
  if (!parsed.success) redirect("/admin/delivery?problem=That%20message%20id%20is%20not%20valid.");
  answer(await retryDeliveryMessage(admin, parsed.data.id), "Queued again.");
}

export async function cancelMessageAction(formData: FormData): Promise<void> {
  const admin = await requireStaff("admin");
  const parsed = idForm.safeParse({ id: formData.get("id") });
  if (!parsed.success) redirect("/admin/delivery?problem=That%20message%20id%20is%20not%20valid.");
  answer(await cancelDeliveryMessage(admin, parsed.data.id), "Cancelled.");
}

export async function setDeliveryPausedAction(formData: FormData): Promise<void> {
  const admin = await requireStaff("admin");
  const parsed = pauseForm.safeParse({ campaignId: formData.get("campaignId"), paused: formData.get("paused") });
  if (!parsed.success) redirect("/admin/delivery?problem=Choose%20a%20campaign.");
  const paused = parsed.data.paused === "true";
  answer(await setCampaignDeliveryPaused(admin, parsed.data.campaignId, paused), paused ? "Sending paused." : "Sending resumed.");
}
