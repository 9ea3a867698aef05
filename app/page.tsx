import type { Metadata } from "next";
import { CampaignPage } from "@/components/campaign/campaign-page";
import { getCampaignPage } from "@/lib/campaigns/get-campaign-page";
import { messagesFor } from "@/lib/i18n/messages";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ lang?: string | string[] }> };

const langOf = async (searchParams: Props["searchParams"]) => {
  const lang = (await searchParams).lang;
  return typeof lang === "string" ? lang : undefined;
};

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const data = await getCampaignPage(null, await langOf(searchParams));
  return data ? { title: data.campaign.title, description: data.campaign.summary } : {};
}

/** The home page shows the open campaign, or says there is none. */
export default async function HomePage({ searchParams }: Props) {
  const data = await getCampaignPage(null, await langOf(searchParams));
  if (!data) return <p className="notice">{messagesFor("en").home.noCampaign}</p>;
  return <CampaignPage campaign={data.campaign} totals={data.totals} />;
}
