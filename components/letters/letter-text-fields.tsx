"use client";
// The letter itself: its language, subject and text, and the way back to the template.
import { languageNames } from "@/lib/i18n/language-names";
import type { LetterBuilder as BuilderData } from "@/lib/letters/get-letter-builder";
import { textOf, type FormPartProps } from "./builder-form";
import { describedBy, FieldError } from "./field-error";

export function LetterTextFields({
  t,
  values,
  errors,
  builder,
  textKept,
  focusLanguage,
}: FormPartProps & { builder: BuilderData; textKept: boolean; focusLanguage: boolean }) {
  return (
    <fieldset>
      <legend>
        <h2>{t("letterHeading")}</h2>
      </legend>
      {builder.templateLanguages.length > 1 ? (
        <>
          <label className="field" htmlFor="language">
            {t("letterLanguageLabel")} <span className="small">{t("letterLanguageHint")}</span>
          </label>
          {/* A submission of this same form, so nothing typed is lost, with or without JavaScript;
              never on choosing alone, which would move a keyboard user's focus unasked. */}
          <p className="letter-language">
            <select
              id="language"
              name="language"
              defaultValue={builder.language}
              aria-invalid={Boolean(errors.language)}
              aria-describedby={describedBy("language", errors)}
              // Back on the choice after changing the language (the form is drawn anew).
              autoFocus={focusLanguage}
            >
              {builder.templateLanguages.map((l) => (
                <option key={l} value={l} lang={l}>
                  {languageNames[l] ?? l}
                </option>
              ))}
            </select>
            <button type="submit" name="intent" value="language" className="secondary" formNoValidate>
              {t("changeLetterLanguage")}
            </button>
          </p>
          <FieldError name="language" errors={errors} />
        </>
      ) : (
        <input type="hidden" name="language" value={builder.language} />
      )}
      {textKept ? (
        <p className="notice" role="status">
          {t("textKept")}
        </p>
      ) : null}
      <label className="field" htmlFor="subject">
        {t("subject")}
      </label>
      <input
        id="subject"
        name="subject"
        lang={builder.language}
        type="text"
        maxLength={200}
        defaultValue={textOf(values, "subject")}
        aria-invalid={Boolean(errors.subject)}
        aria-describedby={describedBy("subject", errors)}
      />
      <FieldError name="subject" errors={errors} />
      <label className="field" htmlFor="personal">
        {t("personal")} <span className="small">{t("personalHint")}</span>
      </label>
      <textarea
        id="personal"
        name="personal"
        lang={builder.language}
        rows={3}
        maxLength={2000}
        defaultValue={textOf(values, "personal")}
        aria-invalid={Boolean(errors.personal)}
        aria-describedby={describedBy("personal", errors)}
      />
      <FieldError name="personal" errors={errors} />
      <label className="field" htmlFor="body">
        {t("letter")}{" "}
        <span className="small">{t("letterHint", { salutation: "{{salutation}}", signer: "{{signer}}" })}</span>
      </label>
      <textarea
        id="body"
        name="body"
        lang={builder.language}
        rows={16}
        maxLength={8000}
        defaultValue={textOf(values, "body")}
        aria-invalid={Boolean(errors.body)}
        aria-describedby={describedBy("body", errors)}
      />
      <FieldError name="body" errors={errors} />
      {/* A supporter who edits the letter is asked for a sentence of their own (first in the letter). */}
      {edited(textOf(values, "body"), builder.template.body) && !textOf(values, "personal").trim() ? (
        <p className="notice" data-testid="personal-hint">
          {t("editedHint")}
        </p>
      ) : null}
      <button type="submit" name="intent" value="reset" className="secondary" formNoValidate>
        {t("backToTemplate")}
      </button>
    </fieldset>
  );
}

/** Whether the posted letter differs from the template (a browser posts line breaks as CR LF). */
const edited = (body: string, template: string) =>
  body.trim() !== "" && body.replace(/\r\n/g, "\n").trim() !== template.replace(/\r\n/g, "\n").trim();
