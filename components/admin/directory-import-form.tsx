"use client";
import { useActionState } from "react";
import { createTranslator } from "use-intl";
import { idleFormState, type AdminFormState } from "@/lib/admin/form-state";
import type { AdminMessages } from "./admin-messages";

type Action = (state: AdminFormState, formData: FormData) => Promise<AdminFormState>;

export function DirectoryImportForm({
  action,
  locale,
  messages,
}: {
  action: Action;
  locale: string;
  messages: AdminMessages;
}) {
  const t = createTranslator({ locale, messages, namespace: "admin.directory" });
  const [state, formAction, pending] = useActionState(action, idleFormState);
  return (
    <form action={formAction}>
      {state.status === "error" && (
        <div role="alert" className="form-error">
          <p>{state.message}</p>
          {state.fieldErrors?.rows && (
            <ul data-testid="import-errors">
              {state.fieldErrors.rows.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {state.status === "saved" && (
        <p role="status" className="form-ok">
          {state.message}
        </p>
      )}
      <label htmlFor="file">{t("file")}</label>
      <input id="file" name="file" type="file" accept=".csv,text/csv" required />
      <button type="submit" disabled={pending}>
        {pending ? t("checking") : t("submit")}
      </button>
    </form>
  );
}
