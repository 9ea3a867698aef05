"use client";
import { useActionState, useState } from "react";
import { createTranslator } from "use-intl";
import type { AdminMessages } from "./admin-messages";
import { keepValuesOnSubmit } from "./use-keep-values-submit";
import { idleFormState, type AdminFormState } from "@/lib/admin/form-state";
import { describedBy, FieldError } from "./field-error";
import { TextField } from "./text-field";

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
  timeZone: string;
  officeHours: string;
  /** ISO weekdays joined: "1,2,3,4,5". */
  officeDays: string;
  hourlyCap: string;
  deliveryMode: string;
  digestFormat: string;
  fallback: string;
  translations: { language: string; name: string; role: string; salutation: string; organisation: string }[];
};

type Action = (state: AdminFormState, formData: FormData) => Promise<AdminFormState>;

/** Every field of an addressee; works without JavaScript (the action redirects). Texts in the admin's `locale`. */
export function AddresseeForm({
  values,
  action,
  locale,
  messages,
}: {
  values: AddresseeFormValues;
  action: Action;
  locale: string;
  messages: AdminMessages;
}) {
  const t = createTranslator({ locale, messages, namespace: "admin.addresseeForm" });
  const common = createTranslator({ locale, messages, namespace: "admin.common" });
  const [state, formAction, pending] = useActionState(action, idleFormState);
  const errors = state.fieldErrors;
  // After a refused save the form shows what was submitted, not what is stored.
  const sent = state.values;
  const v = (name: keyof AddresseeFormValues & string) => (sent ? (sent[name]?.[0] ?? "") : String(values[name] ?? ""));
  // Controlled: React's reset after a refused save would put a select back to its first option.
  const [kind, setKind] = useState(values.kind);
  const [deliveryMode, setDeliveryMode] = useState(values.deliveryMode);
  const [digestFormat, setDigestFormat] = useState(values.digestFormat);
  const [fallback, setFallback] = useState(values.fallback);
  const officeDays = new Set((sent ? (sent.officeDays ?? []) : values.officeDays.split(",")).map(Number));
  // Monday 1 January 2024 onwards: the weekday names in the admin's language.
  const weekday = (day: number) =>
    new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" }).format(Date.UTC(2024, 0, day));
  const blankRow = { language: "", name: "", role: "", salutation: "", organisation: "" };
  const rows = [...values.translations, blankRow].map((stored, i) =>
    sent
      ? {
          language: sent[`t${i}.language`]?.[0] ?? "",
          name: sent[`t${i}.name`]?.[0] ?? "",
          role: sent[`t${i}.role`]?.[0] ?? "",
          salutation: sent[`t${i}.salutation`]?.[0] ?? "",
          organisation: sent[`t${i}.organisation`]?.[0] ?? "",
        }
      : stored,
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
      <TextField name="name" label={t("name")} value={v("name")} errors={errors} required />
      <TextField name="role" label={t("role")} value={v("role")} errors={errors} required />
      <TextField name="organisation" label={t("organisation")} value={v("organisation")} errors={errors} />
      <TextField name="key" label={t("key")} value={v("key")} errors={errors} hint={t("keyHint")} required />
      <div className="field">
        <label htmlFor="kind">{t("kind")}</label>
        <select id="kind" name="kind" value={kind} onChange={(e) => setKind(e.target.value)}>
          <option value="official">{t("kindOfficial")}</option>
          <option value="mission">{t("kindMission")}</option>
          <option value="embassy">{t("kindEmbassy")}</option>
        </select>
        <FieldError id="kind" errors={errors?.kind} />
      </div>
      <TextField name="country" label={t("country")} value={v("country")} errors={errors} hint={t("countryHint")} />
      <div className="field">
        <label htmlFor="emails">{t("emails")}</label>
        <p className="hint" id="emails-hint">
          {t("emailsHint")}
        </p>
        <textarea
          id="emails"
          name="emails"
          rows={3}
          defaultValue={v("emails")}
          aria-invalid={errors?.emails ? true : undefined}
          aria-describedby={["emails-hint", describedBy("emails", errors?.emails)].filter(Boolean).join(" ")}
        />
        <FieldError id="emails" errors={errors?.emails} />
      </div>
      <TextField name="xHandle" label={t("xHandle")} value={v("xHandle")} errors={errors} hint={t("xHandleHint")} />
      <div className="field">
        <label htmlFor="postalAddress">{t("postalAddress")}</label>
        <textarea
          id="postalAddress"
          name="postalAddress"
          rows={3}
          defaultValue={v("postalAddress")}
          aria-describedby={describedBy("postalAddress", errors?.postalAddress)}
        />
        <FieldError id="postalAddress" errors={errors?.postalAddress} />
      </div>
      <TextField name="webFormUrl" label={t("webFormUrl")} value={v("webFormUrl")} errors={errors} />
      <TextField
        name="salutation"
        label={t("salutation")}
        value={v("salutation")}
        errors={errors}
        hint={t("salutationHint")}
      />
      <div className="field">
        <label htmlFor="lastVerifiedAt">{t("lastVerifiedAt")}</label>
        <input
          id="lastVerifiedAt"
          name="lastVerifiedAt"
          type="date"
          defaultValue={v("lastVerifiedAt")}
          required
          aria-describedby={describedBy("lastVerifiedAt", errors?.lastVerifiedAt)}
        />
        <FieldError id="lastVerifiedAt" errors={errors?.lastVerifiedAt} />
      </div>
      <fieldset>
        <legend>{t("status")}</legend>
        <label>
          <input type="radio" name="status" value="active" defaultChecked={v("status") !== "paused"} />{" "}
          {t("statusActive")}
        </label>
        <label>
          <input type="radio" name="status" value="paused" defaultChecked={v("status") === "paused"} />{" "}
          {t("statusPaused")}
        </label>
      </fieldset>
      <fieldset>
        <legend>{t("deliveryHeading")}</legend>
        <TextField
          name="timeZone"
          label={t("timeZone")}
          value={v("timeZone")}
          errors={errors}
          hint={t("timeZoneHint")}
        />
        <TextField
          name="officeHours"
          label={t("officeHours")}
          value={v("officeHours")}
          errors={errors}
          hint={t("officeHoursHint")}
        />
        <fieldset>
          <legend>{t("officeDays")}</legend>
          {[1, 2, 3, 4, 5, 6, 7].map((day) => (
            <label key={day}>
              <input type="checkbox" name="officeDays" value={day} defaultChecked={officeDays.has(day)} />{" "}
              {weekday(day)}
            </label>
          ))}
          <FieldError id="officeDays" errors={errors?.officeDays} />
        </fieldset>
        <TextField
          name="hourlyCap"
          label={t("hourlyCap")}
          value={v("hourlyCap")}
          errors={errors}
          hint={t("hourlyCapHint")}
        />
        <div className="field">
          <label htmlFor="deliveryMode">{t("deliveryMode")}</label>
          <select
            id="deliveryMode"
            name="deliveryMode"
            value={deliveryMode}
            onChange={(e) => setDeliveryMode(e.target.value)}
          >
            <option value="each_letter">{t("modeEachLetter")}</option>
            <option value="daily_digest">{t("modeDailyDigest")}</option>
          </select>
          <FieldError id="deliveryMode" errors={errors?.deliveryMode} />
        </div>
        <div className="field">
          <label htmlFor="digestFormat">{t("digestFormat")}</label>
          <select
            id="digestFormat"
            name="digestFormat"
            value={digestFormat}
            onChange={(e) => setDigestFormat(e.target.value)}
          >
            <option value="pdf_attachment">{t("formatPdf")}</option>
            <option value="inline_text">{t("formatInline")}</option>
          </select>
          <FieldError id="digestFormat" errors={errors?.digestFormat} />
        </div>
        <div className="field">
          <label htmlFor="fallback">{t("fallback")}</label>
          <select id="fallback" name="fallback" value={fallback} onChange={(e) => setFallback(e.target.value)}>
            <option value="">{t("fallbackNone")}</option>
            <option value="web_form">{t("fallbackWebForm")}</option>
            <option value="post">{t("fallbackPost")}</option>
            <option value="embassy">{t("fallbackEmbassy")}</option>
          </select>
          <FieldError id="fallback" errors={errors?.fallback} />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t("translations")}</legend>
        {rows.map((row, i) => {
          const which = row.language ? `(${row.language})` : t("newLanguage");
          return (
            <div key={i} className="translation-row">
              <label>
                {t("translationLanguage", { which })}{" "}
                <input name={`t${i}.language`} defaultValue={row.language} size={3} />
              </label>
              <label>
                {t("translationName", { which })} <input name={`t${i}.name`} defaultValue={row.name} />
              </label>
              <label>
                {t("translationRole", { which })} <input name={`t${i}.role`} defaultValue={row.role} />
              </label>
              <label>
                {t("translationSalutation", { which })}{" "}
                <input name={`t${i}.salutation`} defaultValue={row.salutation} />
              </label>
              <label>
                {t("translationOrganisation", { which })}{" "}
                <input name={`t${i}.organisation`} defaultValue={row.organisation} />
              </label>
              <FieldError id={`t${i}`} errors={errors?.[`t${i}`]} />
            </div>
          );
        })}
      </fieldset>
      <button type="submit" disabled={pending}>
        {pending ? common("saving") : t("save")}
      </button>
    </form>
  );
}
