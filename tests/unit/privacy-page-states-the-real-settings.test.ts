// The privacy page's facts come from the settings the app runs with.
import { describe, expect, it } from "vitest";
import { parseServerEnv } from "@/lib/core/env";
import { translator } from "@/lib/i18n/messages";
import { privacyFacts } from "@/lib/privacy/privacy-facts";

const base = { APP_SECRET: "x".repeat(40), DATABASE_URL: "postgresql://localhost/db" };

describe("privacy facts", () => {
  it("follow the retention period and the mail setting", () => {
    expect(privacyFacts(parseServerEnv({ ...base }))).toMatchObject({
      retentionDays: 30,
      mail: { kind: "local" },
      perClientLimits: false,
    });
    expect(
      privacyFacts(
        parseServerEnv({
          ...base,
          PERSONAL_DATA_RETENTION_DAYS: "14",
          SMTP_URL: "smtps://user:secret@smtp.example.org:465",
          CLIENT_IP_HEADER: "x-forwarded-for",
        }),
      ),
    ).toEqual({
      retentionDays: 14,
      mail: { kind: "relay", host: "smtp.example.org" },
      perClientLimits: true,
      confirmationLinkHours: 72,
      rateLimitWindowMinutes: 60,
      contactForUpdates: { daysAfterClose: 14 },
    });
  });

  it("say in every language that a consenting supporter's contact stays until the period after their update or the close, a year at most, with the days declined", () => {
    const days = privacyFacts(parseServerEnv({ ...base, PERSONAL_DATA_RETENTION_DAYS: "21" })).contactForUpdates
      .daysAfterClose;
    const kept = (language: string) => translator(language, "privacy")("keptDeleted", { days });
    expect(kept("en")).toMatch(
      /^21 days after the outcome update was sent to you or the campaign closed, whichever comes first, and at the latest a year after you signed/,
    );
    expect(kept("fr")).toMatch(/^21 jours après l’envoi de la nouvelle .* au plus tard un an après votre signature/);
    expect(kept("es")).toMatch(/^21 días después de que se le envíe .* como máximo un año después de firmar/);
    // Not "21 дн.": Russian declines the word (21 день, 30 дней).
    expect(kept("ru")).toMatch(
      /^Через 21 день после того, как вам отправлено сообщение об итогах.* не позже чем через год/,
    );
    expect(translator("ru", "privacy")("contactDeleted", { days: 30 })).toMatch(/^Через 30 дней после доставки/);
    for (const language of ["en", "fr", "es", "ru"]) {
      expect(translator(language, "privacy")("keptWhat")).not.toBe("privacy.keptWhat");
      expect(translator(language, "privacy")("whoUpdates").length).toBeGreaterThan(40);
    }
  });
});
