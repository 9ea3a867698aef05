"use client";
// The test send's forms, one per letter language (its addressees and
// variants differ); plain forms that work without JavaScript.
import { useActionState } from "react";
import { createTranslator } from "use-intl";
import { idleFormState, type AdminFormState } from "@/lib/admin/form-state";
import type { AdminMessages } from "./admin-messages";

export type TestSendLanguage = {
  code: string;
  name: string;
  addressees: { id: string; name: string; role: string }[];
  subjects: string[];
  openings: string[];
  closings: string[];
};

type Action = (state: AdminFormState, formData: FormData) => Promise<AdminFormState>;

/** A variant's option label: its number and the start of its text. */
const short = (index: number, text: string) => `${index + 1}: ${text.length > 80 ? `${text.slice(0, 79)}…` : text}`;

export function TestSendForm({
  campaignId,
  languages,
  action,
  locale,
  messages,
}: {
  campaignId: string;
  languages: TestSendLanguage[];
  action: Action;
  locale: string;
  messages: AdminMessages;
}) {
  const t = createTranslator({ locale, messages, namespace: "admin.testSend" });
  const [state, formAction, pending] = useActionState(action, idleFormState);
  return (
    <>
      {state.message ? (
        <p
          role={state.status === "error" ? "alert" : "status"}
          className={state.status === "error" ? "form-error" : "form-ok"}
        >
          {state.message}
        </p>
      ) : null}
      {languages.map((language) => {
        const id = (name: string) => `test-${language.code}-${name}`;
        const variantSelect = (name: "subject" | "opening" | "closing", texts: string[]) => (
          <div className="field">
            <label htmlFor={id(name)}>{t(name)}</label>
            <select id={id(name)} name={name} defaultValue="auto">
              <option value="auto">{t("auto")}</option>
              {texts.map((text, index) => (
                <option key={index} value={index}>
                  {short(index, text)}
                </option>
              ))}
            </select>
          </div>
        );
        return (
          <form key={language.code} action={formAction} lang={locale} data-testid={`test-send-${language.code}`}>
            <fieldset>
              <legend>
                {t("language")}: {language.name}
              </legend>
              <input type="hidden" name="campaignId" value={campaignId} />
              <input type="hidden" name="language" value={language.code} />
              <div className="field">
                <label htmlFor={id("addressee")}>{t("addressee")}</label>
                <select id={id("addressee")} name="addresseeId">
                  {language.addressees.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name}, {a.role}
                    </option>
                  ))}
                </select>
              </div>
              {variantSelect("subject", language.subjects)}
              {language.openings.length > 0 ? variantSelect("opening", language.openings) : null}
              {language.closings.length > 0 ? variantSelect("closing", language.closings) : null}
              <button type="submit" disabled={pending}>
                {t("send")}
              </button>
            </fieldset>
          </form>
        );
      })}
    </>
  );
}
