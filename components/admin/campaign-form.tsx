"use client";
import { useActionState, useState } from "react";
import { createTranslator } from "use-intl";
import type { AdminMessages } from "./admin-messages";
import type { CampaignForEdit } from "@/lib/admin/campaigns";
import { keepValuesOnSubmit } from "./use-keep-values-submit";
import { idleFormState, type AdminFormState } from "@/lib/admin/form-state";
import { composeLetter, type LetterAddressee } from "@/lib/letters/compose-letters";
import { draftFromTemplate, unknownPlaceholders } from "@/lib/letters/placeholders";
import { describedBy, FieldError } from "./field-error";
import { SentValues as Sent, TextField as Field } from "./text-field";

type Action = (state: AdminFormState, formData: FormData) => Promise<AdminFormState>;
type AddresseeText = { name: string; role: string; salutation: string | null; organisation: string | null };
type AddresseeChoice = AddresseeText & {
  id: string;
  kind: LetterAddressee["kind"];
  country: string | null;
  status: string;
  translations: (AddresseeText & { language: string })[];
};

const blankTexts = {
  title: "",
  summary: "",
  context: "",
  whyItMatters: "",
  safetyNotice: "",
  organiser: "",
  firstStep: "",
};
const blankTemplate = {
  subject: "",
  body: "{{salutation}}\n\n{{demands}}\n\n{{signer}}",
  xPost: "",
  subjectVariants: [],
  openingVariants: [],
  closingVariants: [],
};
type TemplateFields = CampaignForEdit["templates"][string];
const variantKinds = ["subjectVariants", "openingVariants", "closingVariants"] as const;
const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
const textFields = ["title", "summary", "context", "whyItMatters", "safetyNotice"] as const;
const bodyPlaceholders = "{{salutation}} {{demands}} {{signer}} {{addressee_name}} {{addressee_role}} {{date}}";

function formTranslator(locale: string, messages: AdminMessages) {
  return createTranslator({ locale, messages, namespace: "admin.campaignForm" });
}
/** The form's texts in the admin's language. */
type Texts = ReturnType<typeof formTranslator> & { locale: string };

/** The addressee as a letter in `language` names and greets it (its translation, else its own fields). */
function inLanguage(a: AddresseeChoice, language: string): LetterAddressee {
  const local = a.translations.find((t) => t.language === language);
  return {
    id: a.id,
    kind: a.kind,
    country: a.country,
    emails: [],
    xHandle: null,
    postalAddress: null,
    name: local?.name ?? a.name,
    role: local?.role ?? a.role,
    organisation: local?.organisation ?? a.organisation,
    salutation: local?.salutation ?? a.salutation,
  };
}

/** A language code Intl accepts: the section's, else (not a code yet) the admin's. */
function usableLanguage(language: string, fallback: string): string {
  try {
    return language && Intl.DateTimeFormat.supportedLocalesOf([language]).length > 0 ? language : fallback;
  } catch {
    return fallback;
  }
}

/**
 * One language's letter template, with a preview that follows what is typed.
 * `language` is the code ("" in the "add a language" section), `label` how the labels name it.
 */
function TemplateEditor({
  prefix,
  language,
  label,
  initial,
  demands,
  recipients,
  errors,
  t,
}: {
  prefix: string;
  language: string;
  label: string;
  initial: TemplateFields;
  demands: string;
  recipients: AddresseeChoice[];
  errors?: Record<string, string[]>;
  t: Texts;
}) {
  const [body, setBody] = useState(initial.body);
  const [subject, setSubject] = useState(initial.subject);
  const [variantText, setVariantText] = useState<Record<(typeof variantKinds)[number], string>>({
    subjectVariants: initial.subjectVariants.join("\n"),
    openingVariants: initial.openingVariants.join("\n"),
    closingVariants: initial.closingVariants.join("\n"),
  });
  const demandList = lines(demands);
  // The preview draws as a supporter's letter does (a fixed seed): admins see the variants in place.
  const variants = {
    subject,
    body: draftFromTemplate(body, demandList),
    subjectVariants: lines(variantText.subjectVariants),
    openingVariants: lines(variantText.openingVariants).map((p) => draftFromTemplate(p, demandList)),
    closingVariants: lines(variantText.closingVariants).map((p) => draftFromTemplate(p, demandList)),
  };
  const letterLanguage = usableLanguage(language, t.locale);
  // The letter each addressee would get, composed as real letters are (their
  // own greeting in this language), signed by a supporter who is plainly a sample.
  const draft = {
    subject,
    body: draftFromTemplate(
      body,
      demands
        .split(/\r?\n/)
        .map((d) => d.trim())
        .filter(Boolean),
    ),
    language: letterLanguage,
    identity: "name_country" as const,
    name: t("sampleSigner"),
    country: "FR",
  };
  const sampleAddressee: LetterAddressee = {
    id: "sample",
    kind: "official",
    country: null,
    emails: [],
    xHandle: null,
    postalAddress: null,
    name: t("sampleName"),
    role: t("sampleRole"),
    organisation: null,
    salutation: null,
  };
  const letters = (recipients.length ? recipients.map((a) => inLanguage(a, letterLanguage)) : [sampleAddressee]).map(
    (addressee) => composeLetter(addressee, { ...draft, seed: "admin-preview-seed" }, new Date(), variants),
  );
  const unknown = [...new Set([...unknownPlaceholders(subject), ...unknownPlaceholders(body)])];
  const key = (f: string) => `templates.${language}.${f}`;
  return (
    <fieldset>
      <legend>{t("template", { language: label })}</legend>
      <div className="field">
        <label htmlFor={`template.${prefix}.subject`}>{t("subject", { language: label })}</label>
        <input
          id={`template.${prefix}.subject`}
          name={`template.${prefix}.subject`}
          value={subject}
          onChange={(e) => setSubject(e.target.value)}
          aria-describedby={describedBy(key("subject"), errors?.[key("subject")])}
        />
        <FieldError id={key("subject")} errors={errors?.[key("subject")]} />
      </div>
      <div className="field">
        <label htmlFor={`template.${prefix}.body`}>{t("body", { language: label })}</label>
        <p className="hint" id={`template.${prefix}.body-hint`}>
          {t("placeholders", { list: bodyPlaceholders })}
        </p>
        <textarea
          id={`template.${prefix}.body`}
          name={`template.${prefix}.body`}
          rows={12}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          aria-describedby={[`template.${prefix}.body-hint`, describedBy(key("body"), errors?.[key("body")])]
            .filter(Boolean)
            .join(" ")}
        />
        <FieldError id={key("body")} errors={errors?.[key("body")]} />
      </div>
      <p className="hint" id={`template.${prefix}.variants-hint`}>
        {t("variantsHint")}
      </p>
      {variantKinds.map((kind) => {
        const errorsOfKind = Object.entries(errors ?? {})
          .filter(([field]) => field === key(kind) || field.startsWith(`${key(kind)}.`))
          .flatMap(([, list]) => list);
        return (
          <div className="field" key={kind}>
            <label htmlFor={`template.${prefix}.${kind}`}>{t(kind, { language: label })}</label>
            <textarea
              id={`template.${prefix}.${kind}`}
              name={`template.${prefix}.${kind}`}
              rows={kind === "subjectVariants" ? 3 : 4}
              value={variantText[kind]}
              onChange={(e) => setVariantText((v) => ({ ...v, [kind]: e.target.value }))}
              aria-describedby={[`template.${prefix}.variants-hint`, describedBy(key(kind), errorsOfKind)]
                .filter(Boolean)
                .join(" ")}
            />
            <FieldError id={key(kind)} errors={errorsOfKind.length ? errorsOfKind : undefined} />
          </div>
        );
      })}
      <Field
        name={`template.${prefix}.xPost`}
        label={t("xPost", { language: label })}
        value={initial.xPost}
        errors={errors}
        hint={t("xPostHint", { handle: "{{handle}}" })}
      />
      {unknown.length > 0 && (
        <p className="field-error" role="status">
          {t("unknownPlaceholders", { list: unknown.map((u) => `{{${u}}}`).join(", ") })}
        </p>
      )}
      <div className="letter-preview">
        <p>{t.rich("preview", { count: letters.length, strong: (chunks) => <strong>{chunks}</strong> })}</p>
        {letters.map((letter, i) => (
          <details key={letter.addressee.id} open={i === 0}>
            <summary>{t("previewTo", { name: letter.addressee.name })}</summary>
            <p>
              <strong>{letter.subject}</strong>
            </p>
            <pre data-testid={i === 0 ? `template-preview-${prefix}` : `template-preview-${prefix}-${i}`}>
              {letter.text}
            </pre>
          </details>
        ))}
      </div>
    </fieldset>
  );
}

function LanguageSection({
  prefix,
  language,
  label,
  campaign,
  addressees,
  errors,
  t,
}: {
  prefix: string;
  language: string;
  label: string;
  campaign: CampaignForEdit | null;
  addressees: AddresseeChoice[];
  errors?: Record<string, string[]>;
  t: Texts;
}) {
  const texts = campaign?.texts[language] ?? blankTexts;
  const [demands, setDemands] = useState((campaign?.demands[language] ?? []).join("\n"));
  // The campaign's addressees in their order on the page.
  const recipients = (campaign?.addresseeIds ?? []).flatMap((id) => addressees.filter((a) => a.id === id));
  return (
    <section className="language-section" aria-labelledby={`lang-${prefix}`}>
      <h2 id={`lang-${prefix}`}>{prefix === "new" ? t("addLanguage") : t("textsIn", { language: label })}</h2>
      {prefix === "new" && <Field name="new.code" label={t("newCode")} value="" errors={errors} />}
      {textFields.map((f) => (
        <Field
          key={f}
          name={`text.${prefix}.${f}`}
          label={t(f, { language: label })}
          value={texts[f]}
          errors={errors && { [`text.${prefix}.${f}`]: errors[`texts.${language}.${f}`] ?? [] }}
          multiline={f === "title" ? undefined : f === "summary" ? 2 : 6}
        />
      ))}
      <Field
        name={`text.${prefix}.organiser`}
        label={t("organiserIn", { language: label })}
        hint={t("organiserInHint")}
        value={texts.organiser}
        errors={errors && { [`text.${prefix}.organiser`]: errors[`texts.${language}.organiser`] ?? [] }}
      />
      <Field
        name={`text.${prefix}.firstStep`}
        label={t("firstStep", { language: label })}
        hint={t("firstStepHint")}
        value={texts.firstStep}
        errors={errors && { [`text.${prefix}.firstStep`]: errors[`texts.${language}.firstStep`] ?? [] }}
        multiline={2}
      />
      <div className="field">
        <label htmlFor={`demands.${prefix}`}>{t("demands", { language: label })}</label>
        <textarea
          id={`demands.${prefix}`}
          name={`demands.${prefix}`}
          rows={5}
          value={demands}
          onChange={(e) => setDemands(e.target.value)}
          aria-describedby={describedBy(`demands.${language}`, errors?.[`demands.${language}`])}
        />
        <FieldError id={`demands.${language}`} errors={errors?.[`demands.${language}`]} />
      </div>
      <TemplateEditor
        prefix={prefix}
        language={language}
        label={label}
        initial={campaign?.templates[language] ?? blankTemplate}
        demands={demands}
        recipients={recipients}
        errors={errors}
        t={t}
      />
    </section>
  );
}

/** The whole campaign in one form; works without JavaScript (the preview then shows the saved template). */
export function CampaignForm({
  campaign,
  addressees,
  action,
  locale,
  messages,
}: {
  campaign: CampaignForEdit | null;
  addressees: AddresseeChoice[];
  action: Action;
  locale: string;
  messages: AdminMessages;
}) {
  const t: Texts = Object.assign(formTranslator(locale, messages), { locale });
  const common = createTranslator({ locale, messages, namespace: "admin.common" });
  const [state, formAction, pending] = useActionState(action, idleFormState);
  const errors = state.fieldErrors;
  const sent = state.values;
  // Controlled: React's reset after a refused save would put a select back to its first option.
  const [status, setStatus] = useState<string>(campaign?.status ?? "draft");
  const chosen = new Set(campaign?.addresseeIds ?? []);
  const ticked = (id: string) => (sent ? (sent.addressee ?? []).includes(id) : chosen.has(id));
  const ordered = [
    ...(campaign?.addresseeIds ?? []).map((id) => addressees.find((a) => a.id === id)!).filter(Boolean),
    ...addressees.filter((a) => !chosen.has(a.id)),
  ];
  const languages = campaign?.languages ?? [];
  return (
    <Sent.Provider value={sent}>
      <form action={formAction} onSubmit={keepValuesOnSubmit(formAction)} noValidate>
        {state.message && (
          <p role="alert" className="form-error">
            {state.message}
          </p>
        )}
        {errors && Object.keys(errors).length > 0 && (
          <ul className="error-summary" data-testid="error-summary">
            {Object.entries(errors).flatMap(([field, list]) => list.map((m) => <li key={`${field}-${m}`}>{m}</li>))}
          </ul>
        )}
        <input type="hidden" name="id" value={campaign?.id ?? ""} />
        <input type="hidden" name="version" value={campaign?.version ?? ""} />
        <section aria-labelledby="settings">
          <h2 id="settings">{t("settings")}</h2>
          <Field name="slug" label={t("slug")} value={campaign?.slug ?? ""} errors={errors} />
          <Field name="organiser" label={t("organiser")} value={campaign?.organiser ?? ""} errors={errors} />
          <div className="field">
            <label htmlFor="status">{t("status")}</label>
            <select id="status" name="status" value={status} onChange={(e) => setStatus(e.target.value)}>
              <option value="draft">{t("statusDraft")}</option>
              <option value="open">{t("statusOpen")}</option>
              <option value="closed">{t("statusClosed")}</option>
            </select>
          </div>
          <Field name="languages" label={t("languages")} value={languages.join(", ")} errors={errors} />
          <Field
            name="signatureGoal"
            label={t("signatureGoal")}
            value={campaign?.signatureGoal ?? ""}
            errors={errors}
          />
          <Field
            name="hourlyCap"
            label={t("hourlyCap")}
            hint={t("hourlyCapHint")}
            value={campaign?.hourlyCap ?? "600"}
            errors={errors}
          />
          <Field
            name="appealDate"
            label={t("appealDate")}
            type="date"
            value={campaign?.appealDate ?? ""}
            errors={errors}
          />
          <Field
            name="opensAt"
            label={t("opensAt")}
            type="datetime-local"
            value={campaign?.opensAt ?? ""}
            errors={errors}
          />
          <Field
            name="closesAt"
            label={t("closesAt")}
            type="datetime-local"
            value={campaign?.closesAt ?? ""}
            errors={errors}
          />
        </section>
        {languages.map((language) => (
          <LanguageSection
            key={language}
            prefix={language}
            language={language}
            label={language}
            campaign={campaign}
            addressees={addressees}
            errors={errors}
            t={t}
          />
        ))}
        <LanguageSection
          prefix="new"
          language=""
          label={languages.length ? t("newLanguage") : t("firstLanguage")}
          campaign={null}
          addressees={addressees}
          errors={errors}
          t={t}
        />
        <fieldset>
          <legend>{t("addressees")}</legend>
          <FieldError id="addresseeIds" errors={errors?.addresseeIds} />
          {ordered.map((a) => (
            <label key={a.id} className="checkbox">
              <input type="checkbox" name="addressee" value={a.id} defaultChecked={ticked(a.id)} /> {a.name} — {a.role}
              {a.country ? ` (${a.country})` : ""}
              {a.status === "paused" ? ` ${t("pausedMark")}` : ""}
            </label>
          ))}
        </fieldset>
        <button type="submit" disabled={pending}>
          {pending ? common("saving") : t("save")}
        </button>
      </form>
    </Sent.Provider>
  );
}
