// The emails that confirm an address kept only so the organisers may write
// (no letters for our server to send): in every interface language, text and
// HTML, the confirm link and the delete link, saying that nothing is sent in
// the supporter's name, and showing no letter; the reminder with its
// deadline in UTC; the flooded address's list in the same words. The two
// letter emails open alike, from one shared piece.
import { describe, expect, it } from "vitest";
import { addressConfirmationEmail } from "@/emails/address-confirmation";
import { contactConfirmationEmail } from "@/emails/contact-confirmation";
import { confirmationReminderEmail } from "@/emails/confirmation-reminder";
import { heldConfirmationsEmail } from "@/emails/held-confirmations";
import { emailLanguages, emailTexts } from "@/emails/texts";

const context = (language: string) => ({
  language,
  retentionDays: 30,
  deleteUrl: `https://letters.example/privacy/delete?token=t.1&lang=${language}`,
  campaignTitle: "Free <them>",
  confirmUrl: "https://letters.example/c/x/confirm?token=c.2",
});

describe("contact confirmation emails", () => {
  it.each(emailLanguages)("in %s: ask only to confirm the address, with both links and no letter", (language) => {
    const confirmation = contactConfirmationEmail(context(language));
    // The reminder without addressees: the address alone waits.
    const reminder = confirmationReminderEmail({ ...context(language), expiresAt: new Date("2026-03-05T09:30:00Z") });
    const t = emailTexts(language);
    for (const email of [confirmation, reminder]) {
      expect(email.text).toContain("https://letters.example/c/x/confirm?token=c.2");
      expect(email.text).toContain(`https://letters.example/privacy/delete?token=t.1&lang=${language}`);
      expect(email.html).toContain(`href="https://letters.example/privacy/delete?token=t.1&amp;lang=${language}"`);
      expect(email.html).toContain(`<html lang="${language}" dir="ltr">`);
      expect(email.text).toContain("Free <them>");
      expect(email.html).toContain("Free &lt;them&gt;");
      expect(email.html).not.toContain("<ul>");
      expect(email.html).not.toContain("<blockquote");
    }
    expect(confirmation.subject).toBe(t.contactConfirmation.subject);
    expect(confirmation.text).toContain(t.contactConfirmation.nothingSent);
    expect(reminder.subject).toBe(t.contactReminder.subject);
    // The deadline in UTC, whatever the machine's zone: 09:30 on 5 March.
    expect(reminder.text).toMatch(/5[^\d]+(March|mars|marzo|марта)[^\d]+2026[^\d]+0?9:30.*\(UTC\)/);
    if (language !== "en") {
      expect(confirmation.subject).not.toBe(emailTexts("en").contactConfirmation.subject);
      expect(reminder.subject).not.toBe(emailTexts("en").contactReminder.subject);
    }
  });

  it("list a held submission without letters in their own words, and a mixed list under the letters' subject", () => {
    const submission = {
      at: new Date("2026-03-02T09:30:00Z"),
      campaignTitle: "Free them",
      confirmUrl: "https://letters.example/c/x/confirm?token=c.3",
      deleteUrl: "https://letters.example/privacy/delete?token=t.3&lang=en",
    };
    const contactOnly = heldConfirmationsEmail({
      ...context("en"),
      submissions: [{ ...submission, addressees: null }],
    });
    expect(contactOnly.subject).toBe("Your address was given on our letter form: confirm only what you did yourself");
    expect(contactOnly.text).toContain(
      "campaign “Free them”: may the organisers email you about this appeal? (nothing is sent in your name)",
    );
    expect(contactOnly.text).toContain(
      "Confirm my address for this appeal (72 hours):\nhttps://letters.example/c/x/confirm?token=c.3",
    );
    const mixed = heldConfirmationsEmail({
      ...context("en"),
      submissions: [
        { ...submission, addressees: null },
        { ...submission, addressees: ["Sergey Lavrov"] },
      ],
    });
    expect(mixed.subject).toBe("Letters in your name are waiting: see them before anything is sent");
    expect(mixed.text).toContain("letters to: Sergey Lavrov");
  });

  it("leave the letter emails' shared opening as it was: the campaign, then the letters waiting", () => {
    const letters = { addressees: ["Sergey Lavrov", "Igor Krasnov"] };
    const confirmation = addressConfirmationEmail({
      ...context("en"),
      ...letters,
      letter: { subject: "S", text: "T", replyToMe: false },
    });
    const reminder = confirmationReminderEmail({
      ...context("en"),
      ...letters,
      expiresAt: new Date("2026-03-05T09:30:00Z"),
    });
    expect(confirmation.text).toMatch(
      /^You asked us to send your letters for the campaign “Free <them>”\. They leave only once you confirm this address\.\n\nLetters waiting for your confirmation:\n\n- Sergey Lavrov\n- Igor Krasnov\n\n/,
    );
    expect(reminder.text).toMatch(
      /^You asked us to send your letters for the campaign “Free <them>”\. Nothing has been sent yet: they leave only once you confirm this address\.\n\nLetters waiting for your confirmation:\n\n- Sergey Lavrov\n- Igor Krasnov\n\n/,
    );
  });
});
