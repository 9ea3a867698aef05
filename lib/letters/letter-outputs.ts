// What a supporter gets back for their letters: a mailto link per addressee
// and one for all, prepared X posts, and the plain text to copy. Pure, so the
// thank-you view and the JSON API give the same links.
import {
  composeGroupLetter,
  distinctRecipients,
  lettersAsText,
  type ComposedLetter,
  type DraftForComposition,
} from "./compose-letters";
import type { LetterChannel } from "@/lib/core/vocabulary";
import { mailtoLink } from "./mailto";
import { xIntentUrl, xPostText } from "./x-post";

export type AddresseeOutput = {
  addresseeId: string;
  name: string;
  role: string;
  channel: LetterChannel;
  emails: string[];
  mailto: string | null;
  xHandle: string | null;
  xPost: { text: string; url: string } | null;
};

export type LetterOutputs = {
  addressees: AddresseeOutput[];
  /** One message to every distinct email address, or null if none has one. */
  mailtoAll: string | null;
  copyText: string;
};

export function letterOutputs(
  letters: readonly (ComposedLetter & { channel: LetterChannel })[],
  draft: DraftForComposition,
  xPostTemplate: string | null,
): LetterOutputs {
  const withEmail = letters.filter((l) => l.addressee.emails.length > 0);
  const group = withEmail.length > 1 ? composeGroupLetter(withEmail, draft) : withEmail[0];
  return {
    addressees: letters.map((letter) => {
      const handle = letter.addressee.xHandle;
      const text = handle ? xPostText(xPostTemplate ?? letter.subject, handle) : null;
      return {
        addresseeId: letter.addressee.id,
        name: letter.addressee.name,
        role: letter.addressee.role,
        channel: letter.channel,
        emails: letter.addressee.emails,
        mailto: letter.addressee.emails.length
          ? mailtoLink({ to: letter.addressee.emails, subject: letter.subject, body: letter.text })
          : null,
        xHandle: handle,
        xPost: text ? { text, url: xIntentUrl(text) } : null,
      };
    }),
    mailtoAll: group
      ? mailtoLink({
          to: distinctRecipients(withEmail).map((r) => r.address),
          subject: group.subject,
          body: group.text,
        })
      : null,
    copyText: lettersAsText(letters),
  };
}
