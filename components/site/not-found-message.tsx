import { translator } from "@/lib/i18n/messages";
import { requestLocale } from "@/lib/i18n/request-locale";

/** What a 404 says, in the request's language, inside whichever frame the page has. */
export async function NotFoundMessage() {
  const locale = await requestLocale();
  const t = translator(locale, "notFound");
  return (
    <div className="not-found">
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      <p>
        <a href={`/?lang=${locale}`}>{t("home")}</a>
      </p>
    </div>
  );
}

/** The 404 page's title, in the request's language. */
export async function notFoundTitle(): Promise<string> {
  return translator(await requestLocale(), "notFound")("title");
}
