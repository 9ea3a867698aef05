import type { Metadata } from "next";
import { translator } from "@/lib/i18n/messages";
import { requestLocale } from "@/lib/i18n/request-locale";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await requestLocale(), "notFound")("title") };
}

export default async function NotFound() {
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
