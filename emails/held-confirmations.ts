// Sent when the hour ends to an address that was given more often than we
// send confirmation emails (five an hour): one email listing every held
// submission, each with its own link to the page that shows the exact text
// before the confirm button (or, for a submission without letters for us
// to send, that asks only to confirm the address), and its own "this was
// not me".
import { renderEmail, type EmailContext, type EmailLink, type RenderedEmail } from "./layout";
import { emailTexts, fill } from "./texts";

export type HeldSubmission = {
  at: Date;
  campaignTitle: string;
  /** Whom the waiting letters go to; null for a submission that asks only to confirm the address (no letters). */
  addressees: string[] | null;
  confirmUrl: EmailLink;
  deleteUrl: EmailLink;
};

export function heldConfirmationsEmail(context: EmailContext & { submissions: HeldSubmission[] }): RenderedEmail {
  const t = emailTexts(context.language).held;
  const time = new Intl.DateTimeFormat(context.language, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const anyLetters = context.submissions.some((s) => s.addressees);
  return renderEmail({
    ...context,
    subject: anyLetters ? t.subject : t.subjectContact,
    blocks: [
      { kind: "paragraph", text: t.intro },
      ...context.submissions.flatMap((s) => [
        {
          kind: "paragraph" as const,
          text: s.addressees
            ? fill(t.item, { time: time.format(s.at), title: s.campaignTitle, addressees: s.addressees.join(", ") })
            : fill(t.itemContact, { time: time.format(s.at), title: s.campaignTitle }),
        },
        { kind: "link" as const, label: s.addressees ? t.confirm : t.confirmContact, url: s.confirmUrl },
        { kind: "link" as const, label: t.notMe, url: s.deleteUrl },
      ]),
      { kind: "paragraph", text: t.ignore },
    ],
  });
}
