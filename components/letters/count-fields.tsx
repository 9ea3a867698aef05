"use client";
// Consent to be counted (required) and to be contacted about the campaign.
import type { FormPartProps } from "./builder-form";
import { describedBy, FieldError } from "./field-error";

export function CountFields({ t, values, errors }: FormPartProps) {
  return (
    <fieldset>
      <legend>
        <h2>{t("countHeading")}</h2>
      </legend>
      <label className="choice">
        <input
          type="checkbox"
          id="consentCounted"
          name="consentCounted"
          defaultChecked={values.consentCounted === true}
          aria-invalid={Boolean(errors.consentCounted)}
          aria-describedby={describedBy("consentCounted", errors)}
        />
        <span>{t("consentCounted")}</span>
      </label>
      <FieldError name="consentCounted" errors={errors} />
      <label className="choice">
        <input
          type="checkbox"
          id="consentContact"
          name="consentContact"
          defaultChecked={values.consentContact === true}
        />
        <span>{t("consentContact")}</span>
      </label>
    </fieldset>
  );
}
