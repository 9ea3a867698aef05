// Sent when a supporter asks us to send their letters: nothing leaves until
// they follow the signed link (double opt-in), so no one can send letters in
// someone else's name.
import { confirmationFrame, type ConfirmationContext } from "./confirmation-parts";
import type { RenderedEmail } from "./layout";
import { emailTexts } from "./texts";

export type LetterToConfirm = { subject: string; text: string; replyToMe: boolean };

/**
 * Shows exactly what will go out in the supporter's name (issue 13): the
 * addressees, the subject and full text of the first letter (the others
 * differ only in their salutation), the signature line inside it, and
 * whether replies reach this address; then "confirm" and "this was not me".
 */
export function addressConfirmationEmail(
  context: ConfirmationContext & { addressees: string[]; letter: LetterToConfirm },
): RenderedEmail {
  const t = emailTexts(context.language).confirmation;
  return confirmationFrame(context, t, {
    between: [
      { kind: "paragraph", text: t.exact },
      { kind: "quote", text: `${context.letter.subject}\n\n${context.letter.text}` },
      { kind: "paragraph", text: context.letter.replyToMe ? t.replyYes : t.replyNo },
    ],
    last: t.ignore,
  });
}
