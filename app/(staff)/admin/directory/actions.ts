"use server";
import { revalidatePath } from "next/cache";
import { importDirectory, maxDirectoryFileBytes } from "@/lib/admin/directory";
import { describeImportProblem } from "@/lib/admin/directory-csv";
import type { AdminFormState } from "@/lib/admin/form-state";
import { requireStaff } from "@/lib/auth/session";
import { adminLanguage } from "@/lib/i18n/admin-language";
import { problemTranslator } from "@/lib/i18n/messages";

/** Imports a directory CSV, all or nothing. Admins only: checked here and in importDirectory. */
export async function importDirectoryAction(_previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const admin = await requireStaff("admin");
  const { locale, t } = await adminLanguage();
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return { status: "error", message: t("directory.chooseFile") };
  if (file.size > maxDirectoryFileBytes) return { status: "error", message: t("directory.fileTooLarge") };
  const result = await importDirectory(admin, await file.text());
  if (result.outcome === "rejected") {
    const translate = problemTranslator(locale, "adminFormErrors");
    return {
      status: "error",
      message: t("directory.rejected"),
      fieldErrors: { rows: result.problems.map((problem) => describeImportProblem(problem, translate)) },
    };
  }
  // The page's table reads the directory: render it again with the new rows.
  revalidatePath("/admin/directory");
  return { status: "saved", message: t("directory.imported", { created: result.created, updated: result.updated }) };
}
