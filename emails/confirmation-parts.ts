// The one frame of the emails that ask a supporter to confirm their address
// (for their letters, or for the address alone, and the one reminder of
// each): what it is about, the confirm link, "this was not me", and a last
// word. Their own parts go in between: the letters waiting, the exact text,
// the deadline.
import { renderEmail, type EmailBlock, type EmailContext, type EmailLink, type RenderedEmail } from "./layout";
import { fill } from "./texts";

export type ConfirmationContext = EmailContext & { campaignTitle: string; confirmUrl: EmailLink };

/**
 * `t` the email's texts. With `addressees` (letters wait) the email names
 * them right after what it is about, under `t.list`: the opening the letters'
 * confirmation and their reminder share.
 */
export function confirmationFrame(
  context: ConfirmationContext & { addressees?: string[] },
  t: { subject: string; intro: string; list?: string; link: string; notMe: string },
  parts: { between: EmailBlock[]; last: string },
): RenderedEmail {
  const waiting: EmailBlock[] =
    context.addressees && t.list
      ? [
          { kind: "paragraph", text: t.list },
          { kind: "list", items: context.addressees },
        ]
      : [];
  return renderEmail({
    ...context,
    subject: t.subject,
    blocks: [
      { kind: "paragraph", text: fill(t.intro, { title: context.campaignTitle }) },
      ...waiting,
      ...parts.between,
      { kind: "link", label: t.link, url: context.confirmUrl },
      { kind: "link", label: t.notMe, url: context.deleteUrl },
      { kind: "paragraph", text: parts.last },
    ],
  });
}

/** A reminder's deadline, "5 March 2026 at 03:30" in UTC: the style the site writes dates in (not "March 5, 2026 at 3:30 AM"). */
export function deadlineParagraph(template: string, language: string, expiresAt: Date): EmailBlock {
  const deadline = new Intl.DateTimeFormat(language === "en" ? "en-GB" : language, {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "UTC",
  }).format(expiresAt);
  return { kind: "paragraph", text: fill(template, { deadline }) };
}
