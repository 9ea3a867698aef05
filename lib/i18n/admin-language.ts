// The admin area's interface language (proxy.ts: ?lang=, else the browser's
// Accept-Language) and its texts. Admin links and redirects carry the
// language on (`?lang=`), as the staff navigation and the site's own links do.
import "server-only";
import type { Metadata } from "next";
import { translator } from "@/lib/i18n/messages";
import { requestLocale } from "@/lib/i18n/request-locale";

export async function adminLanguage() {
  const locale = await requestLocale();
  /** An admin address that keeps this page's language. */
  const href = (path: string) => `${path}${path.includes("?") ? "&" : "?"}lang=${locale}`;
  return { locale, t: translator(locale, "admin"), href };
}

type AdminTitle =
  | "campaigns.title"
  | "addressees.title"
  | "addresseeEditor.title"
  | "campaignEditor.title"
  | "audit.title"
  | "delivery.title"
  | "directory.title"
  | "outbox.title";

/** A page title in the admin's language. */
export async function adminTitle(key: AdminTitle) {
  return translator(await requestLocale(), "admin")(key);
}

/** An admin page's metadata: its title in the admin's language, and no search engine. */
export async function adminMetadata(key: AdminTitle): Promise<Metadata> {
  return { title: await adminTitle(key), robots: { index: false } };
}

/** A day (stored at midnight UTC) the local way: "Nov 20, 2026", "20 nov. 2026". */
export function formatDay(date: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(date);
}

/** A moment, in UTC and said so: "Nov 20, 2026, 2:03 PM UTC", "20 нояб. 2026 г., 14:03 UTC". */
export function formatMoment(date: Date, locale: string, options: { seconds?: boolean } = {}): string {
  return `${new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: options.seconds ? "medium" : "short", timeZone: "UTC" }).format(date)} UTC`;
}
