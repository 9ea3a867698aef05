"use client";
// How the letters go out, the supporter's email address, and what they agree to for it.
import { sendingChannels, type SendingChannel } from "@/lib/core/vocabulary";
import { defaultChannel, textOf, type FormPartProps } from "./builder-form";
import { FieldError } from "./field-error";

/** Where each sending channel stands in the form: the supporter's own email first, our server's third. */
const channelPlace: Record<SendingChannel, number> = {
  own_email_client: 0,
  pdf_print: 1,
  platform_email: 2,
  self_reported: 3,
};
const builderChannels = [...sendingChannels].sort((a, b) => channelPlace[a] - channelPlace[b]);

export function ChannelFields({ t, values, errors }: FormPartProps) {
  return (
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
            defaultChecked={(textOf(values, "channel") || defaultChannel) === value}
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
        defaultValue={textOf(values, "email")}
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
  );
}
