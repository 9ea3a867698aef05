// What the privacy page states, read from the running settings, so the page
// cannot drift from what the app really does.
import type { ServerEnv } from "@/lib/core/env";

export type PrivacyFacts = {
  retentionDays: number;
  mail: { kind: "relay"; host: string } | { kind: "local" };
  perClientLimits: boolean;
  confirmationLinkHours: number;
  rateLimitWindowMinutes: number;
};

export function privacyFacts(settings: ServerEnv): PrivacyFacts {
  let mail: PrivacyFacts["mail"] = { kind: "local" };
  if (settings.SMTP_URL) {
    try {
      mail = { kind: "relay", host: new URL(settings.SMTP_URL).hostname };
    } catch {
      mail = { kind: "relay", host: "(the configured mail server)" };
    }
  }
  return {
    retentionDays: settings.PERSONAL_DATA_RETENTION_DAYS,
    mail,
    perClientLimits: Boolean(settings.CLIENT_IP_HEADER) && settings.CLIENT_IP_HEADER !== "none",
    confirmationLinkHours: 72,
    rateLimitWindowMinutes: 60,
  };
}
