"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { AdminFormState } from "@/lib/admin/form-state";
import { sourceInputSchema, sourceRefSchema } from "@/lib/admin/source-schema";
import { addSource, deleteSource } from "@/lib/admin/sources";
import { requireStaff } from "@/lib/auth/session";
import { problemsOf } from "@/lib/core/errors";
import { adminLanguage } from "@/lib/i18n/admin-language";
import { refused } from "../save-answers";

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

/** Defines a partner code. Admins only: checked here and in addSource. */
export async function addSourceAction(_previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const admin = await requireStaff("admin");
  const language = await adminLanguage();
  const parsed = sourceInputSchema.safeParse({
    campaignId: text(formData, "campaignId"),
    code: text(formData, "code"),
    label: text(formData, "label"),
  });
  if (!parsed.success) return refused(language, formData, problemsOf(parsed.error));
  const result = await addSource(admin, parsed.data);
  if (result.outcome === "invalid") return refused(language, formData, result.problems);
  revalidatePath("/admin/sources");
  return { status: "saved", message: language.t("sources.added", { code: result.code }) };
}

/** Deletes a code with no signature. Admins only: checked here and in deleteSource. */
export async function deleteSourceAction(formData: FormData): Promise<void> {
  const admin = await requireStaff("admin");
  const { href } = await adminLanguage();
  const parsed = sourceRefSchema.safeParse({ campaignId: text(formData, "campaignId"), code: text(formData, "code") });
  if (!parsed.success) redirect(href("/admin/sources?problem=gone"));
  const result = await deleteSource(admin, parsed.data.campaignId, parsed.data.code);
  if (result.outcome === "deleted") redirect(href("/admin/sources?done=deleted"));
  redirect(href(`/admin/sources?problem=${result.outcome === "in_use" ? "inUse" : "gone"}`));
}
