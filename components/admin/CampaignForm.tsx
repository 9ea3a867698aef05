"use client";
import { useActionState, useState } from "react";
import type { CampaignForEdit } from "@/lib/admin/campaigns";
import { keepValuesOnSubmit } from "./use-keep-values-submit";
import { idleFormState, type AdminFormState } from "@/lib/admin/form-state";
import { fillPlaceholders, numberedDemands, unknownPlaceholders } from "@/lib/letters/placeholders";
import { describedBy, FieldError } from "./FieldError";
import { SentValues as Sent, TextField as Field } from "./TextField";

type Action = (state: AdminFormState, formData: FormData) => Promise<AdminFormState>;
type AddresseeChoice = { id: string; name: string; role: string; kind: string; country: string | null; status: string };

const blankTexts = { title: "", summary: "", context: "", whyItMatters: "", safetyNotice: "" };
const blankTemplate = { subject: "", body: "{{salutation}}\n\n{{demands}}\n\n{{signer}}", xPost: "" };
const textLabels = { title: "Title", summary: "Summary", context: "What happened", whyItMatters: "Why it matters", safetyNotice: "Safety notice (shown before any form)" } as const;

function formatToday(language: string): string {
  try {
    return new Intl.DateTimeFormat(language, { dateStyle: "long" }).format(new Date());
  } catch {
    // Not a language code yet (the "add a language" section).
    return new Intl.DateTimeFormat("en", { dateStyle: "long" }).format(new Date());
  }
}

/** One language's letter template, with a preview that follows what is typed. */
function TemplateEditor({ prefix, language, initial, demands, sample, errors }: { prefix: string; language: string; initial: { subject: string; body: string; xPost: string }; demands: string; sample: AddresseeChoice | undefined; errors?: Record<string, string[]> }) {
  const [body, setBody] = useState(initial.body);
  const [subject, setSubject] = useState(initial.subject);
  const values = {
    demands: numberedDemands(demands.split(/\r?\n/).map((d) => d.trim()).filter(Boolean)),
    salutation: "Dear Sir or Madam,",
    signer: "A supporter from France",
    addressee_name: sample?.name ?? "Addressee name",
    addressee_role: sample?.role ?? "Addressee role",
    date: formatToday(language),
  };
  const unknown = [...new Set([...unknownPlaceholders(subject), ...unknownPlaceholders(body)])];
  const key = (f: string) => `templates.${language}.${f}`;
  return (
    <fieldset>
      <legend>Letter template ({language})</legend>
      <div className="field">
        <label htmlFor={`template.${prefix}.subject`}>Subject ({language})</label>
        <input id={`template.${prefix}.subject`} name={`template.${prefix}.subject`} value={subject} onChange={(e) => setSubject(e.target.value)} aria-describedby={describedBy(key("subject"), errors?.[key("subject")])} />
        <FieldError id={key("subject")} errors={errors?.[key("subject")]} />
      </div>
      <div className="field">
        <label htmlFor={`template.${prefix}.body`}>Letter ({language})</label>
        <p className="hint" id={`template.${prefix}.body-hint`}>
          Placeholders: {"{{salutation}} {{demands}} {{signer}} {{addressee_name}} {{addressee_role}} {{date}}"}
        </p>
        <textarea id={`template.${prefix}.body`} name={`template.${prefix}.body`} rows={12} value={body} onChange={(e) => setBody(e.target.value)} aria-describedby={[`template.${prefix}.body-hint`, describedBy(key("body"), errors?.[key("body")])].filter(Boolean).join(" ")} />
        <FieldError id={key("body")} errors={errors?.[key("body")]} />
      </div>
      <Field name={`template.${prefix}.xPost`} label={`X post (${language})`} value={initial.xPost} errors={errors} hint="Optional; {{handle}} becomes the addressee's X handle. At most 280 characters once filled in." />
      {unknown.length > 0 && (
        <p className="field-error" role="status">
          Unknown placeholder(s): {unknown.map((u) => `{{${u}}}`).join(", ")}
        </p>
      )}
      <div className="letter-preview" aria-live="polite">
        <p>
          <strong>Preview</strong> (to {values.addressee_name}, signed by an anonymous supporter):
        </p>
        <p>
          <strong>{fillPlaceholders(subject, values)}</strong>
        </p>
        <pre data-testid={`template-preview-${prefix}`}>{fillPlaceholders(body, values)}</pre>
      </div>
    </fieldset>
  );
}

function LanguageSection({ prefix, language, campaign, addressees, errors }: { prefix: string; language: string; campaign: CampaignForEdit | null; addressees: AddresseeChoice[]; errors?: Record<string, string[]> }) {
  const texts = campaign?.texts[language] ?? blankTexts;
  const [demands, setDemands] = useState((campaign?.demands[language] ?? []).join("\n"));
  const first = addressees.find((a) => campaign?.addresseeIds.includes(a.id));
  return (
    <section className="language-section" aria-labelledby={`lang-${prefix}`}>
      <h2 id={`lang-${prefix}`}>{prefix === "new" ? "Add a language" : `Texts in ${language}`}</h2>
      {prefix === "new" && <Field name="new.code" label="Language code of the new texts (e.g. fr)" value="" errors={errors} />}
      {(Object.keys(textLabels) as (keyof typeof textLabels)[]).map((f) => (
        <Field key={f} name={`text.${prefix}.${f}`} label={`${textLabels[f]} (${language})`} value={texts[f]} errors={errors && { [`text.${prefix}.${f}`]: errors[`texts.${language}.${f}`] ?? [] }} multiline={f === "title" ? undefined : f === "summary" ? 2 : 6} />
      ))}
      <div className="field">
        <label htmlFor={`demands.${prefix}`}>Demands ({language}), one per line, in order</label>
        <textarea id={`demands.${prefix}`} name={`demands.${prefix}`} rows={5} value={demands} onChange={(e) => setDemands(e.target.value)} aria-describedby={describedBy(`demands.${language}`, errors?.[`demands.${language}`])} />
        <FieldError id={`demands.${language}`} errors={errors?.[`demands.${language}`]} />
      </div>
      <TemplateEditor prefix={prefix} language={language} initial={campaign?.templates[language] ?? blankTemplate} demands={demands} sample={first} errors={errors} />
    </section>
  );
}

/** The whole campaign in one form; works without JavaScript (the preview then shows the saved template). */
export function CampaignForm({ campaign, addressees, action }: { campaign: CampaignForEdit | null; addressees: AddresseeChoice[]; action: Action }) {
  const [state, formAction, pending] = useActionState(action, idleFormState);
  const errors = state.fieldErrors;
  const sent = state.values;
  // Controlled: React's reset after a refused save would put a select back to its first option.
  const [status, setStatus] = useState<string>(campaign?.status ?? "draft");
  const chosen = new Set(campaign?.addresseeIds ?? []);
  const ticked = (id: string) => (sent ? (sent.addressee ?? []).includes(id) : chosen.has(id));
  const ordered = [...(campaign?.addresseeIds ?? []).map((id) => addressees.find((a) => a.id === id)!).filter(Boolean), ...addressees.filter((a) => !chosen.has(a.id))];
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
          {Object.entries(errors).flatMap(([field, messages]) => messages.map((m) => <li key={`${field}-${m}`}>{m}</li>))}
        </ul>
      )}
      <input type="hidden" name="id" value={campaign?.id ?? ""} />
      <input type="hidden" name="version" value={campaign?.version ?? ""} />
      <section aria-labelledby="settings">
        <h2 id="settings">Settings</h2>
        <Field name="slug" label="Address (slug): /c/…" value={campaign?.slug ?? ""} errors={errors} />
        <Field name="organiser" label="Organiser" value={campaign?.organiser ?? ""} errors={errors} />
        <div className="field">
          <label htmlFor="status">Status</label>
          <select id="status" name="status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="draft">Draft (not public)</option>
            <option value="open">Open (public, taking signatures)</option>
            <option value="closed">Closed (public, no new signatures)</option>
          </select>
        </div>
        <Field name="languages" label="Languages, the default first (e.g. en, ru)" value={languages.join(", ")} errors={errors} />
        <Field name="signatureGoal" label="Goal (signatures)" value={campaign?.signatureGoal ?? ""} errors={errors} />
        <Field name="appealDate" label="Date of the appeal" type="date" value={campaign?.appealDate ?? ""} errors={errors} />
        <Field name="opensAt" label="Opens (UTC)" type="datetime-local" value={campaign?.opensAt ?? ""} errors={errors} />
        <Field name="closesAt" label="Closes (UTC)" type="datetime-local" value={campaign?.closesAt ?? ""} errors={errors} />
      </section>
      {languages.map((language) => (
        <LanguageSection key={language} prefix={language} language={language} campaign={campaign} addressees={addressees} errors={errors} />
      ))}
      <LanguageSection prefix="new" language={languages.length ? "new language" : "the first language"} campaign={null} addressees={addressees} errors={errors} />
      <fieldset>
        <legend>Addressees (in this order on the page)</legend>
        <FieldError id="addresseeIds" errors={errors?.addresseeIds} />
        {ordered.map((a) => (
          <label key={a.id} className="checkbox">
            <input type="checkbox" name="addressee" value={a.id} defaultChecked={ticked(a.id)} /> {a.name} — {a.role}
            {a.country ? ` (${a.country})` : ""}
            {a.status === "paused" ? " [paused]" : ""}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save campaign"}
      </button>
    </form>
    </Sent.Provider>
  );
}
