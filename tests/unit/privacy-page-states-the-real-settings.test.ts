// The privacy page's facts come from the settings the app runs with.
import { describe, expect, it } from "vitest";
import { parseServerEnv } from "@/lib/core/env";
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
    });
  });
});
