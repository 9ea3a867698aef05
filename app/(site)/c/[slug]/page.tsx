import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CampaignPage } from "@/components/campaign/campaign-page";
import { getCampaignPage } from "@/lib/campaigns/get-campaign-page";
import { requestLocale } from "@/lib/i18n/request-locale";

export const dynamic = "force-dynamic";

type Props = PageProps<"/c/[slug]">;

// The language comes from proxy.ts (?lang=, else Accept-Language).
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await getCampaignPage((await params).slug, await requestLocale());
  return data ? { title: data.campaign.title, description: data.campaign.summary } : {};
}

export default async function CampaignRoute({ params }: Props) {
  const locale = await requestLocale();
  const data = await getCampaignPage((await params).slug, locale);
  if (!data) notFound();
  return <CampaignPage campaign={data.campaign} totals={data.totals} locale={locale} />;
}
