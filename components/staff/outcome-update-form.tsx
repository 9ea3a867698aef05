"use client";
import { useActionState } from "react";
import { createTranslator } from "use-intl";
import { keepValuesOnSubmit } from "@/components/admin/use-keep-values-submit";
import type { Messages } from "@/lib/i18n/messages";
import { startingState, type UpdateFormState } from "./outcome-update-form-state";

/** The form's texts: only its own part of the staff catalogue reaches the browser. */
export type UpdateFormMessages = Pick<Messages, "staffUpdates">;

type Props = {
  action: (state: UpdateFormState, formData: FormData) => Promise<UpdateFormState>;
  /** Each campaign language staff may write in, with the label that says how many would get it. */
  targets: { value: string; label: string }[];
  locale: string;
  messages: UpdateFormMessages;
};

/**
 * Write, preview, then send to the number shown. Works without JavaScript:
 * each step is a plain form post to the server action, and the draft goes
 * along in hidden fields, so nothing typed is lost between steps.
 */
export function UpdateForm({ action, targets, locale, messages }: Props) {
  const t = createTranslator({ locale, messages, namespace: "staffUpdates" });
  const [state, formAction, pending] = useActionState(action, startingState);

  if (state.step === "sent") {
    return (
      <p role="status" className="form-ok" data-testid="update-sent">
        {state.message}
      </p>
    );
  }

  if (state.step === "preview") {
    const { draft } = state;
    return (
      <form action={formAction}>
        {state.message && (
          <p role="alert" className="form-error">
            {state.message}
          </p>
        )}
        <h3>{t("previewHeading")}</h3>
        <p className="muted">{t("previewNote")}</p>
        <div className="letter-text" data-testid="update-preview">
          <p>
            <strong>{t("subjectLine", { subject: state.email.subject })}</strong>
          </p>
          <p>{state.email.text}</p>
        </div>
        <input type="hidden" name="target" value={draft.target} />
        <input type="hidden" name="subject" value={draft.subject} />
        <input type="hidden" name="body" value={draft.body} />
        <input type="hidden" name="expected" value={state.recipients} />
        <p className="output-actions">
          {state.recipients > 0 ? (
            <button type="submit" name="intent" value="send" disabled={pending}>
              {t("send", { count: state.recipients })}
            </button>
          ) : (
            <span role="status">{t("nobody")}</span>
          )}
          <button type="submit" name="intent" value="edit" disabled={pending}>
            {t("edit")}
          </button>
        </p>
      </form>
    );
  }

  const problems = state.problems ?? [];
  const problemOf = (field: "subject" | "body") => problems.find((p) => p.field === field)?.text;
  const field = (name: "subject" | "body") => {
    const problem = problemOf(name);
    return problem
      ? { "aria-invalid": true as const, "aria-describedby": `${name}-error` }
      : { "aria-invalid": undefined, "aria-describedby": undefined };
  };
  // Submitted without React's form reset, so a refused draft keeps its campaign choice.
  return (
    <form action={formAction} onSubmit={keepValuesOnSubmit(formAction)}>
      {problems.length > 0 && (
        <div className="error-summary" role="alert" aria-labelledby="update-problems">
          <h3 id="update-problems">{t("problemHeading")}</h3>
          <ul>
            {problems.map((problem) => (
              <li key={problem.field + problem.text}>
                <a href={`#${problem.field}`}>{problem.text}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {state.message && (
        <p role="alert" className="form-error">
          {state.message}
        </p>
      )}
      <label htmlFor="target">{t("target")}</label>
      <select id="target" name="target" defaultValue={state.draft?.target} required>
        {targets.map((target) => (
          <option key={target.value} value={target.value}>
            {target.label}
          </option>
        ))}
      </select>
      <label htmlFor="subject">{t("subject")}</label>
      {problemOf("subject") && (
        <p id="subject-error" className="field-error">
          {problemOf("subject")}
        </p>
      )}
      <input id="subject" name="subject" defaultValue={state.draft?.subject} maxLength={300} {...field("subject")} />
      <label htmlFor="body">{t("body")}</label>
      <p className="muted" id="body-hint">
        {t("plainText")}
      </p>
      {problemOf("body") && (
        <p id="body-error" className="field-error">
          {problemOf("body")}
        </p>
      )}
      <textarea
        id="body"
        name="body"
        rows={12}
        defaultValue={state.draft?.body}
        {...field("body")}
        aria-describedby={problemOf("body") ? "body-hint body-error" : "body-hint"}
      />
      <p>
        <button type="submit" name="intent" value="preview" disabled={pending}>
          {t("preview")}
        </button>
      </p>
    </form>
  );
}
