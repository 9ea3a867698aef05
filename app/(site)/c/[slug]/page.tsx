import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CampaignPage } from "@/components/campaign/campaign-page";
import { getCampaignPage } from "@/lib/campaigns/get-campaign-page";
import { partnerSource } from "@/lib/campaigns/partner-source";
import { requestLocale, requestPathWithoutLang } from "@/lib/i18n/request-locale";
import { requestOrigin } from "@/lib/http/request-origin";
import { onionOffer } from "@/lib/privacy/onion-offer";

export const dynamic = "force-dynamic";

type Props = PageProps<"/c/[slug]">;

// The language comes from proxy.ts (?lang=, else Accept-Language).
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await getCampaignPage((await params).slug, await requestLocale());
  return data ? { title: data.campaign.title, description: data.campaign.summary } : {};
}

/** `?source=` (a partner's code) is carried into the page's links when well formed, dropped otherwise. */
export default async function CampaignRoute({ params, searchParams }: Props) {
  const locale = await requestLocale();
  const data = await getCampaignPage((await params).slug, locale);
  if (!data) notFound();
  const source = partnerSource((await searchParams).source);
  const origin = await requestOrigin();
  return (
    <CampaignPage
      campaign={data.campaign}
      totals={data.totals}
      locale={locale}
      source={source}
      origin={origin.origin}
      onion={onionOffer(origin, await requestPathWithoutLang(), locale)}
    />
  );
}
