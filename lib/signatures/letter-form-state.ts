// What the letter form's server action answers, rendered by the form (with
// or without JavaScript). Plain data only: it crosses to the browser.
import type { SendingChannel } from "@/lib/core/vocabulary";
import type { LetterOutputs } from "@/lib/letters/letter-outputs";

export type PreviewLetter = {
  addresseeId: string;
  addressBlock: string[];
  dateLine: string;
  subject: string;
  text: string;
};

export type ThankYou = {
  outcome: "recorded" | "duplicate";
  channel: SendingChannel;
  confirmationQueued: boolean;
  signatures: number;
  outputs: LetterOutputs;
  /** The content the PDF and .eml forms post back; nothing is kept on our side. */
  content: Record<string, string | string[]>;
  emailAddressees: number;
  /** Lets this browser report its prepared letters as sent (lib/letters/report-letters-sent.ts). */
  sentReportToken?: string;
};

export type LetterFormState = {
  /** Echo of the submitted fields, to fill the form again. */
  values: Record<string, unknown>;
  fieldErrors?: Record<string, string[]>;
  message?: string;
  preview?: PreviewLetter[];
  thankYou?: ThankYou;
  /** The letter language changed and the supporter's own text was kept (not the new template). */
  textKept?: boolean;
  /** The field to focus when the form is drawn anew (the letter language after changing it). */
  focus?: "language";
  /** Bumped on every answer so the form re-mounts with the new values. */
  version: number;
};
