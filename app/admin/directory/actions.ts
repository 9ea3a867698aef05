"use server";
import { importDirectory, maxDirectoryFileBytes } from "@/lib/admin/directory";
import type { AdminFormState } from "@/lib/admin/form-state";
import { requireStaff } from "@/lib/auth/session";

/** Imports a directory CSV, all or nothing. Admins only: checked here and in importDirectory. */
export async function importDirectoryAction(_previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const admin = await requireStaff("admin");
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return { status: "error", message: "Choose a CSV file to import." };
  if (file.size > maxDirectoryFileBytes) return { status: "error", message: "The file is larger than 1 MB. Nothing was imported." };
  const result = await importDirectory(admin, await file.text());
  if (result.outcome === "rejected") {
    return { status: "error", message: "Nothing was imported. Fix these rows and import the whole file again:", fieldErrors: { rows: result.errors } };
  }
  return { status: "saved", message: `Imported: ${result.created} new, ${result.updated} updated.` };
}
