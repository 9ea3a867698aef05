import { LanguageSwitcher } from "@/components/site/language-switcher";
import { translator } from "@/lib/i18n/messages";
import { requestLocale, requestPathWithoutLang } from "@/lib/i18n/request-locale";

/**
 * The site's frame around a page: skip link, header with the language
 * switcher, footer. The public pages, the staff area and the 404 page share it.
 */
export async function SiteFrame({ children }: { children: React.ReactNode }) {
  const locale = await requestLocale();
  const t = translator(locale, "site");
  const path = await requestPathWithoutLang();
  return (
    <>
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
    </>
  );
}
