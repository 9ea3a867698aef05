"use client";
import { useActionState, useState } from "react";
import { keepValuesOnSubmit } from "./use-keep-values-submit";
import { idleFormState, type AdminFormState } from "@/lib/admin/form-state";
import { describedBy, FieldError } from "./FieldError";
import { TextField } from "./TextField";

export type AddresseeFormValues = {
  id: string | null;
  version: string | null;
  key: string;
  name: string;
  role: string;
  organisation: string;
  kind: string;
  country: string;
  emails: string;
  xHandle: string;
  postalAddress: string;
  webFormUrl: string;
  salutation: string;
  lastVerifiedAt: string;
  status: string;
  translations: { language: string; name: string; role: string; salutation: string }[];
};

type Action = (state: AdminFormState, formData: FormData) => Promise<AdminFormState>;

/** Every field of an addressee; works without JavaScript (the action redirects). */
export function AddresseeForm({ values, action }: { values: AddresseeFormValues; action: Action }) {
  const [state, formAction, pending] = useActionState(action, idleFormState);
  const errors = state.fieldErrors;
  // After a refused save the form shows what was submitted, not what is stored.
  const sent = state.values;
  const v = (name: keyof AddresseeFormValues & string) => (sent ? (sent[name]?.[0] ?? "") : String(values[name] ?? ""));
  // Controlled: React's reset after a refused save would put a select back to its first option.
  const [kind, setKind] = useState(values.kind);
  const rows = [...values.translations, { language: "", name: "", role: "", salutation: "" }].map((t, i) =>
    sent ? { language: sent[`t${i}.language`]?.[0] ?? "", name: sent[`t${i}.name`]?.[0] ?? "", role: sent[`t${i}.role`]?.[0] ?? "", salutation: sent[`t${i}.salutation`]?.[0] ?? "" } : t,
  );
  return (
    <form action={formAction} onSubmit={keepValuesOnSubmit(formAction)} noValidate>
      {state.message && (
        <p role="alert" className="form-error">
          {state.message}
        </p>
      )}
      <input type="hidden" name="id" value={values.id ?? ""} />
      <input type="hidden" name="version" value={values.version ?? ""} />
      <TextField name="name" label="Name" value={v("name")} errors={errors} required />
      <TextField name="role" label="Role" value={v("role")} errors={errors} required />
      <TextField name="organisation" label="Organisation" value={v("organisation")} errors={errors} />
      <TextField name="key" label="Key" value={v("key")} errors={errors} hint="Stable identifier for imports, e.g. embassy-fr." required />
      <div className="field">
        <label htmlFor="kind">Kind</label>
        <select id="kind" name="kind" value={kind} onChange={(e) => setKind(e.target.value)}>
          <option value="official">Official</option>
          <option value="mission">Mission</option>
          <option value="embassy">Embassy</option>
        </select>
        <FieldError id="kind" errors={errors?.kind} />
      </div>
      <TextField name="country" label="Country (two-letter code)" value={v("country")} errors={errors} hint="For embassies and missions: the country they are in, e.g. FR." />
      <div className="field">
        <label htmlFor="emails">Email addresses</label>
        <p className="hint" id="emails-hint">
          One per line, or separated by commas.
        </p>
        <textarea id="emails" name="emails" rows={3} defaultValue={v("emails")} aria-invalid={errors?.emails ? true : undefined} aria-describedby={["emails-hint", describedBy("emails", errors?.emails)].filter(Boolean).join(" ")} />
        <FieldError id="emails" errors={errors?.emails} />
      </div>
      <TextField name="xHandle" label="X handle" value={v("xHandle")} errors={errors} hint="Without the @." />
      <div className="field">
        <label htmlFor="postalAddress">Postal address</label>
        <textarea id="postalAddress" name="postalAddress" rows={3} defaultValue={v("postalAddress")} aria-describedby={describedBy("postalAddress", errors?.postalAddress)} />
        <FieldError id="postalAddress" errors={errors?.postalAddress} />
      </div>
      <TextField name="webFormUrl" label="Web form address" value={v("webFormUrl")} errors={errors} />
      <TextField name="salutation" label="Salutation" value={v("salutation")} errors={errors} hint="e.g. Dear Minister," />
      <div className="field">
        <label htmlFor="lastVerifiedAt">Date last verified</label>
        <input id="lastVerifiedAt" name="lastVerifiedAt" type="date" defaultValue={v("lastVerifiedAt")} required aria-describedby={describedBy("lastVerifiedAt", errors?.lastVerifiedAt)} />
        <FieldError id="lastVerifiedAt" errors={errors?.lastVerifiedAt} />
      </div>
      <fieldset>
        <legend>Status</legend>
        <label>
          <input type="radio" name="status" value="active" defaultChecked={v("status") !== "paused"} /> Active
        </label>
        <label>
          <input type="radio" name="status" value="paused" defaultChecked={v("status") === "paused"} /> Paused (hidden from new letters; queued emails wait)
        </label>
      </fieldset>
      <fieldset>
        <legend>Translations (name, role and salutation in a letter language)</legend>
        {rows.map((t, i) => {
          const which = t.language ? `(${t.language})` : "(new language)";
          return (
            <div key={i} className="translation-row">
              <label>
                Language code {which} <input name={`t${i}.language`} defaultValue={t.language} size={3} />
              </label>
              <label>
                Name {which} <input name={`t${i}.name`} defaultValue={t.name} />
              </label>
              <label>
                Role {which} <input name={`t${i}.role`} defaultValue={t.role} />
              </label>
              <label>
                Salutation {which} <input name={`t${i}.salutation`} defaultValue={t.salutation} />
              </label>
              <FieldError id={`t${i}`} errors={errors?.[`t${i}`]} />
            </div>
          );
        })}
      </fieldset>
      <button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save addressee"}
      </button>
    </form>
  );
}
