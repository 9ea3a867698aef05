"use client";
import { useActionState } from "react";
import { createTranslator } from "use-intl";
import { idleFormState, type AdminFormState } from "@/lib/admin/form-state";
import type { AdminMessages } from "./admin-messages";
import { describedBy, FieldError } from "./field-error";
import { SentValues, TextField } from "./text-field";

type Action = (state: AdminFormState, formData: FormData) => Promise<AdminFormState>;

/** Adds a `?source=` code to a campaign; works without JavaScript, keeps what was typed when refused. */
export function SourceForm({
  campaigns,
  action,
  locale,
  messages,
}: {
  campaigns: { id: string; title: string }[];
  action: Action;
  locale: string;
  messages: AdminMessages;
}) {
  const t = createTranslator({ locale, messages, namespace: "admin.sources" });
  const [state, formAction, pending] = useActionState(action, idleFormState);
  const errors = state.fieldErrors;
  const chosen = state.values?.campaignId?.[0];
  return (
    <SentValues.Provider value={state.values}>
      <form action={formAction} noValidate>
        {state.status === "error" && (
          <p role="alert" className="form-error">
            {state.message}
          </p>
        )}
        {state.status === "saved" && (
          <p role="status" className="form-ok">
            {state.message}
          </p>
        )}
        <div className="field">
          <label htmlFor="campaignId">{t("campaign")}</label>
          <select
            id="campaignId"
            name="campaignId"
            key={chosen}
            defaultValue={chosen}
            aria-describedby={describedBy("campaignId", errors?.campaignId)}
          >
            {campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
          <FieldError id="campaignId" errors={errors?.campaignId} />
        </div>
        <TextField name="code" label={t("code")} hint={t("codeHint")} value="" errors={errors} />
        <TextField name="label" label={t("label")} hint={t("labelHint")} value="" errors={errors} />
        <button type="submit" disabled={pending}>
          {t("add")}
        </button>
      </form>
    </SentValues.Provider>
  );
}
