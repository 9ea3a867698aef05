// Sent when the hour ends to an address that was given more often than we
// send confirmation emails (five an hour): one email listing every held
// submission, each with its own link to the page that shows the exact text
// before the confirm button, and its own "this was not me".
import { renderEmail, type EmailContext, type RenderedEmail } from "./layout";
import { emailTexts, fill } from "./texts";

export type HeldSubmission = {
  at: Date;
  campaignTitle: string;
  addressees: string[];
  confirmUrl: string;
  deleteUrl: string;
};

export function heldConfirmationsEmail(context: EmailContext & { submissions: HeldSubmission[] }): RenderedEmail {
  const t = emailTexts(context.language).held;
  const time = new Intl.DateTimeFormat(context.language, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  return renderEmail({
    ...context,
    subject: t.subject,
    blocks: [
      { kind: "paragraph", text: t.intro },
      ...context.submissions.flatMap((s) => [
        {
          kind: "paragraph" as const,
          text: fill(t.item, { time: time.format(s.at), title: s.campaignTitle, addressees: s.addressees.join(", ") }),
        },
        { kind: "link" as const, label: t.confirm, url: s.confirmUrl },
        { kind: "link" as const, label: t.notMe, url: s.deleteUrl },
      ]),
      { kind: "paragraph", text: t.ignore },
    ],
  });
}
