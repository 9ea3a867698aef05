import { randomBytes } from "node:crypto";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ShareLinks } from "@/components/campaign/share-links";
import { LetterBuilder } from "@/components/letters/letter-builder";
import { countryOptions } from "@/lib/letters/countries";
import { getLetterBuilders } from "@/lib/letters/get-letter-builder";
import { partnerSource } from "@/lib/campaigns/partner-source";
import { catalogues } from "@/lib/i18n/messages";
import { requestLocale } from "@/lib/i18n/request-locale";
import { requestOrigin } from "@/lib/http/request-origin";
import { letterFormAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = PageProps<"/c/[slug]/write">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await requestLocale();
  const builders = await getLetterBuilders((await params).slug, locale);
  return builders ? { title: `${catalogues[locale].builder.title}: ${builders.first.campaign.title}` } : {};
}

export default async function WritePage({ params, searchParams }: Props) {
  const { slug } = await params;
  const locale = await requestLocale();
  // The letter starts in the interface language when the campaign has a letter in it; the form can change it.
  const builders = await getLetterBuilders(slug, locale);
  if (!builders) notFound();
  // A partner's code (?source=), carried in the form only when well formed; the server checks it again.
  const source = partnerSource((await searchParams).source);
  const campaign = builders.first.campaign;
  return (
    <LetterBuilder
      builders={builders.byLanguage}
      language={builders.first.language}
      source={source}
      countries={countryOptions(locale)}
      // One key per page view: a resubmitted form is recognised, not counted twice.
      submissionKey={randomBytes(18).toString("base64url")}
      // One per page view too: the preview shows the variant of the template each letter will be.
      seed={randomBytes(18).toString("base64url")}
      action={letterFormAction.bind(null, builders.first.campaign.slug)}
      locale={locale}
      messages={{ builder: catalogues[locale].builder, thankYou: catalogues[locale].thankYou }}
      share={
        <ShareLinks
          origin={(await requestOrigin()).origin}
          slug={campaign.slug}
          title={campaign.title}
          locale={locale}
          warn={campaign.safetyNotice !== ""}
        />
      }
    />
  );
}
