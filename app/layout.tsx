import "@fontsource/noto-sans/400.css";
import "@fontsource/noto-sans/700.css";
import "./globals.css";
import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { directionOf } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/messages";
import { requestLocale } from "@/lib/i18n/request-locale";

export async function generateMetadata(): Promise<Metadata> {
  const name = translator(await requestLocale(), "site")("name");
  return {
    title: { default: name, template: `%s · ${name}` },
    description: "Write to the authorities in support of human rights defenders.",
    // Supporters' visits are nobody else's business: no referrer leaves the
    // site (same-origin keeps the Origin header that protects forms; proxy.ts).
    referrer: "same-origin",
    robots: { index: true, follow: false },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#ffffff" };

// The frame inside <body> is each route group's layout: (site) and (staff) the
// site's header and footer, (embed) the bare widget.
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Reading the request makes every page render per request, as the CSP
  // nonce (proxy.ts) must be fresh each time.
  await headers();
  const locale = await requestLocale();
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <body>{children}</body>
    </html>
  );
}
