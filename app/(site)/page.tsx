import type { Metadata } from "next";
import { CampaignPage } from "@/components/campaign/campaign-page";
import { getCampaignPage } from "@/lib/campaigns/get-campaign-page";
import { translator } from "@/lib/i18n/messages";
import { requestLocale } from "@/lib/i18n/request-locale";

export const dynamic = "force-dynamic";

// The language comes from proxy.ts (?lang=, else Accept-Language).
export async function generateMetadata(): Promise<Metadata> {
  const data = await getCampaignPage(null, await requestLocale());
  return data ? { title: data.campaign.title, description: data.campaign.summary } : {};
}

/** The home page shows the open campaign, or says there is none. */
export default async function HomePage() {
  const locale = await requestLocale();
  const data = await getCampaignPage(null, locale);
  if (!data) return <p className="notice">{translator(locale, "home")("noCampaign")}</p>;
  return <CampaignPage campaign={data.campaign} totals={data.totals} locale={locale} />;
}
