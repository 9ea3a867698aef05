import type { Metadata } from "next";
import { CampaignList } from "@/components/campaign/campaign-list";
import { CampaignPage } from "@/components/campaign/campaign-page";
import { getHomePage } from "@/lib/campaigns/get-home-page";
import { partnerSource } from "@/lib/campaigns/partner-source";
import { translator } from "@/lib/i18n/messages";
import { requestLocale, requestPathWithoutLang } from "@/lib/i18n/request-locale";
import { requestOrigin } from "@/lib/http/request-origin";
import { onionOffer } from "@/lib/privacy/onion-offer";

export const dynamic = "force-dynamic";

// The language comes from proxy.ts (?lang=, else Accept-Language).
export async function generateMetadata(): Promise<Metadata> {
  const home = await getHomePage(await requestLocale());
  if (home.kind === "one") return { title: home.page.campaign.title, description: home.page.campaign.summary };
  return {};
}

/**
 * The home page: the open campaign, or a list when several are open, or a
 * notice when none is. A partner's ?source= code is carried into the links.
 */
export default async function HomePage({ searchParams }: PageProps<"/">) {
  const locale = await requestLocale();
  const home = await getHomePage(locale);
  const source = partnerSource((await searchParams).source);
  if (home.kind === "several") return <CampaignList campaigns={home.campaigns} locale={locale} source={source} />;
  if (home.kind === "none") return <p className="notice">{translator(locale, "home")("noCampaign")}</p>;
  const origin = await requestOrigin();
  return (
    <CampaignPage
      campaign={home.page.campaign}
      totals={home.page.totals}
      locale={locale}
      source={source}
      origin={origin.origin}
      onion={onionOffer(origin, await requestPathWithoutLang(), locale)}
    />
  );
}
