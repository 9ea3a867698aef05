import type { Metadata } from "next";
import { env } from "@/lib/core/env";
import { translator } from "@/lib/i18n/messages";
import { requestLocale, requestPathWithoutLang } from "@/lib/i18n/request-locale";
import { requestOrigin } from "@/lib/http/request-origin";
import { onionOffer } from "@/lib/privacy/onion-offer";
import { privacyFacts } from "@/lib/privacy/privacy-facts";
import { OnionNotice } from "@/components/site/onion-notice";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await requestLocale(), "privacy")("title") };
}

const rows = [
  ["countsWhat", "countsWhy", "countsHow", "countsDeleted"],
  ["contactWhat", "contactWhy", "encrypted", "contactDeleted"],
  ["textsWhat", "textsWhy", "encrypted", "textsDeleted"],
  ["keptWhat", "keptWhy", "encrypted", "keptDeleted"],
  ["hashWhat", "hashWhy", "hashHow", "hashDeleted"],
  ["limitsWhat", "limitsWhy", "limitsHow", "limitsDeleted"],
] as const;

/** Generated from the running settings (lib/privacy/privacy-facts.ts). */
export default async function PrivacyPage() {
  const f = privacyFacts(env());
  const locale = await requestLocale();
  const t = translator(locale, "privacy");
  const onion = onionOffer(await requestOrigin(), await requestPathWithoutLang(), locale);
  const values = { days: f.retentionDays, minutes: f.rateLimitWindowMinutes, hours: f.confirmationLinkHours };
  // Consenting supporters' contact: the same period, counted from the campaign's close.
  const kept = { ...values, days: f.contactForUpdates.daysAfterClose };
  return (
    <div className="prose">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>

      <h2 id="kept">{t("keptHeading")}</h2>
      <table data-testid="privacy-kept">
        <thead>
          <tr>
            <th scope="col">{t("colWhat")}</th>
            <th scope="col">{t("colWhy")}</th>
            <th scope="col">{t("colHow")}</th>
            <th scope="col">{t("colDeleted")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row[0]}>
              {row.map((key) => (
                <td key={key}>{t(key, row[0] === "keptWhat" ? kept : values)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t("unconfirmed", values)}</p>

      <h2 id="never">{t("neverHeading")}</h2>
      <ul>
        <li>{t("neverIp")}</li>
        <li>{t("neverExports")}</li>
        <li>{t("neverList")}</li>
      </ul>

      <h2 id="third-parties">{t("thirdHeading")}</h2>
      <p>
        {t("thirdIntro")} {f.mail.kind === "relay" ? t("thirdRelay", { host: f.mail.host }) : t("thirdLocal")}{" "}
        {t("thirdOwn")}
      </p>

      <h2 id="who-sees">{t("whoHeading")}</h2>
      <p>{t("who")}</p>
      <p>{t("whoUpdates")}</p>

      <h2 id="safety">{t("safetyHeading")}</h2>
      <ul>
        <li>{t("safetyName")}</li>
        <li>{t("safetyProvider")}</li>
        <li>{t("safetyTor")}</li>
      </ul>
      <OnionNotice offer={onion} locale={locale} />
    </div>
  );
}
