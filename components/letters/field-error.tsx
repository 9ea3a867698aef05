/** A field's errors, beside the field; the field names it in aria-describedby (describedBy). */
export function FieldError({ name, errors }: { name: string; errors: Record<string, string[]> }) {
  const messages = errors[name];
  if (!messages?.length) return null;
  return (
    <p className="field-error" id={`${name}-error`}>
      {messages.join(" ")}
    </p>
  );
}

/** The ids a field's aria-describedby lists: its hints, and its error when it has one. */
export function describedBy(name: string, errors: Record<string, string[]>, ...hints: string[]): string | undefined {
  const ids = [...hints, ...(errors[name]?.length ? [`${name}-error`] : [])];
  return ids.length ? ids.join(" ") : undefined;
}
