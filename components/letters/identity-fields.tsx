"use client";
// How the supporter signs: how much of their identity the letters carry, their name and city.
import { identityLevels } from "@/lib/core/vocabulary";
import { defaultIdentity, textOf, type FormPartProps } from "./builder-form";
import { describedBy, FieldError } from "./field-error";

export function IdentityFields({ t, values, errors }: FormPartProps) {
  return (
    <fieldset>
      <legend>
        <h2>{t("signHeading")}</h2>
      </legend>
      <p className="warning">{t("signWarning")}</p>
      {identityLevels.map((value, i) => (
        <label key={value} className="choice">
          <input
            type="radio"
            name="identity"
            value={value}
            id={i === 0 ? "identity" : undefined}
            defaultChecked={(textOf(values, "identity") || defaultIdentity) === value}
          />
          {t(`identity.${value}`)}
        </label>
      ))}
      <label className="field" htmlFor="name">
        {t("name")} <span className="small">{t("nameHint")}</span>
      </label>
      <input
        id="name"
        name="name"
        type="text"
        maxLength={100}
        autoComplete="name"
        defaultValue={textOf(values, "name")}
        aria-invalid={Boolean(errors.name)}
        aria-describedby={describedBy("name", errors)}
      />
      <FieldError name="name" errors={errors} />
      <label className="field" htmlFor="city">
        {t("city")} <span className="small">{t("cityHint")}</span>
      </label>
      <input
        id="city"
        name="city"
        type="text"
        maxLength={100}
        defaultValue={textOf(values, "city")}
        aria-invalid={Boolean(errors.city)}
        aria-describedby={describedBy("city", errors)}
      />
      <FieldError name="city" errors={errors} />
    </fieldset>
  );
}
