"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { campaignInputSchema } from "@/lib/admin/campaign-schema";
import { saveCampaign } from "@/lib/admin/campaigns";
import type { AdminFormState } from "@/lib/admin/form-state";
import { requireStaff } from "@/lib/auth/session";
import { problemsOf } from "@/lib/core/errors";
import { adminLanguage } from "@/lib/i18n/admin-language";
import { refused, unsaved } from "../save-answers";

const textFields = ["title", "summary", "context", "whyItMatters", "safetyNotice", "organiser", "firstStep"] as const;

/** The editor's FormData as the campaign schema's input (see components/admin/campaign-form.tsx for the names). */
function campaignFromForm(formData: FormData) {
  const get = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  const languages = get("languages")
    .split(/[\s,]+/)
    .map((l) => l.trim().toLowerCase())
    .filter(Boolean);
  const newCode = get("new.code").trim().toLowerCase();
  const sections = languages.map((code) => ({ code, prefix: code }));
  if (newCode && !languages.includes(newCode)) {
    languages.push(newCode);
    sections.push({ code: newCode, prefix: "new" });
  }
  const texts: Record<string, Record<string, string>> = {};
  const demands: Record<string, string[]> = {};
  const templates: Record<string, Record<string, string | string[]>> = {};
  // Variants are one per line: a subject never has a line break, and a paragraph needs none.
  const lines = (name: string) =>
    get(name)
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);
  for (const { code, prefix } of sections) {
    if (textFields.some((f) => formData.has(`text.${prefix}.${f}`)))
      texts[code] = Object.fromEntries(textFields.map((f) => [f, get(`text.${prefix}.${f}`)]));
    demands[code] = get(`demands.${prefix}`)
      .split(/\r?\n/)
      .map((d) => d.trim())
      .filter(Boolean);
    if (formData.has(`template.${prefix}.body`))
      templates[code] = {
        subject: get(`template.${prefix}.subject`),
        body: get(`template.${prefix}.body`),
        xPost: get(`template.${prefix}.xPost`),
        subjectVariants: lines(`template.${prefix}.subjectVariants`),
        openingVariants: lines(`template.${prefix}.openingVariants`),
        closingVariants: lines(`template.${prefix}.closingVariants`),
      };
  }
  return {
    slug: get("slug"),
    organiser: get("organiser"),
    status: get("status"),
    languages,
    signatureGoal: get("signatureGoal"),
    ...(formData.has("hourlyCap") ? { hourlyCap: get("hourlyCap") } : {}),
    appealDate: get("appealDate"),
    opensAt: get("opensAt"),
    closesAt: get("closesAt"),
    texts,
    demands,
    templates,
    addresseeIds: formData.getAll("addressee").filter((v): v is string => typeof v === "string"),
  };
}

/** Creates or updates a campaign. Admins only: checked here and in saveCampaign. */
export async function saveCampaignAction(_previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const admin = await requireStaff("admin");
  const language = await adminLanguage();
  const id = z.uuid().safeParse(formData.get("id"));
  const parsed = campaignInputSchema.safeParse(campaignFromForm(formData));
  if (!parsed.success) {
    // A problem with the whole campaign (no field) is shown at the top of the form.
    const { "": whole, ...fields } = problemsOf(parsed.error);
    return refused(language, formData, whole ? { form: whole, ...fields } : fields);
  }
  const version = formData.get("version");
  const result = await saveCampaign(
    admin,
    id.success ? id.data : null,
    parsed.data,
    typeof version === "string" && version ? new Date(version) : null,
  );
  if (result.outcome !== "saved") return unsaved(language, formData, result, "campaignEditor");
  redirect(language.href(`/admin/campaigns/${result.id}?saved=1`));
}
