/** The errors of one form field, tied to it by id for screen readers. */
export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors || errors.length === 0) return null;
  return (
    <p className="field-error" id={`${id}-error`}>
      {errors.join(" ")}
    </p>
  );
}

export const describedBy = (id: string, errors?: string[]) => (errors && errors.length > 0 ? `${id}-error` : undefined);
