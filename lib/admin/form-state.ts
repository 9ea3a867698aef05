// What an admin form's server action answers, rendered by the form.
export type AdminFormState = {
  status: "idle" | "saved" | "error";
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** The new updatedAt after a save, so the next save checks against it. */
  version?: string;
};

export const idleFormState: AdminFormState = { status: "idle" };
