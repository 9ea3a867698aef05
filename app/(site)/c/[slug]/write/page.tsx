import { randomBytes } from "node:crypto";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LetterBuilder } from "@/components/letters/letter-builder";
import { countryOptions } from "@/lib/letters/countries";
import { getLetterBuilder } from "@/lib/letters/get-letter-builder";
import { catalogues } from "@/lib/i18n/messages";
import { requestLocale } from "@/lib/i18n/request-locale";
import { letterFormAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = PageProps<"/c/[slug]/write">;

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const lang = (await searchParams).lang;
  const builder = await getLetterBuilder((await params).slug, typeof lang === "string" ? lang : undefined);
  return builder ? { title: `${catalogues[await requestLocale()].builder.title}: ${builder.campaign.title}` } : {};
}

export default async function WritePage({ params, searchParams }: Props) {
  const { slug } = await params;
  const lang = (await searchParams).lang;
  const builder = await getLetterBuilder(slug, typeof lang === "string" ? lang : undefined);
  if (!builder) notFound();
  const locale = await requestLocale();
  return (
    <LetterBuilder
      builder={builder}
      countries={countryOptions(locale)}
      // One key per page view: a resubmitted form is recognised, not counted twice.
      submissionKey={randomBytes(18).toString("base64url")}
      action={letterFormAction.bind(null, builder.campaign.slug)}
      locale={locale}
      messages={{ builder: catalogues[locale].builder, thankYou: catalogues[locale].thankYou }}
    />
  );
}
