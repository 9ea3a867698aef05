"use client";
import { createContext, useContext } from "react";
import { describedBy, FieldError } from "./field-error";

/** What was submitted when a save was refused: fields show it instead of the stored values. */
export const SentValues = createContext<Record<string, string[]> | undefined>(undefined);

/** A labelled text input or textarea with its hint and errors, tied together for screen readers. */
export function TextField({
  name,
  label,
  value,
  errors,
  multiline,
  type,
  hint,
  required,
}: {
  name: string;
  label: string;
  value: string;
  errors?: Record<string, string[]>;
  multiline?: number;
  type?: string;
  hint?: string;
  required?: boolean;
}) {
  const e = errors?.[name];
  const sent = useContext(SentValues);
  const initial = sent ? (sent[name]?.[0] ?? "") : value;
  const described = [describedBy(name, e), hint ? `${name}-hint` : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      {hint && (
        <p className="hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      {multiline ? (
        <textarea
          id={name}
          name={name}
          rows={multiline}
          defaultValue={initial}
          aria-invalid={e ? true : undefined}
          aria-describedby={described}
        />
      ) : (
        <input
          id={name}
          name={name}
          type={type ?? "text"}
          defaultValue={initial}
          required={required}
          aria-invalid={e ? true : undefined}
          aria-describedby={described}
        />
      )}
      <FieldError id={name} errors={e} />
    </div>
  );
}
