import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CampaignPage } from "@/components/campaign/campaign-page";
import { getCampaignPage } from "@/lib/campaigns/get-campaign-page";

export const dynamic = "force-dynamic";

type Props = PageProps<"/c/[slug]">;

const langOf = async (searchParams: Props["searchParams"]) => {
  const lang = (await searchParams).lang;
  return typeof lang === "string" ? lang : undefined;
};

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const data = await getCampaignPage((await params).slug, await langOf(searchParams));
  return data ? { title: data.campaign.title, description: data.campaign.summary } : {};
}

export default async function CampaignRoute({ params, searchParams }: Props) {
  const data = await getCampaignPage((await params).slug, await langOf(searchParams));
  if (!data) notFound();
  return <CampaignPage campaign={data.campaign} totals={data.totals} />;
}
