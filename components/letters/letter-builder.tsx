"use client";
// The letter builder. Works as a plain HTML form without JavaScript (the
// server action answers with the preview, errors or the thank-you view); with
// JavaScript the preview and the embassy offer update as the supporter types.
import { useActionState, useState, type FormEvent } from "react";
import { composeLetters, type LetterAddressee } from "@/lib/letters/compose-letters";
import type { LetterBuilder as BuilderData } from "@/lib/letters/get-letter-builder";
import { letterContentSchema } from "@/lib/letters/schema";
import type { LetterFormState, PreviewLetter } from "@/lib/signatures/letter-form-state";
import { FieldError } from "./field-error";
import { ProofOfWorkField } from "./proof-of-work-field";
import { ThankYouView } from "./thank-you-view";
import { createTranslator } from "use-intl";
import { languageNames } from "@/lib/i18n/language-names";
import { identityLevels, sendingChannels, type IdentityLevel, type SendingChannel } from "@/lib/core/vocabulary";
import type { Messages } from "@/lib/i18n/messages";

export type BuilderMessages = Pick<Messages, "builder" | "thankYou">;

const defaultIdentity: IdentityLevel = identityLevels[0];
const defaultChannel: SendingChannel = "own_email_client";
/** Where each sending channel stands in the form: the supporter's own email first, our server's third. */
const channelPlace: Record<SendingChannel, number> = {
  own_email_client: 0,
  pdf_print: 1,
  platform_email: 2,
  self_reported: 3,
};
const builderChannels = [...sendingChannels].sort((a, b) => channelPlace[a] - channelPlace[b]);

type Props = {
  builder: BuilderData;
  countries: { code: string; name: string }[];
  submissionKey: string;
  action: (state: LetterFormState, form: FormData) => Promise<LetterFormState>;
  /** The interface language and its texts (the letter has its own language). */
  locale: string;
  messages: BuilderMessages;
};

function previewFrom(builder: BuilderData, values: Record<string, unknown>): PreviewLetter[] | null {
  const parsed = letterContentSchema.safeParse(values);
  if (!parsed.success) return null;
  const known = new Map<string, LetterAddressee>(
    [...builder.addressees, ...Object.values(builder.embassies)].map((a) => [a.id, a]),
  );
  const chosen = parsed.data.addressees.map((id) => known.get(id)).filter((a): a is LetterAddressee => Boolean(a));
  return composeLetters(chosen, parsed.data).map((l) => ({
    addresseeId: l.addressee.id,
    addressBlock: l.addressBlock,
    dateLine: l.dateLine,
    subject: l.subject,
    text: l.text,
  }));
}

function valuesOf(form: HTMLFormElement): Record<string, unknown> {
  const data = new FormData(form);
  const text = (name: string) => {
    const v = data.get(name);
    return typeof v === "string" && v.trim() !== "" ? v : undefined;
  };
  return {
    addressees: data.getAll("addressees"),
    language: text("language"),
    subject: data.get("subject"),
    body: data.get("body"),
    identity: text("identity"),
    name: text("name"),
    city: text("city"),
    country: text("country"),
    channel: text("channel"),
  };
}

export function LetterBuilder({ builder, countries, submissionKey, action, locale, messages }: Props) {
  const t = createTranslator({ locale, messages, namespace: "builder" });
  const initial: LetterFormState = {
    version: 0,
    values: {
      addressees: builder.addressees.filter((a) => a.preselected).map((a) => a.id),
      language: builder.language,
      subject: builder.template.subject,
      body: builder.template.body,
      identity: defaultIdentity,
      channel: defaultChannel,
      submissionKey,
    },
  };
  const [state, formAction, pending] = useActionState(action, initial);
  const [live, setLive] = useState<Record<string, unknown> | null>(null);

  if (state.thankYou)
    return <ThankYouView builder={builder} thankYou={state.thankYou} locale={locale} messages={messages} />;

  const values = live ? { ...state.values, ...live } : state.values;
  const errors = state.fieldErrors ?? {};
  const chosen = new Set(Array.isArray(values.addressees) ? (values.addressees as string[]) : []);
  const country = typeof values.country === "string" ? values.country.toUpperCase() : "";
  const embassy = country ? builder.embassies[country] : undefined;
  const embassyIsListed = embassy ? builder.addressees.some((a) => a.id === embassy.id) : false;
  const countryName = countries.find((c) => c.code === country)?.name;
  const preview = (live ? previewFrom(builder, values) : null) ?? state.preview ?? null;
  const str = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : "");

  const onChange = (event: FormEvent<HTMLFormElement>) => setLive(valuesOf(event.currentTarget));

  return (
    <div className="builder" lang={locale}>
      <p className="eyebrow">
        <a href={`/c/${builder.campaign.slug}?lang=${builder.campaign.language}`}>{builder.campaign.title}</a>
      </p>
      <h1>{t("title")}</h1>
      <aside className="safety" aria-labelledby="builder-safety">
        <h2 id="builder-safety">{t("beforeYouWrite")}</h2>
        <p lang={builder.campaign.language}>{builder.campaign.safetyNotice}</p>
      </aside>

      {state.message ? (
        <p className="form-message" role="alert">
          {state.message}
        </p>
      ) : null}

      <form action={formAction} key={state.version} onChange={onChange} noValidate>
        <input type="hidden" name="language" value={builder.language} />
        <input type="hidden" name="submissionKey" value={str("submissionKey") || submissionKey} />
        <div className="hp" aria-hidden="true">
          <label>
            {t("honeypot")}
            <input type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
          </label>
        </div>

        <fieldset>
          <legend>
            <h2>{t("whoHeading")}</h2>
          </legend>
          <FieldError name="addressees" errors={errors} />
          <ul className="choices">
            {builder.addressees.map((a) => (
              <li key={a.id}>
                <label>
                  <input type="checkbox" name="addressees" value={a.id} defaultChecked={chosen.has(a.id)} />
                  <span>
                    <strong>{a.name}</strong>, {a.role}
                    <span className="small">
                      {" "}
                      · {a.emails.length ? a.emails.join(", ") : a.xHandle ? `X: @${a.xHandle}` : t("noEmailOrX")}
                    </span>
                  </span>
                </label>
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
            aria-describedby="embassy-note"
            aria-invalid={Boolean(errors.country)}
          >
            <option value="">{t("choose")}</option>
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
            {country && !embassy && countryName ? (
              <p className="notice">{t("noEmbassy", { country: countryName })}</p>
            ) : null}
          </div>
        </fieldset>

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
            defaultValue={str("subject")}
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
            defaultValue={str("body")}
            aria-invalid={Boolean(errors.body)}
          />
          <FieldError name="body" errors={errors} />
          <button type="submit" name="intent" value="reset" className="secondary" formNoValidate>
            {t("backToTemplate")}
          </button>
        </fieldset>

        <fieldset>
          <legend>
            <h2>{t("signHeading")}</h2>
          </legend>
          <p className="warning">{t("signWarning")}</p>
          {identityLevels.map((value) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name="identity"
                value={value}
                defaultChecked={(str("identity") || defaultIdentity) === value}
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
            defaultValue={str("name")}
            aria-invalid={Boolean(errors.name)}
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
            defaultValue={str("city")}
            aria-invalid={Boolean(errors.city)}
          />
          <FieldError name="city" errors={errors} />
        </fieldset>

        <section aria-labelledby="preview-heading" className="preview">
          <h2 id="preview-heading">{t("previewHeading")}</h2>
          <button type="submit" name="intent" value="preview" className="secondary" formNoValidate>
            {t("updatePreview")}
          </button>
          <div aria-live="polite">
            {preview && preview.length > 0 ? (
              preview.map((letter) => (
                <article
                  key={letter.addresseeId}
                  className="letter-preview"
                  data-testid="letter-preview"
                  lang={builder.language}
                >
                  <p className="address-block">{letter.addressBlock.join("\n")}</p>
                  <p className="date-line">{letter.dateLine}</p>
                  <p>
                    <strong>{letter.subject}</strong>
                  </p>
                  <p className="letter-text">{letter.text}</p>
                </article>
              ))
            ) : (
              <p className="small">{t("previewEmpty")}</p>
            )}
          </div>
        </section>

        <fieldset>
          <legend>
            <h2>{t("channelHeading")}</h2>
          </legend>
          <FieldError name="channel" errors={errors} />
          {builderChannels.map((value) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name="channel"
                value={value}
                defaultChecked={(str("channel") || defaultChannel) === value}
              />
              <span>
                {t(`channels.${value}.label`)}
                <span className="small block">{t(`channels.${value}.hint`)}</span>
              </span>
            </label>
          ))}
          <p className="small">{t("channels.x_post.hint")}</p>
          <label className="field" htmlFor="email">
            {t("email")} <span className="small">{t("emailHint")}</span>
          </label>
          <input
            id="email"
            name="email"
            type="email"
            maxLength={254}
            autoComplete="email"
            defaultValue={str("email")}
            aria-invalid={Boolean(errors.email)}
          />
          <FieldError name="email" errors={errors} />
          <label className="choice">
            <input type="checkbox" name="consentIdentity" defaultChecked={values.consentIdentity === true} />
            <span>{t("consentIdentity")}</span>
          </label>
          <FieldError name="consentIdentity" errors={errors} />
          <label className="choice">
            <input
              type="checkbox"
              name="replyToMe"
              defaultChecked={values.replyToMe === true}
              aria-describedby="reply-to-me-warning"
            />
            <span>{t("replyToMe")}</span>
          </label>
          <p id="reply-to-me-warning" className="small warning">
            {t("replyToMeWarning")}
          </p>
        </fieldset>

        <fieldset>
          <legend>
            <h2>{t("countHeading")}</h2>
          </legend>
          <label className="choice">
            <input
              type="checkbox"
              name="consentCounted"
              defaultChecked={values.consentCounted === true}
              aria-invalid={Boolean(errors.consentCounted)}
            />
            <span>{t("consentCounted")}</span>
          </label>
          <FieldError name="consentCounted" errors={errors} />
          <label className="choice">
            <input type="checkbox" name="consentContact" defaultChecked={values.consentContact === true} />
            <span>{t("consentContact")}</span>
          </label>
        </fieldset>

        <ProofOfWorkField />
        <p className="cta">
          <button type="submit" name="intent" value="send" className="button" disabled={pending}>
            {pending ? t("recording") : t("sign")}
          </button>
        </p>
      </form>
    </div>
  );
}
