/** What the outcome-update form shows after each step (the action's answer). */
export type UpdateDraftFields = { target: string; subject: string; body: string };

export type UpdateFormState =
  | {
      step: "edit";
      draft?: UpdateDraftFields;
      /** Each problem with the field it belongs to, already in the staff member's language. */
      problems?: { field: "subject" | "body"; text: string }[];
      message?: string;
    }
  | {
      step: "preview";
      draft: UpdateDraftFields;
      email: { subject: string; text: string };
      recipients: number;
      message?: string;
    }
  | { step: "sent"; message: string };

export const startingState: UpdateFormState = { step: "edit" };
