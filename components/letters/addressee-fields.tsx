"use client";
// The letter builder's first part: whom to write to, the supporter's country,
// and the offer of that country's Russian embassy (the directory).
import { countryNotGiven } from "@/lib/letters/countries";
import type { BuilderAddressee, LetterBuilder as BuilderData } from "@/lib/letters/get-letter-builder";
import type { BuilderTranslator, FormPartProps } from "./builder-form";
import { describedBy, FieldError } from "./field-error";

export function AddresseeFields({
  t,
  values,
  errors,
  builder,
  countries,
}: FormPartProps & { builder: BuilderData; countries: { code: string; name: string }[] }) {
  const chosen = new Set(Array.isArray(values.addressees) ? (values.addressees as string[]) : []);
  const country = typeof values.country === "string" ? values.country.toUpperCase() : "";
  const embassy = country ? builder.embassies[country] : undefined;
  const embassyIsListed = embassy ? builder.addressees.some((a) => a.id === embassy.id) : false;
  const countryName = countries.find((c) => c.code === country)?.name;
  return (
    <fieldset>
      <legend>
        <h2>{t("whoHeading")}</h2>
      </legend>
      <FieldError name="addressees" errors={errors} />
      <ul className="choices">
        {builder.addressees.map((a, i) => (
          <li key={a.id}>
            <label>
              <input
                type="checkbox"
                name="addressees"
                value={a.id}
                defaultChecked={chosen.has(a.id)}
                // The first box is where the error summary's link lands.
                id={i === 0 ? "addressees" : undefined}
                aria-describedby={i === 0 ? describedBy("addressees", errors) : undefined}
              />
              <span>
                <strong>{a.name}</strong>, {a.role}
                <span className="small">
                  {" "}
                  · {a.emails.length ? a.emails.join(", ") : a.xHandle ? `X: @${a.xHandle}` : t("noEmailOrX")}
                </span>
              </span>
            </label>
            {a.paused ? <FallbackNote t={t} addressee={a} /> : null}
          </li>
        ))}
      </ul>

      <label className="field" htmlFor="country">
        {t("country")} <span className="small">{t("countryHint")}</span>
      </label>
      <select
        id="country"
        name="country"
        defaultValue={country}
        aria-describedby={describedBy("country", errors, "embassy-note")}
        aria-invalid={Boolean(errors.country)}
      >
        <option value="">{t("choose")}</option>
        <option value={countryNotGiven}>{t("countryNotGiven")}</option>
        {countries.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
      </select>
      <FieldError name="country" errors={errors} />
      <div id="embassy-note" aria-live="polite">
        {country === "RU" ? <p className="warning">{t("russiaWarning")}</p> : null}
        {embassy && !embassyIsListed ? (
          <label className="choice-extra">
            <input type="checkbox" name="addressees" value={embassy.id} defaultChecked />
            <span>
              {t("alsoWriteTo")} <strong>{embassy.name}</strong>
              {embassy.emails.length ? <span className="small"> · {embassy.emails.join(", ")}</span> : null}
            </span>
          </label>
        ) : null}
        {/* Russia has no Russian embassy of its own to write to: the warning above says what matters there. */}
        {country && country !== "RU" && !embassy && countryName ? (
          <p className="notice">{t("noEmbassy", { country: countryName })}</p>
        ) : null}
      </div>
    </fieldset>
  );
}

/**
 * What a supporter can do for an addressee our server does not email now:
 * the fallback the admin set (its web form, its postal address, or the
 * Russian embassy in their own country). Plain links and text: no JavaScript needed.
 */
function FallbackNote({ t, addressee }: { t: BuilderTranslator; addressee: BuilderAddressee }) {
  const fallback = addressee.fallback;
  return (
    <div className="notice fallback" data-testid="fallback" id={`fallback-${addressee.id}`}>
      <p>{t("pausedNote")}</p>
      {fallback.kind === "web_form" ? (
        <p>
          {t("fallbackWebForm")}{" "}
          <a href={fallback.url} rel="noopener noreferrer" target="_blank">
            {t("fallbackWebFormLink")}
          </a>
        </p>
      ) : fallback.kind === "post" ? (
        <>
          <p>{t("fallbackPost")}</p>
          <p className="address-block">{[addressee.name, fallback.postalAddress].join("\n")}</p>
        </>
      ) : fallback.kind === "embassy" ? (
        <p>{t("fallbackEmbassy")}</p>
      ) : (
        <p>{t("fallbackNone")}</p>
      )}
    </div>
  );
}
