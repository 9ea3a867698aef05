// The campaign widget partner sites put in a frame. It holds no form and
// takes nothing from the supporter: it shows the appeal and the count, and
// its links open the campaign in a new tab, where our own page (which
// refuses every frame) does the rest.
import { withPartnerSource } from "@/lib/campaigns/partner-source";
import type { PublicCampaign } from "@/lib/campaigns/schema";
import { translator } from "@/lib/i18n/messages";
import type { CampaignTotals } from "@/lib/tallies/schema";
import { SignatureCount } from "./signature-count";

export function EmbedCard({
  campaign,
  totals,
  locale,
  source,
}: {
  campaign: PublicCampaign;
  totals: CampaignTotals;
  locale: string;
  /** The partner's checked ?source= code, carried into both links. */
  source?: string;
}) {
  const t = translator(locale, "embed");
  const campaignHref = withPartnerSource(`/c/${campaign.slug}?lang=${locale}`, source);
  const writeHref = withPartnerSource(`/c/${campaign.slug}/write?lang=${locale}`, source);
  return (
    <article lang={campaign.language} className="embed-card">
      <h1>
        <a href={campaignHref} target="_blank" rel="noopener noreferrer">
          {campaign.title}
        </a>
      </h1>
      <p>{campaign.summary}</p>
      <SignatureCount totals={totals} locale={locale} />
      <p className="embed-safety" lang={locale}>
        {t("safety")}
      </p>
      {campaign.status === "open" ? (
        <p lang={locale}>
          <a className="button" href={writeHref} target="_blank" rel="noopener noreferrer">
            {t("write")}
            <span className="visually-hidden"> {t("newTab")}</span>
          </a>
        </p>
      ) : (
        <p lang={locale}>{t("closed")}</p>
      )}
    </article>
  );
}
