import { interfaceLocales, languageNames } from "@/lib/i18n/locales";

/** Links to this page in each interface language (plain links: no script, no cookie). */
export function LanguageSwitcher({ locale, path, label }: { locale: string; path: string; label: string }) {
  const join = path.includes("?") ? "&" : "?";
  return (
    <nav aria-label={label} className="language-switcher">
      <ul>
        {interfaceLocales.map((code) => (
          <li key={code}>
            {code === locale ? (
              <span aria-current="true" lang={code}>
                {languageNames[code]}
              </span>
            ) : (
              <a href={`${path}${join}lang=${code}`} hrefLang={code} lang={code}>
                {languageNames[code]}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
