// The public campaign page. Server-rendered; works without JavaScript.
import { withPartnerSource } from "@/lib/campaigns/partner-source";
import type { PublicCampaign } from "@/lib/campaigns/schema";
import { formatDate, languageNames, translator } from "@/lib/i18n/messages";
import type { OnionOffer } from "@/lib/privacy/onion-offer";
import type { CampaignTotals } from "@/lib/tallies/schema";
import { AddresseeCard } from "./addressee-card";
import { SafetyNotice } from "./safety-notice";
import { ShareLinks } from "./share-links";
import { SignatureCount } from "./signature-count";

/**
 * `locale` is the interface language; `campaign.language` the language of the
 * campaign's own texts (its best match, marked with lang= for readers).
 * `source` is a checked partner code from the page's address, carried into
 * the links to the letter builder and to the other languages. `origin` is
 * the one the reader came in on (the address they share); `onion` what the
 * safety notice says about the onion service.
 */
export function CampaignPage({
  campaign,
  totals,
  locale,
  source,
  origin,
  onion,
}: {
  campaign: PublicCampaign;
  totals: CampaignTotals;
  locale: string;
  source?: string;
  origin: string;
  onion: OnionOffer | null;
}) {
  const language = campaign.language;
  const t = translator(locale, "campaign");
  const writeHref = withPartnerSource(`/c/${campaign.slug}/write?lang=${locale}`, source);
  const open = campaign.status === "open";
  const cta = (
    <p className="cta">
      <a className="button" href={writeHref}>
        {t("writeCta")}
      </a>
      <span className="hint">{t("writeCtaHint")}</span>
    </p>
  );

  return (
    <article lang={language} className="campaign">
      <SafetyNotice heading={t("safetyHeading")} text={campaign.safetyNotice} onion={onion} locale={locale} />

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
                  <a href={withPartnerSource(`${campaign.url}?lang=${code}`, source)} hrefLang={code} lang={code}>
                    {languageNames[code] ?? code}
                  </a>
                )}
              </span>
            ))}
          </p>
        ) : null}
      </header>

      <SignatureCount totals={totals} locale={locale} />

      {!open ? (
        <p className="notice">{t("closed")}</p>
      ) : campaign.firstStep ? (
        // What the appeal asks first, before the demands, with the way to do it.
        <section aria-labelledby="first-step-heading" className="first-step">
          <h2 id="first-step-heading" lang={locale}>
            {t("firstStepHeading")}
          </h2>
          <p>{campaign.firstStep}</p>
          <div lang={locale}>{cta}</div>
        </section>
      ) : (
        cta
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

      {open ? (
        <p className="cta">
          <a className="button" href={writeHref}>
            {t("writeCta")}
          </a>
        </p>
      ) : null}
      <p className="small">{t("signatures", { count: totals.signatures })}</p>
      {open ? (
        <ShareLinks
          origin={origin}
          slug={campaign.slug}
          title={campaign.title}
          locale={locale}
          warn={campaign.safetyNotice !== ""}
        />
      ) : null}
    </article>
  );
}
