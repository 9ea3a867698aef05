"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { addresseeInputSchema, addresseeTranslationSchema } from "@/lib/admin/addressee-schema";
import { saveAddressee } from "@/lib/admin/addressees";
import type { AdminFormState } from "@/lib/admin/form-state";
import { requireStaff } from "@/lib/auth/session";
import { problemsOf, type FieldProblems } from "@/lib/core/errors";
import { adminLanguage } from "@/lib/i18n/admin-language";
import { refused, unsaved } from "../save-answers";

const field = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

/** Creates or updates an addressee. Admins only: checked here and in saveAddressee. */
export async function saveAddresseeAction(_previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const admin = await requireStaff("admin");
  const language = await adminLanguage();
  const id = z.uuid().safeParse(field(formData, "id"));
  const parsed = addresseeInputSchema.safeParse(
    Object.fromEntries(
      [
        "key",
        "name",
        "role",
        "organisation",
        "kind",
        "country",
        "emails",
        "xHandle",
        "postalAddress",
        "webFormUrl",
        "salutation",
        "lastVerifiedAt",
        "status",
        "timeZone",
        "officeHours",
        "hourlyCap",
        "deliveryMode",
        "digestFormat",
        "fallback",
      ]
        .map((name) => [name, field(formData, name)])
        .concat([["officeDays", formData.getAll("officeDays").join(",")]]),
    ),
  );
  const problems: FieldProblems = parsed.success ? {} : problemsOf(parsed.error);
  const translations = [];
  for (let i = 0; i < 10; i++) {
    const raw = {
      language: field(formData, `t${i}.language`),
      name: field(formData, `t${i}.name`),
      role: field(formData, `t${i}.role`),
      salutation: field(formData, `t${i}.salutation`),
      organisation: field(formData, `t${i}.organisation`),
    };
    if (!raw.language && !raw.name && !raw.role) continue;
    const translation = addresseeTranslationSchema.safeParse(raw);
    if (translation.success) translations.push(translation.data);
    // A translation's problems are shown together, under its row of fields.
    else problems[`t${i}`] = Object.values(problemsOf(translation.error)).flat();
  }
  if (!parsed.success || Object.keys(problems).length > 0) return refused(language, formData, problems);
  const version = field(formData, "version");
  const result = await saveAddressee(
    admin,
    id.success ? id.data : null,
    parsed.data,
    translations,
    version ? new Date(version) : null,
  );
  if (result.outcome !== "saved") return unsaved(language, formData, result, "addresseeEditor");
  if (!id.success) redirect(language.href(`/admin/addressees/${result.id}?created=1`));
  redirect(language.href(`/admin/addressees/${result.id}?saved=1`));
}
