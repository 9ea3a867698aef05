// The one reminder before a confirmation link expires: a supporter who never
// confirms would otherwise lose their letters without a word. It links to the
// same page that shows the exact text before the confirm button, and says
// that no other reminder follows.
import { renderEmail, type EmailContext, type RenderedEmail } from "./layout";
import { emailTexts, fill } from "./texts";

export function confirmationReminderEmail(
  context: EmailContext & { campaignTitle: string; addressees: string[]; confirmUrl: string; expiresAt: Date },
): RenderedEmail {
  const t = emailTexts(context.language).reminder;
  // "5 March 2026 at 03:30", the style the site writes dates in (not "March 5, 2026 at 3:30 AM").
  const deadline = new Intl.DateTimeFormat(context.language === "en" ? "en-GB" : context.language, {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "UTC",
  }).format(context.expiresAt);
  return renderEmail({
    ...context,
    subject: t.subject,
    blocks: [
      { kind: "paragraph", text: fill(t.intro, { title: context.campaignTitle }) },
      { kind: "paragraph", text: t.list },
      { kind: "list", items: context.addressees },
      { kind: "paragraph", text: fill(t.deadline, { deadline }) },
      { kind: "link", label: t.link, url: context.confirmUrl },
      { kind: "link", label: t.notMe, url: context.deleteUrl },
      { kind: "paragraph", text: t.last },
    ],
  });
}
