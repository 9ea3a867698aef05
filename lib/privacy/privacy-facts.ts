// What the privacy page states, read from the running settings, so the page
// cannot drift from what the app really does.
import type { ServerEnv } from "@/lib/core/env";

export type PrivacyFacts = {
  retentionDays: number;
  mail: { kind: "relay"; host: string } | { kind: "local" };
  perClientLimits: boolean;
  confirmationLinkHours: number;
  rateLimitWindowMinutes: number;
  /**
   * Supporters who ticked "you may contact me" and confirmed their address
   * keep their contact (encrypted) past delivery, for the outcome update,
   * until this many days after the campaign closes (purge-personal-data.ts).
   * Everything else of theirs, and everyone else's data, goes `retentionDays`
   * after delivery or closing, whichever comes first.
   */
  contactForUpdates: { daysAfterClose: number };
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
    contactForUpdates: { daysAfterClose: settings.PERSONAL_DATA_RETENTION_DAYS },
  };
}
