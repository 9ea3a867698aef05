// Supporter emails: text and HTML parts in every interface language, each with
// the delete-my-data link, and nothing a campaign or addressee name holds
// can become markup.
import { describe, expect, it } from "vitest";
import { addressConfirmationEmail } from "@/emails/address-confirmation";
import { deliverySummaryEmail } from "@/emails/delivery-summary";
import { emailLanguages } from "@/emails/texts";
import { thankYouEmail } from "@/emails/thank-you";

const context = (language: string) => ({ language, retentionDays: 30, deleteUrl: `https://letters.example/privacy/delete?token=t.1&lang=${language}` });

describe("supporter emails", () => {
  it.each(emailLanguages)("in %s: all three carry text, HTML and the delete link", (language) => {
    const emails = [
      addressConfirmationEmail({ ...context(language), campaignTitle: "Free them", addressees: ["Sergey Lavrov"], confirmUrl: "https://letters.example/c/x/confirm?token=c.2" }),
      thankYouEmail({ ...context(language), campaignTitle: "Free them", addressees: ["Sergey Lavrov"] }),
      deliverySummaryEmail({ ...context(language), campaignTitle: "Free them", outcomes: [{ addressee: "Sergey Lavrov", status: "sent", sentAt: new Date("2026-11-23T10:00:00Z") }] }),
    ];
    for (const email of emails) {
      expect(email.text).toContain(`https://letters.example/privacy/delete?token=t.1&lang=${language}`);
      expect(email.html).toContain(`href="https://letters.example/privacy/delete?token=t.1&amp;lang=${language}"`);
      expect(email.html).toContain(`<html lang="${language}" dir="ltr">`);
      expect(email.text).toContain("30");
      expect(email.text).toContain("Sergey Lavrov");
      expect(email.subject.length).toBeGreaterThan(5);
    }
    // Each language has its own words, not English.
    if (language !== "en") expect(emails[0]!.subject).not.toBe("Confirm your email address to send your letters");
  });

  it("says which letters were delivered and which were refused, with the date in the reader's language", () => {
    const email = deliverySummaryEmail({
      ...context("fr"),
      campaignTitle: "Libérez-les",
      outcomes: [
        { addressee: "Sergueï Lavrov", status: "sent", sentAt: new Date("2026-11-23T10:00:00Z") },
        { addressee: "Igor Krasnov", status: "failed", sentAt: null },
      ],
    });
    expect(email.text).toContain("- Sergueï Lavrov : remise le 23 novembre 2026");
    expect(email.text).toContain("- Igor Krasnov : n’a pas pu être remise");
  });

  it("escapes names in the HTML part", () => {
    const email = thankYouEmail({ ...context("en"), campaignTitle: `<script>alert(1)</script>`, addressees: [`"><img src=x onerror=alert(1)>`] });
    expect(email.html).not.toContain("<script>");
    expect(email.html).not.toContain("<img");
    expect(email.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });
});
