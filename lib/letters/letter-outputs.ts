// What a supporter gets back for their letters: one email per address (two
// addressees sharing an address get one message greeting both, so nobody
// sends twice), as a mailto link and webmail compose links when the letter
// fits in a link, prepared X posts, and the plain text to copy. Pure, so the
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
import { textForSharedAddress } from "./shared-address";
import { webmailLinks, type WebmailLinks } from "./webmail";
import { xIntentUrl, xPostText } from "./x-post";

/**
 * The longest link we offer. Many mail apps (and some browsers handing a
 * mailto to them) cut links near 2,000 characters, silently dropping the end
 * of the letter; a Russian letter, percent-encoded, is about 7,000.
 */
export const maxLinkLength = 1800;

export type AddresseeOutput = {
  addresseeId: string;
  name: string;
  role: string;
  channel: LetterChannel;
  emails: string[];
  /**
   * The mailto of this addressee's email (the one message to an address it
   * shares); null without an address. For API clients: the thank-you view
   * offers only links that fit (EmailOutput.links).
   */
  mailto: string | null;
  /** Whether the addressee has a postal address (only then does "by post" say something true). */
  postal: boolean;
  xHandle: string | null;
  xPost: { text: string; url: string } | null;
};

/** Links that open a new message; `mailto` for the supporter's mail app. */
export type ComposeLinks = WebmailLinks & { mailto: string };

/** One email to one address (or set of addresses), for every addressee there. */
export type EmailOutput = {
  addresseeIds: string[];
  names: string[];
  to: string[];
  subject: string;
  text: string;
  /** Links carrying the whole letter; null when one would be longer than maxLinkLength. */
  links: ComposeLinks | null;
  /** Links with the address and subject only, to paste the copied letter into: always short. */
  blankLinks: ComposeLinks;
};

export type LetterOutputs = {
  addressees: AddresseeOutput[];
  /** One email per address, in the addressees' order. */
  emails: EmailOutput[];
  /** One message to every distinct email address, or null if none has one (API clients; see mailtoAllFits). */
  mailtoAll: string | null;
  /** Whether mailtoAll is short enough to offer as a link (maxLinkLength). */
  mailtoAllFits: boolean;
  copyText: string;
};

/** The links that open this message: the mail app's and each webmail service's. */
export function composeLinks(message: { to: readonly string[]; subject: string; body: string }): ComposeLinks {
  return { mailto: mailtoLink(message), ...webmailLinks(message) };
}

function fitting(links: ComposeLinks): ComposeLinks | null {
  return Object.values(links).every((link) => link.length <= maxLinkLength) ? links : null;
}

/**
 * Letters with an email address, grouped so that letters sharing any
 * address are one group (the appeal gives one address for two missions).
 */
export function groupBySharedAddress<L extends ComposedLetter>(letters: readonly L[]): L[][] {
  const groups: { letters: L[]; addresses: Set<string> }[] = [];
  for (const letter of letters) {
    const addresses = letter.addressee.emails.map((a) => a.toLowerCase());
    if (addresses.length === 0) continue;
    const [into, ...others] = groups.filter((g) => addresses.some((a) => g.addresses.has(a)));
    if (!into) {
      groups.push({ letters: [letter], addresses: new Set(addresses) });
      continue;
    }
    into.letters.push(letter);
    for (const a of addresses) into.addresses.add(a);
    // A letter at two addresses can join two groups into one.
    for (const other of others) {
      into.letters.push(...other.letters);
      for (const a of other.addresses) into.addresses.add(a);
      groups.splice(groups.indexOf(other), 1);
    }
  }
  return groups.map((g) => g.letters.toSorted((a, b) => letters.indexOf(a) - letters.indexOf(b)));
}

/**
 * The email to send to a set of addressees: to one address (or addressees
 * sharing one), their letter, greeting each; to several addresses, one
 * letter with a salutation that fits everyone.
 */
export function emailFor(
  letters: readonly ComposedLetter[],
  draft: DraftForComposition,
): { to: { name: string; address: string }[]; subject: string; text: string } {
  const withEmail = letters.filter((l) => l.addressee.emails.length > 0);
  const to = distinctRecipients(withEmail);
  if (withEmail.length <= 1 || groupBySharedAddress(withEmail).length === 1) {
    return {
      to,
      subject: withEmail[0]?.subject ?? "",
      text: textForSharedAddress(withEmail.map((l) => ({ addresseeName: l.addressee.name, text: l.text }))),
    };
  }
  const group = composeGroupLetter(withEmail, draft);
  return { to, subject: group.subject, text: group.text };
}

export function letterOutputs(
  letters: readonly (ComposedLetter & { channel: LetterChannel })[],
  draft: DraftForComposition,
  xPostTemplate: string | null,
): LetterOutputs {
  const mailtoOf = new Map<string, string>();
  const emails: EmailOutput[] = groupBySharedAddress(letters).map((group) => {
    const email = emailFor(group, draft);
    const to = email.to.map((r) => r.address);
    const mailto = mailtoLink({ to, subject: email.subject, body: email.text });
    for (const l of group) mailtoOf.set(l.addressee.id, mailto);
    return {
      addresseeIds: group.map((l) => l.addressee.id),
      names: group.map((l) => l.addressee.name),
      to,
      subject: email.subject,
      text: email.text,
      links: fitting(composeLinks({ to, subject: email.subject, body: email.text })),
      blankLinks: composeLinks({ to, subject: email.subject, body: "" }),
    };
  });
  const all = emailFor(letters, draft);
  const mailtoAll =
    all.to.length > 0 ? mailtoLink({ to: all.to.map((r) => r.address), subject: all.subject, body: all.text }) : null;
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
        mailto: mailtoOf.get(letter.addressee.id) ?? null,
        postal: Boolean(letter.addressee.postalAddress?.trim()),
        xHandle: handle,
        xPost: text ? { text, url: xIntentUrl(text) } : null,
      };
    }),
    emails,
    mailtoAll,
    mailtoAllFits: mailtoAll !== null && mailtoAll.length <= maxLinkLength,
    copyText: lettersAsText(letters),
  };
}
