// Sent when a supporter gave their address with "the organisers may email me"
// but no letters for our server to send (they send from their own mail,
// print, or post on X): before anyone writes to the address, its owner
// confirms it (double opt-in), so typing someone else's address signs them
// up for nothing. Nothing is sent in their name and the signature already
// counts, and the email says so instead of showing letters. Its one reminder
// is confirmationReminderEmail without addressees.
import { confirmationFrame, type ConfirmationContext } from "./confirmation-parts";
import type { RenderedEmail } from "./layout";
import { emailTexts } from "./texts";

export function contactConfirmationEmail(context: ConfirmationContext): RenderedEmail {
  const t = emailTexts(context.language).contactConfirmation;
  return confirmationFrame(context, t, { between: [{ kind: "paragraph", text: t.nothingSent }], last: t.ignore });
}
