// The one reminder before a confirmation link expires: a supporter who never
// confirms would otherwise lose their letters without a word. It links to the
// same page that shows the exact text before the confirm button, and says
// that no other reminder follows. Without addressees it reminds of an
// address kept only so the organisers may write (no letters wait, nothing is
// sent in the supporter's name), in those words.
import { confirmationFrame, deadlineParagraph, type ConfirmationContext } from "./confirmation-parts";
import type { RenderedEmail } from "./layout";
import { emailTexts } from "./texts";

export function confirmationReminderEmail(
  context: ConfirmationContext & { addressees?: string[]; expiresAt: Date },
): RenderedEmail {
  const texts = emailTexts(context.language);
  const t = context.addressees ? texts.reminder : texts.contactReminder;
  return confirmationFrame(context, t, {
    between: [deadlineParagraph(t.deadline, context.language, context.expiresAt)],
    last: t.last,
  });
}
