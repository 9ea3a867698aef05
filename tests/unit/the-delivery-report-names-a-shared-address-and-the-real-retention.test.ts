// The delivery report tells what happened, no more: the Geneva mission and the
// Brussels embassy share one address, so one email went there and the report
// says so, naming both (not "delivered" twice); it states the retention the
// privacy page states (the same setting), with each language's plural forms.
import { describe, expect, it } from "vitest";
import { deliverySummaryEmail } from "@/emails/delivery-summary";
import { emailLanguages } from "@/emails/texts";
import { privacyFacts } from "@/lib/privacy/privacy-facts";
import type { ServerEnv } from "@/lib/core/env";

const geneva = "Permanent Mission of the Russian Federation to the United Nations Office at Geneva";
const brussels = "Embassy of the Russian Federation in Brussels, Belgium";
const shared = "mission.russian@vtxnet.ch";

const report = (language: string, retentionDays: number) =>
  deliverySummaryEmail({
    language,
    retentionDays,
    deleteUrl: `https://letters.example/privacy/delete?token=t.1&lang=${language}`,
    campaignTitle: "Free them",
    outcomes: [
      {
        addressees: ["Vladimir Putin"],
        address: "letters@kremlin.example",
        status: "sent",
        sentAt: new Date("2026-11-23T10:00:00Z"),
      },
      { addressees: [geneva, brussels], address: shared, status: "sent", sentAt: new Date("2026-11-23T11:00:00Z") },
    ],
  });

describe("the delivery report", () => {
  it("gives one line for the one email to a shared address, naming both addressees and the address", () => {
    const { text } = report("en", 30);
    expect(text).toContain(
      "- Vladimir Putin: sent on 23 November 2026 and accepted by the mail servers (none has refused it so far)\n",
    );
    expect(text).toContain(
      `- ${geneva} and ${brussels}: one letter sent on 23 November 2026, in one email to the address they share (${shared}), and accepted by the mail servers`,
    );
    expect(text.match(/sent on/g)).toHaveLength(2);
    // Accepted by a mail server is all we can know: no line promises the inbox.
    expect(text).not.toMatch(/delivered on/);
  });

  it("states the retention the privacy page states, not 'will now be deleted'", () => {
    const days = privacyFacts({ PERSONAL_DATA_RETENTION_DAYS: 45 } as ServerEnv).retentionDays;
    const { text } = report("en", days);
    expect(text).not.toContain("will now be deleted");
    expect(text).toContain("We delete your personal data 45 days from today at the latest.");
    expect(text).toContain("until 45 days after the campaign closes");
    expect(report("en", 1).text).toContain("We delete your personal data 1 day from today at the latest.");
  });

  it.each([
    [1, "через 1 день", "в течение 1 дня"],
    [3, "через 3 дня", "в течение 3 дней"],
    [30, "через 30 дней", "в течение 30 дней"],
    [21, "через 21 день", "в течение 21 дня"],
  ])("in Russian, %i days take their plural forms", (days, within, during) => {
    const { text } = report("ru", days);
    expect(text).toContain(within);
    expect(text).toContain(during);
    expect(text).toContain(
      `${geneva} и ${brussels}: одно письмо на их общий адрес (${shared}) отправлено 23 ноября 2026 г. и принято почтовыми серверами`,
    );
  });

  it.each(emailLanguages)("in %s, no closing line keeps an unformatted plural", (language) => {
    const { text } = report(language, 30);
    expect(text).not.toMatch(/\{|plural|дн\./);
    expect(text).toContain("30");
  });
});
