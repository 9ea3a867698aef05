import "@fontsource/noto-sans/400.css";
import "@fontsource/noto-sans/700.css";
import "./globals.css";
import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { LanguageSwitcher } from "@/components/site/LanguageSwitcher";
import { directionOf } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/messages";
import { requestLocale, requestPathWithoutLang } from "@/lib/i18n/request-locale";

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

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Reading the request makes every page render per request, as the CSP
  // nonce (proxy.ts) must be fresh each time.
  await headers();
  const locale = await requestLocale();
  const t = translator(locale, "site");
  const path = await requestPathWithoutLang();
  // The widget partner sites frame (/embed/<slug>) stands alone: no site frame.
  if (path.startsWith("/embed/")) {
    return (
      <html lang={locale} dir={directionOf(locale)}>
        <body className="embedded">
          <main id="main">{children}</main>
        </body>
      </html>
    );
  }
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <body>
        <a className="skip-link" href="#main">
          {t("skipToContent")}
        </a>
        <header className="site-header">
          <a href={`/?lang=${locale}`} className="site-name">
            {t("name")}
          </a>
          <LanguageSwitcher locale={locale} path={path} label={t("languageLabel")} />
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>{t("footer")}</p>
          <p>
            <a href={`/privacy?lang=${locale}`}>{t("privacy")}</a>
          </p>
        </footer>
      </body>
    </html>
  );
}
