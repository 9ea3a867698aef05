// Supporter emails: text and HTML parts in every interface language, each with
// the delete-my-data link, and nothing a campaign or addressee name holds
// can become markup.
import { describe, expect, it } from "vitest";
import { addressConfirmationEmail } from "@/emails/address-confirmation";
import { deliverySummaryEmail } from "@/emails/delivery-summary";
import { emailLanguages } from "@/emails/texts";
import { thankYouEmail } from "@/emails/thank-you";

const context = (language: string) => ({
  language,
  retentionDays: 30,
  deleteUrl: `https://letters.example/privacy/delete?token=t.1&lang=${language}`,
});

describe("supporter emails", () => {
  it.each(emailLanguages)("in %s: all three carry text, HTML and the delete link", (language) => {
    const emails = [
      addressConfirmationEmail({
        ...context(language),
        campaignTitle: "Free them",
        addressees: ["Sergey Lavrov"],
        confirmUrl: "https://letters.example/c/x/confirm?token=c.2",
        letter: {
          subject: "Free them",
          text: "Dear Minister,\n\nPlease act.\n\nAnna K., Kazan, Russia",
          replyToMe: true,
        },
      }),
      thankYouEmail({ ...context(language), campaignTitle: "Free them", addressees: ["Sergey Lavrov"] }),
      deliverySummaryEmail({
        ...context(language),
        campaignTitle: "Free them",
        outcomes: [{ addressees: ["Sergey Lavrov"], status: "sent", sentAt: new Date("2026-11-23T10:00:00Z") }],
      }),
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

  it("show, before anything is sent, the exact letter, the signature line and who will see the address, beside 'this was not me'", () => {
    const letter = {
      subject: "Free them <now>",
      text: "Dear Minister,\n\nPlease act.\n\nAnna K., Kazan, Russia",
      replyToMe: true,
    };
    const email = addressConfirmationEmail({
      ...context("en"),
      campaignTitle: "Free them",
      addressees: ["Sergey Lavrov"],
      confirmUrl: "https://letters.example/c/x/confirm?token=c.2",
      letter,
    });
    expect(email.text).toContain("This is exactly what will be sent in your name");
    expect(email.text).toContain(
      "> Free them <now>\n> \n> Dear Minister,\n> \n> Please act.\n> \n> Anna K., Kazan, Russia",
    );
    expect(email.text).toContain("the FSB and the Prosecutor General’s Office included, will see it.");
    expect(email.text).toContain(
      "This was not me: delete it (nothing will be sent):\nhttps://letters.example/privacy/delete?token=t.1&lang=en",
    );
    expect(email.html).toContain("Free them &lt;now&gt;");
    const quiet = addressConfirmationEmail({
      ...context("ru"),
      campaignTitle: "x",
      addressees: ["Сергей Лавров"],
      confirmUrl: "https://l.example/c",
      letter: { ...letter, replyToMe: false },
    });
    expect(quiet.text).toContain("Адресаты не увидят этот адрес.");
    expect(quiet.text).toContain("Это был не я: удалить");
  });

  it("says which letters the mail servers accepted and which they refused, with the date in the reader's language", () => {
    const email = deliverySummaryEmail({
      ...context("fr"),
      campaignTitle: "Libérez-les",
      outcomes: [
        { addressees: ["Sergueï Lavrov"], status: "sent", sentAt: new Date("2026-11-23T10:00:00Z") },
        { addressees: ["Igor Krasnov"], status: "failed", sentAt: null },
      ],
    });
    expect(email.text).toContain(
      "- Sergueï Lavrov : envoyée le 23 novembre 2026 et acceptée par les serveurs de messagerie (aucun ne l’a refusée jusqu’ici)",
    );
    expect(email.text).toContain("- Igor Krasnov : non remise");
    // Accepted is not read: the report promises no inbox.
    expect(email.text).toContain("pas si elle est arrivée dans la boîte de réception");
  });

  it("escapes names in the HTML part", () => {
    const email = thankYouEmail({
      ...context("en"),
      campaignTitle: `<script>alert(1)</script>`,
      addressees: [`"><img src=x onerror=alert(1)>`],
    });
    expect(email.html).not.toContain("<script>");
    expect(email.html).not.toContain("<img");
    expect(email.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });
});
