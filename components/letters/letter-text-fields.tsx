"use client";
// The letter itself: its language, subject and text, and the way back to the template.
import { languageNames } from "@/lib/i18n/language-names";
import type { LetterBuilder as BuilderData } from "@/lib/letters/get-letter-builder";
import { textOf, type FormPartProps } from "./builder-form";
import { FieldError } from "./field-error";

export function LetterTextFields({ t, values, errors, builder }: FormPartProps & { builder: BuilderData }) {
  return (
    <fieldset>
      <legend>
        <h2>{t("letterHeading")}</h2>
      </legend>
      {builder.templateLanguages.length > 1 ? (
        <p className="small">
          {t("letterLanguage")}{" "}
          {builder.templateLanguages.map((l, i) => (
            <span key={l}>
              {i > 0 ? " · " : null}
              {l === builder.language ? (
                <strong>{languageNames[l] ?? l}</strong>
              ) : (
                <a href={`/c/${builder.campaign.slug}/write?lang=${l}`} hrefLang={l} lang={l}>
                  {languageNames[l] ?? l}
                </a>
              )}
            </span>
          ))}
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
      />
      <FieldError name="subject" errors={errors} />
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
      />
      <FieldError name="body" errors={errors} />
      <button type="submit" name="intent" value="reset" className="secondary" formNoValidate>
        {t("backToTemplate")}
      </button>
    </fieldset>
  );
}
