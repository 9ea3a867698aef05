// The two new follow-ups speak every interface language: the confirmation
// reminder and the outcome update (text and HTML, the delete link, the
// deadline in UTC, typed text never markup), the footer's retention with the
// number of days declined, and every text of the /staff/updates page.
import { createTranslator } from "use-intl";
import { describe, expect, it } from "vitest";
import { confirmationReminderEmail } from "@/emails/confirmation-reminder";
import { outcomeUpdateEmail } from "@/emails/outcome-update";
import { daysPhrase, emailLanguages } from "@/emails/texts";
import { interfaceLocales } from "@/lib/i18n/locales";
import { catalogues } from "@/lib/i18n/messages";

const context = (language: string) => ({
  language,
  retentionDays: 30,
  deleteUrl: `https://letters.example/privacy/delete?token=t.1&lang=${language}`,
});

describe("follow-up emails", () => {
  it.each(emailLanguages)(
    "in %s: the reminder and the update carry their texts, the deadline and the delete link",
    (language) => {
      const reminder = confirmationReminderEmail({
        ...context(language),
        campaignTitle: "Free them",
        addressees: ["Sergey Lavrov"],
        confirmUrl: "https://letters.example/c/x/confirm?token=c.2",
        expiresAt: new Date("2026-03-05T09:30:00Z"),
      });
      const update = outcomeUpdateEmail({
        ...context(language),
        campaignTitle: "Free them",
        subject: "News <b>",
        body: "First <script>.\r\n\r\nSecond line\nstill second.",
      });
      for (const email of [reminder, update]) {
        expect(email.text).toContain(`https://letters.example/privacy/delete?token=t.1&lang=${language}`);
        expect(email.html).toContain(`href="https://letters.example/privacy/delete?token=t.1&amp;lang=${language}"`);
        expect(email.text).toContain("Free them");
      }
      expect(reminder.text).toContain("https://letters.example/c/x/confirm?token=c.2");
      expect(reminder.text).toContain("Sergey Lavrov");
      // The deadline in UTC, whatever the machine's zone: 09:30 on 5 March.
      expect(reminder.text).toMatch(/5[^\d]+(March|mars|marzo|марта)[^\d]+2026[^\d]+0?9:30.*\(UTC\)/);
      if (language !== "en")
        expect(reminder.subject).not.toBe("Reminder: your letters are waiting for your confirmation");
      expect(update.subject).toBe("News <b>");
      expect(update.text).toContain("First <script>.\n\nSecond line\nstill second.");
      expect(update.html).toContain("<p>First &lt;script&gt;.</p>");
      expect(update.html).toContain("<p>Second line<br>\nstill second.</p>");
    },
  );

  it("say the retention with the number of days as each language says it", () => {
    expect(daysPhrase("en", 1)).toBe("1 day");
    expect(daysPhrase("en", 30)).toBe("30 days");
    expect(daysPhrase("fr", 30)).toBe("30 jours");
    expect(daysPhrase("es", 1)).toBe("1 día");
    expect(["1 день", "2 дня", "5 дней", "21 день", "30 дней"]).toEqual(
      [1, 2, 5, 21, 30].map((days) => daysPhrase("ru", days)),
    );
    const footer = confirmationReminderEmail({
      ...context("ru"),
      campaignTitle: "x",
      addressees: [],
      confirmUrl: "https://l.example/c",
      expiresAt: new Date("2026-03-05T09:30:00Z"),
    }).text;
    expect(footer).toContain("через 30 дней после закрытия кампании");
    expect(footer).not.toContain("дн.");
  });
});

describe("the /staff/updates texts", () => {
  it("format in every language without an error", () => {
    const values = { title: "T", language: "L", count: 3, date: "5 March 2026", subject: "S", max: 200 };
    const keys = (o: object, p = ""): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === "object" ? keys(v, `${p}${k}.`) : [`${p}${k}`]));
    for (const locale of interfaceLocales) {
      const errors: string[] = [];
      const t = createTranslator({
        locale,
        messages: catalogues[locale],
        onError: (error) => errors.push(error.message),
      });
      for (const key of keys({ staffUpdates: catalogues.en.staffUpdates })) {
        expect(
          (t as unknown as (key: string, values: object) => string)(key, values),
          `${key} in ${locale}`,
        ).not.toMatch(/[{}]/);
      }
      expect(errors, locale).toEqual([]);
    }
    const ru = createTranslator({ locale: "ru", messages: catalogues.ru, namespace: "staffUpdates" });
    expect(ru("send", { count: 21 })).toBe("Отправить 21 человеку");
    expect(ru("send", { count: 5 })).toBe("Отправить 5 людям");
  });
});
