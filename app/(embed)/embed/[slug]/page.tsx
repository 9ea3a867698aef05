// The campaign widget for partner sites: <iframe src="/embed/<slug>?lang=fr">.
// The only route another site may frame (EMBED_FRAME_ANCESTORS, proxy.ts);
// docs/EMBED.md says how to use it.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EmbedCard } from "@/components/campaign/embed-card";
import { getCampaignPage } from "@/lib/campaigns/get-campaign-page";
import { partnerSource } from "@/lib/campaigns/partner-source";
import { requestLocale } from "@/lib/i18n/request-locale";

export const dynamic = "force-dynamic";

type Props = PageProps<"/embed/[slug]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await getCampaignPage((await params).slug, await requestLocale());
  return data ? { title: data.campaign.title, robots: { index: false } } : {};
}

/** A partner frames /embed/<slug>?source=<their code>: the widget's links carry the code. */
export default async function EmbedRoute({ params, searchParams }: Props) {
  const locale = await requestLocale();
  const data = await getCampaignPage((await params).slug, locale);
  if (!data) notFound();
  const source = partnerSource((await searchParams).source);
  return <EmbedCard campaign={data.campaign} totals={data.totals} locale={locale} source={source} />;
}
