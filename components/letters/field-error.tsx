/** A field's errors, linked to the field by id so screen readers announce them. */
export function FieldError({ name, errors }: { name: string; errors: Record<string, string[]> }) {
  const messages = errors[name];
  if (!messages?.length) return null;
  return (
    <p className="field-error" id={`${name}-error`} role="alert">
      {messages.join(" ")}
    </p>
  );
}
