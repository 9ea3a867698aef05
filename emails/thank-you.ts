// Sent once the address is confirmed and the letters are queued.
import { renderEmail, type EmailContext, type RenderedEmail } from "./layout";
import { emailTexts, fill } from "./texts";

export function thankYouEmail(context: EmailContext & { campaignTitle: string; addressees: string[] }): RenderedEmail {
  const t = emailTexts(context.language).thankYou;
  return renderEmail({
    ...context,
    subject: t.subject,
    blocks: [
      { kind: "paragraph", text: fill(t.body, { title: context.campaignTitle }) },
      { kind: "list", items: context.addressees },
      { kind: "paragraph", text: t.next },
      { kind: "paragraph", text: t.safety },
    ],
  });
}
