// Sent when a supporter asks us to send their letters: nothing leaves until
// they follow the signed link (double opt-in), so no one can send letters in
// someone else's name.
import { renderEmail, type EmailContext, type RenderedEmail } from "./layout";
import { emailTexts, fill } from "./texts";

export function addressConfirmationEmail(context: EmailContext & { campaignTitle: string; addressees: string[]; confirmUrl: string }): RenderedEmail {
  const t = emailTexts(context.language).confirmation;
  return renderEmail({
    ...context,
    subject: t.subject,
    blocks: [
      { kind: "paragraph", text: fill(t.intro, { title: context.campaignTitle }) },
      { kind: "paragraph", text: t.list },
      { kind: "list", items: context.addressees },
      { kind: "link", label: t.link, url: context.confirmUrl },
      { kind: "paragraph", text: t.ignore },
    ],
  });
}
