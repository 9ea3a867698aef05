// What the admin editors' server actions answer when nothing was saved, in the
// admin's language; everything typed goes back so nothing is lost.
import { submittedValues, type AdminFormState } from "@/lib/admin/form-state";
import { describeProblems, type FieldProblems } from "@/lib/core/errors";
import type { adminLanguage } from "@/lib/i18n/admin-language";
import { problemTranslator } from "@/lib/i18n/messages";

type Language = Awaited<ReturnType<typeof adminLanguage>>;
type Unsaved = { outcome: "invalid"; problems: FieldProblems } | { outcome: "conflict" } | { outcome: "not_found" };

/** The form's problems next to their fields (the schemas and the data layer give codes). */
export function refused({ locale, t }: Language, formData: FormData, problems: FieldProblems): AdminFormState {
  return {
    status: "error",
    message: t("common.nothingSaved"),
    fieldErrors: describeProblems(problems, problemTranslator(locale, "adminFormErrors")),
    values: submittedValues(formData),
  };
}

/** A save the data layer turned down: problems, a newer version saved meanwhile, or a record gone. */
export function unsaved(
  language: Language,
  formData: FormData,
  result: Unsaved,
  editor: "addresseeEditor" | "campaignEditor",
): AdminFormState {
  if (result.outcome === "invalid") return refused(language, formData, result.problems);
  if (result.outcome === "conflict")
    return { status: "error", values: submittedValues(formData), message: language.t(`${editor}.conflict`) };
  return { status: "error", message: language.t(`${editor}.notFound`) };
}
