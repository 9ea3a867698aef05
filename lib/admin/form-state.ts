// What an admin form's server action answers, rendered by the form.
export type AdminFormState = {
  status: "idle" | "saved" | "error";
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** The new updatedAt after a save, so the next save checks against it. */
  version?: string;
  /**
   * What was submitted, when it was refused: React resets a form after its
   * action, so the fields take these as their defaults and nothing typed is lost.
   */
  values?: Record<string, string[]>;
};

/** Every submitted field (files left out), for AdminFormState.values. */
export function submittedValues(formData: FormData): Record<string, string[]> {
  // A Map, not a plain object: a field called "constructor" is a name, not Object.prototype.constructor.
  const values = new Map<string, string[]>();
  for (const [name, value] of formData.entries()) {
    if (typeof value !== "string" || name.startsWith("$ACTION")) continue;
    values.set(name, values.get(name) ?? []);
    values.get(name)!.push(value);
  }
  return Object.fromEntries(values);
}

export const idleFormState: AdminFormState = { status: "idle" };
