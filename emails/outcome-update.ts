// Staff's one message on a campaign's outcome, to supporters who agreed to be
// contacted and confirmed their address. Staff write plain text: each
// paragraph they typed stays a paragraph, never markup.
import { renderEmail, type EmailContext, type RenderedEmail } from "./layout";
import { emailTexts, fill } from "./texts";

export function outcomeUpdateEmail(
  context: EmailContext & { campaignTitle: string; subject: string; body: string },
): RenderedEmail {
  const t = emailTexts(context.language).outcome;
  const paragraphs = context.body
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
  return renderEmail({
    ...context,
    subject: context.subject,
    blocks: [
      { kind: "paragraph", text: fill(t.intro, { title: context.campaignTitle }) },
      ...paragraphs.map((text) => ({ kind: "paragraph" as const, text })),
      { kind: "paragraph", text: t.safety },
    ],
  });
}
