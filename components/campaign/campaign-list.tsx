// The home page when several campaigns are open: each with its title (the
// link), organiser and summary, in the campaign's own language where the
// interface language has no text.
import { withPartnerSource } from "@/lib/campaigns/partner-source";
import type { PublicCampaignSummary } from "@/lib/campaigns/schema";
import { translator } from "@/lib/i18n/messages";

export function CampaignList({
  campaigns,
  locale,
  source,
}: {
  campaigns: PublicCampaignSummary[];
  locale: string;
  /** A checked partner code, carried into each campaign's link. */
  source?: string;
}) {
  const t = translator(locale, "home");
  const byline = translator(locale, "campaign");
  return (
    <section aria-labelledby="campaigns-heading" className="campaign-list">
      <h1 id="campaigns-heading">{t("openCampaigns")}</h1>
      <p className="lead">{t("openCampaignsIntro", { count: campaigns.length })}</p>
      <ul className="campaigns">
        {campaigns.map((campaign) => (
          <li key={campaign.slug} lang={campaign.language} data-testid="campaign">
            <h2>
              <a href={withPartnerSource(`${campaign.url}?lang=${locale}`, source)}>{campaign.title}</a>
            </h2>
            <p className="eyebrow" lang={locale}>
              {byline("organisedBy", { organiser: campaign.organiser })}
            </p>
            <p>{campaign.summary}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
