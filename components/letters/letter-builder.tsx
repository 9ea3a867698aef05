"use client";
// The letter builder. Works as a plain HTML form without JavaScript (the
// server action answers with the preview, errors or the thank-you view); with
// JavaScript the preview and the embassy offer update as the supporter types.
// Each part of the form is its own component beside this one; this one holds
// the form's state and the hidden fields. The letter's language is a field of
// the form, apart from the interface language: changing it is a submission
// (intent "language") that keeps everything typed.
import { useActionState, useState, type FormEvent, type ReactNode } from "react";
import type { LetterBuilder as BuilderData } from "@/lib/letters/get-letter-builder";
import type { LetterFormState } from "@/lib/signatures/letter-form-state";
import { AddresseeFields } from "./addressee-fields";
import {
  builderTranslator,
  defaultChannel,
  defaultIdentity,
  textOf,
  valuesOf,
  type BuilderMessages,
} from "./builder-form";
import { ChannelFields } from "./channel-fields";
import { CountFields } from "./count-fields";
import { ErrorSummary } from "./error-summary";
import { IdentityFields } from "./identity-fields";
import { LetterPreview } from "./letter-preview";
import { LetterTextFields } from "./letter-text-fields";
import { ProofOfWorkField } from "./proof-of-work-field";
import { ThankYouView } from "./thank-you-view";

export type { BuilderMessages } from "./builder-form";

type Props = {
  /** The builder in each language the campaign has a letter in. */
  builders: Record<string, BuilderData>;
  /** The letter language the form starts in (a key of builders). */
  language: string;
  /** The partner code the supporter came by (?source=), passed on as it is; the server checks it. */
  source?: string;
  countries: { code: string; name: string }[];
  submissionKey: string;
  /** Draws each letter's variant of the template (lib/letters/variants.ts); one per page view, as the key. */
  seed: string;
  action: (state: LetterFormState, form: FormData) => Promise<LetterFormState>;
  /** The interface language and its texts (the letter has its own language). */
  locale: string;
  messages: BuilderMessages;
  /** The campaign's share links, shown with the thank-you view (a server component, passed through). */
  share?: ReactNode;
};

export function LetterBuilder({
  builders,
  language,
  source,
  countries,
  submissionKey,
  seed,
  action,
  locale,
  messages,
  share,
}: Props) {
  const t = builderTranslator(locale, messages);
  const first = builders[language]!;
  const initial: LetterFormState = {
    version: 0,
    values: {
      addressees: first.addressees.filter((a) => a.preselected).map((a) => a.id),
      language: first.language,
      subject: first.template.subject,
      body: first.template.body,
      identity: defaultIdentity,
      channel: defaultChannel,
      submissionKey,
      seed,
    },
  };
  const [state, formAction, pending] = useActionState(action, initial);
  // What the supporter typed since the server's last answer: a new answer (a
  // changed letter language, the template again) starts from its own values.
  const [typed, setTyped] = useState<{ version: number; values: Record<string, unknown> } | null>(null);
  const live = typed?.version === state.version ? typed.values : null;
  // The live preview's code (schema and composer), fetched at the first change.
  const [livePreview, setLivePreview] = useState<typeof import("./live-preview") | null>(null);
  // The letter's language as the server last answered (names, salutations and template follow it).
  // Own keys only: a typed "constructor" or "toString" is not a language.
  const chosen = textOf(state.values, "language");
  const builder = Object.hasOwn(builders, chosen) ? builders[chosen]! : first;

  if (state.thankYou)
    return (
      <ThankYouView
        builder={builder}
        thankYou={state.thankYou}
        locale={locale}
        messages={messages}
        share={share}
        contactConfirmation={Boolean(textOf(state.values, "email")) && state.values.consentContact === true}
      />
    );

  const values = live ? { ...state.values, ...live } : state.values;
  const errors = state.fieldErrors ?? {};
  const preview = (live && livePreview ? livePreview.previewFrom(builder, values) : null) ?? state.preview ?? null;

  const onChange = (event: FormEvent<HTMLFormElement>) => {
    setTyped({ version: state.version, values: valuesOf(event.currentTarget) });
    if (!livePreview) void import("./live-preview").then(setLivePreview);
  };

  return (
    <div className="builder" lang={locale}>
      <p className="eyebrow">
        <a href={`/c/${first.campaign.slug}?lang=${first.campaign.language}`}>{first.campaign.title}</a>
      </p>
      <h1>{t("title")}</h1>
      <aside className="safety" aria-labelledby="builder-safety">
        <h2 id="builder-safety">{t("beforeYouWrite")}</h2>
        <p lang={first.campaign.language}>{first.campaign.safetyNotice}</p>
      </aside>

      {Object.keys(errors).length > 0 ? (
        <ErrorSummary t={t} errors={errors} message={state.message} version={state.version} />
      ) : state.message ? (
        <p className="form-message" role="alert">
          {state.message}
        </p>
      ) : null}

      <form action={formAction} key={state.version} onChange={onChange} noValidate>
        {source || textOf(values, "source") ? (
          <input type="hidden" name="source" value={textOf(values, "source") || source} />
        ) : null}
        <input type="hidden" name="submissionKey" value={textOf(values, "submissionKey") || submissionKey} />
        <input type="hidden" name="seed" value={textOf(values, "seed") || seed} />
        <div className="hp" aria-hidden="true">
          <label>
            {t("honeypot")}
            <input type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
          </label>
        </div>

        <AddresseeFields t={t} values={values} errors={errors} builder={builder} countries={countries} />
        <LetterTextFields
          t={t}
          values={values}
          errors={errors}
          builder={builder}
          textKept={state.textKept === true}
          focusLanguage={state.focus === "language"}
        />
        <IdentityFields t={t} values={values} errors={errors} />
        <LetterPreview t={t} preview={preview} language={builder.language} />
        <ChannelFields t={t} values={values} errors={errors} builder={builder} />
        <CountFields t={t} values={values} errors={errors} />

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
