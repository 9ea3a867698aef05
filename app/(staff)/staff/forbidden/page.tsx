import type { Metadata } from "next";
import { translator } from "@/lib/i18n/messages";
import { requestLocale } from "@/lib/i18n/request-locale";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await requestLocale(), "staff")("forbidden.title"), robots: { index: false } };
}

export default async function ForbiddenPage() {
  const locale = await requestLocale();
  const t = translator(locale, "staff");
  return (
    <div>
      <h1>{t("forbidden.title")}</h1>
      <p role="alert">{t("forbidden.body")}</p>
      <p>
        <a href={`/staff?lang=${locale}`}>{t("forbidden.back")}</a>
      </p>
    </div>
  );
}
