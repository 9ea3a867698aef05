"use client";
// How the letters go out, the supporter's email address, and what they agree to for it.
import { sendingChannels, type SendingChannel } from "@/lib/core/vocabulary";
import type { LetterBuilder as BuilderData } from "@/lib/letters/get-letter-builder";
import { defaultChannel, textOf, type FormPartProps } from "./builder-form";
import { describedBy, FieldError } from "./field-error";

/** Where each sending channel stands in the form: the supporter's own email first, our server's third. */
const channelPlace: Record<SendingChannel, number> = {
  own_email_client: 0,
  pdf_print: 1,
  platform_email: 2,
  self_reported: 3,
};
const builderChannels = [...sendingChannels].sort((a, b) => channelPlace[a] - channelPlace[b]);

export function ChannelFields({ t, values, errors, builder }: FormPartProps & { builder: BuilderData }) {
  // Addressees chosen whose email is paused: "send them for me" is not for them (their fallback is shown above).
  const chosen = new Set(Array.isArray(values.addressees) ? (values.addressees as string[]) : []);
  const paused = builder.addressees.filter((a) => a.paused && chosen.has(a.id)).map((a) => a.name);
  return (
    <fieldset>
      <legend>
        <h2>{t("channelHeading")}</h2>
      </legend>
      <FieldError name="channel" errors={errors} />
      {builderChannels.map((value, i) => (
        <label key={value} className="choice">
          <input
            type="radio"
            id={i === 0 ? "channel" : undefined}
            name="channel"
            value={value}
            defaultChecked={(textOf(values, "channel") || defaultChannel) === value}
          />
          <span>
            {t(`channels.${value}.label`)}
            <span className="small block">{t(`channels.${value}.hint`)}</span>
            {value === "platform_email" && paused.length > 0 ? (
              <span className="small block warning" data-testid="platform-paused">
                {t("platformPaused", { names: paused.join(", ") })}
              </span>
            ) : null}
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
        defaultValue={textOf(values, "email")}
        aria-invalid={Boolean(errors.email)}
        aria-describedby={describedBy("email", errors)}
      />
      <FieldError name="email" errors={errors} />
      <label className="choice">
        <input
          type="checkbox"
          id="consentIdentity"
          name="consentIdentity"
          defaultChecked={values.consentIdentity === true}
          aria-describedby={describedBy("consentIdentity", errors)}
        />
        <span>{t("consentIdentity")}</span>
      </label>
      <FieldError name="consentIdentity" errors={errors} />
      <label className="choice">
        <input
          type="checkbox"
          id="replyToMe"
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
  );
}
