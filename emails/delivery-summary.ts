// Sent when every message of a signature has reached its end: delivered,
// refused for good, or cancelled.
import { renderEmail, type EmailContext, type RenderedEmail } from "./layout";
import { emailTexts, fill } from "./texts";

export type DeliveryOutcome = { addressee: string; status: "sent" | "failed" | "cancelled"; sentAt: Date | null };

export function deliverySummaryEmail(
  context: EmailContext & { campaignTitle: string; outcomes: DeliveryOutcome[] },
): RenderedEmail {
  const t = emailTexts(context.language).summary;
  const date = new Intl.DateTimeFormat(context.language, { dateStyle: "long", timeZone: "UTC" });
  return renderEmail({
    ...context,
    subject: t.subject,
    blocks: [
      { kind: "paragraph", text: fill(t.intro, { title: context.campaignTitle }) },
      {
        kind: "list",
        items: context.outcomes.map((o) =>
          fill(t[o.status], { addressee: o.addressee, date: o.sentAt ? date.format(o.sentAt) : "" }),
        ),
      },
      { kind: "paragraph", text: t.closing },
    ],
  });
}
