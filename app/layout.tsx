import "@fontsource/noto-sans/400.css";
import "@fontsource/noto-sans/700.css";
import "./globals.css";
import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { messagesFor } from "@/lib/i18n/messages";

export const metadata: Metadata = {
  title: { default: "Letter campaigns", template: "%s · Letter campaigns" },
  description: "Write to the authorities in support of human rights defenders.",
  // Supporters' visits are nobody else's business: no referrer leaves the
  // site (same-origin keeps the Origin header that protects forms; next.config.ts).
  referrer: "same-origin",
  robots: { index: true, follow: false },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#ffffff" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Reading the request makes every page render per request, as the CSP
  // nonce (proxy.ts) must be fresh each time.
  await headers();
  const t = messagesFor("en").site;
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          {t.skipToContent}
        </a>
        <header className="site-header">
          <a href="/" className="site-name">
            {t.name}
          </a>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>{t.footer}</p>
          <p>
            <a href="/privacy">Privacy</a>
          </p>
        </footer>
      </body>
    </html>
  );
}
