// The public campaign page. Server-rendered; works without JavaScript.
import type { PublicCampaign } from "@/lib/campaigns/schema";
import { formatDate, languageNames, translator } from "@/lib/i18n/messages";
import type { CampaignTotals } from "@/lib/tallies/schema";
import { AddresseeCard } from "./addressee-card";
import { SafetyNotice } from "./safety-notice";
import { SignatureCount } from "./signature-count";

/**
 * `locale` is the interface language; `campaign.language` the language of the
 * campaign's own texts (its best match, marked with lang= for readers).
 */
export function CampaignPage({
  campaign,
  totals,
  locale,
}: {
  campaign: PublicCampaign;
  totals: CampaignTotals;
  locale: string;
}) {
  const language = campaign.language;
  const t = translator(locale, "campaign");
  const writeHref = `/c/${campaign.slug}/write?lang=${locale}`;

  return (
    <article lang={language} className="campaign">
      <SafetyNotice heading={t("safetyHeading")} text={campaign.safetyNotice} />

      <header className="campaign-header">
        <p className="eyebrow">
          {t("organisedBy", { organiser: campaign.organiser })}
          {campaign.appealDate ? ` · ${t("appealDate", { date: formatDate(campaign.appealDate, locale) })}` : null}
        </p>
        <h1>{campaign.title}</h1>
        <p className="lead">{campaign.summary}</p>
        {campaign.languages.length > 1 ? (
          <p className="language-links">
            {t("otherLanguages")}{" "}
            {campaign.languages.map((code, index) => (
              <span key={code}>
                {index > 0 ? " · " : null}
                {code === language ? (
                  <strong aria-current="true">{languageNames[code] ?? code}</strong>
                ) : (
                  <a href={`${campaign.url}?lang=${code}`} hrefLang={code} lang={code}>
                    {languageNames[code] ?? code}
                  </a>
                )}
              </span>
            ))}
          </p>
        ) : null}
      </header>

      <SignatureCount totals={totals} locale={locale} />

      {campaign.status === "closed" ? (
        <p className="notice">{t("closed")}</p>
      ) : (
        <p className="cta">
          <a className="button" href={writeHref}>
            {t("writeCta")}
          </a>
          <span className="hint">{t("writeCtaHint")}</span>
        </p>
      )}

      <section aria-labelledby="demands-heading">
        <h2 id="demands-heading">{t("demands")}</h2>
        <p>{t("demandsIntro")}</p>
        <ol className="demands">
          {campaign.demands.map((demand) => (
            <li key={demand.position}>{demand.text}</li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="context-heading">
        <h2 id="context-heading">{t("whatHappened")}</h2>
        {campaign.context.map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
      </section>

      <section aria-labelledby="why-heading">
        <h2 id="why-heading">{t("whyItMatters")}</h2>
        {campaign.whyItMatters.map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
      </section>

      <section aria-labelledby="addressees-heading">
        <h2 id="addressees-heading">{t("addressees")}</h2>
        <p>{t("addresseesIntro")}</p>
        <ul className="addressees">
          {campaign.addressees.map((addressee) => (
            <AddresseeCard key={addressee.id} addressee={addressee} locale={locale} />
          ))}
        </ul>
      </section>

      {campaign.status === "open" ? (
        <p className="cta">
          <a className="button" href={writeHref}>
            {t("writeCta")}
          </a>
        </p>
      ) : null}
      <p className="small">{t("signatures", { count: totals.signatures })}</p>
    </article>
  );
}
