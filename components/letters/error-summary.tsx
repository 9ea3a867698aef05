"use client";
// The GOV.UK error summary: at the top of a refused form, focused, listing
// every problem as a link to its field (each field also shows its own
// message beside it, field-error.tsx). Rendered by the server too, so it
// works without JavaScript (the autofocus attribute then focuses it).
import { useEffect, useRef } from "react";
import type { BuilderTranslator } from "./builder-form";

/** The form's fields in page order; each has an element with this id (the first of a group). */
const fieldOrder = [
  "addressees",
  "country",
  "language",
  "subject",
  "body",
  "identity",
  "name",
  "city",
  "channel",
  "email",
  "consentIdentity",
  "replyToMe",
  "consentCounted",
  "consentContact",
];

export function ErrorSummary({
  t,
  errors,
  message,
  version,
}: {
  t: BuilderTranslator;
  errors: Record<string, string[]>;
  /** What the whole answer says ("Some fields need your attention."). */
  message?: string;
  /** The answer's version: each new refusal takes the focus again. */
  version: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const problems = Object.entries(errors)
    .filter(([, messages]) => messages.length > 0)
    .sort(([a], [b]) => rank(a) - rank(b));
  useEffect(() => {
    ref.current?.focus();
  }, [version]);
  if (problems.length === 0) return null;
  return (
    <div
      ref={ref}
      id="error-summary"
      className="error-summary"
      role="alert"
      tabIndex={-1}
      // GOV.UK's pattern: the summary takes the focus, also without JavaScript.
      autoFocus
      aria-labelledby="error-summary-title"
    >
      <h2 id="error-summary-title">{t("errorSummaryTitle")}</h2>
      {message ? <p>{message}</p> : null}
      <ul>
        {problems.flatMap(([field, messages]) =>
          messages.map((text, i) => (
            <li key={`${field}-${i}`}>{fieldOrder.includes(field) ? <a href={`#${field}`}>{text}</a> : text}</li>
          )),
        )}
      </ul>
    </div>
  );
}

const rank = (field: string) => {
  const index = fieldOrder.indexOf(field);
  return index === -1 ? fieldOrder.length : index;
};
