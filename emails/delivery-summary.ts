// Sent when every message of a signature has reached its end: delivered,
// refused for good, or cancelled. One line per email, not per letter: when
// addressees share an address (the Geneva mission and the Brussels embassy)
// one email went, and the line names them all and says so.
import { createTranslator } from "use-intl/core";
import { renderEmail, type EmailContext, type RenderedEmail } from "./layout";
import { emailTexts } from "./texts";

export type DeliveryOutcome = {
  /** Whom the email's letters were to: one name, or every addressee sharing its address. */
  addressees: string[];
  /** Where the email went; named when several addressees share it. */
  address?: string;
  status: "sent" | "failed" | "cancelled";
  sentAt: Date | null;
};

export function deliverySummaryEmail(
  context: EmailContext & { campaignTitle: string; outcomes: DeliveryOutcome[] },
): RenderedEmail {
  const { language } = context;
  // ICU messages, so a number takes its language's plural form ("30 дней", not "30 дн.").
  const t = createTranslator({ locale: language, messages: { summary: emailTexts(language).summary } });
  // "23 November 2026", the site's date style in every language.
  const date = new Intl.DateTimeFormat(language === "en" ? "en-GB" : language, {
    dateStyle: "long",
    timeZone: "UTC",
  });
  const names = new Intl.ListFormat(language, { style: "long", type: "conjunction" });
  const line = (o: DeliveryOutcome) => {
    const values = { date: o.sentAt ? date.format(o.sentAt) : "", address: o.address ?? "" };
    return o.addressees.length > 1
      ? t(`summary.${o.status}Shared`, { ...values, addressees: names.format(o.addressees) })
      : t(`summary.${o.status}`, { ...values, addressee: o.addressees[0] ?? "" });
  };
  return renderEmail({
    ...context,
    subject: t("summary.subject"),
    blocks: [
      { kind: "paragraph", text: t("summary.intro", { title: context.campaignTitle }) },
      { kind: "list", items: context.outcomes.map(line) },
      { kind: "paragraph", text: t("summary.closing", { days: context.retentionDays }) },
    ],
  });
}
