import "server-only";
import { cachedCampaignContent } from "./content-cache";
import { findPublicCampaign, type CampaignWithContent } from "./data";
import type { PublicCampaign, PublicCampaignSummary } from "./schema";
import { pickTranslation, splitParagraphs, toIsoDate } from "./text";

/**
 * The campaign as the public sees it, in `language` when the campaign has
 * texts in it and in its default language otherwise. Draft campaigns are not
 * public. Returns null for an unknown slug.
 */
export async function getPublicCampaign(slug: string, language?: string): Promise<PublicCampaign | null> {
  return cachedCampaignContent(slug, `public|${language ?? ""}`, async () => {
    const row = await findPublicCampaign(slug);
    return row ? toPublicCampaign(row, language) : null;
  });
}

export function toPublicCampaign(row: CampaignWithContent, requested?: string): PublicCampaign {
  const text = pickTranslation(row.translations, row.languages, requested);
  const language = text?.language ?? row.languages[0] ?? "en";
  return {
    ...toSummaryFields(row, text, language),
    context: splitParagraphs(text?.context ?? ""),
    whyItMatters: splitParagraphs(text?.whyItMatters ?? ""),
    safetyNotice: text?.safetyNotice ?? "",
    firstStep: text?.firstStep ?? "",
    demands: row.demands.map((demand) => ({
      position: demand.position,
      text: pickTranslation(demand.translations, row.languages, language)?.text ?? "",
    })),
    addressees: row.addressees
      .filter(({ addressee }) => addressee.status === "active")
      .map(({ addressee }) => {
        const local = addressee.translations.find((t) => t.language === language);
        return {
          id: addressee.id,
          key: addressee.key,
          name: local?.name ?? addressee.name,
          role: local?.role ?? addressee.role,
          organisation: local?.organisation ?? addressee.organisation,
          kind: addressee.kind,
          country: addressee.country,
          emails: addressee.emails,
          xHandle: addressee.xHandle,
          postalAddress: addressee.postalAddress,
          webFormUrl: addressee.webFormUrl,
          lastVerifiedOn: toIsoDate(addressee.lastVerifiedAt),
        };
      }),
  };
}

export function toSummaryFields(
  row: Pick<
    CampaignWithContent,
    "slug" | "status" | "languages" | "organiser" | "signatureGoal" | "appealDate" | "closesAt"
  >,
  text: { title: string; summary: string; organiser: string | null } | undefined,
  language: string,
): PublicCampaignSummary {
  return {
    slug: row.slug,
    status: row.status,
    language,
    languages: row.languages,
    organiser: text?.organiser || row.organiser,
    title: text?.title ?? row.slug,
    summary: text?.summary ?? "",
    signatureGoal: row.signatureGoal,
    appealDate: row.appealDate ? toIsoDate(row.appealDate) : null,
    closesAt: row.closesAt ? row.closesAt.toISOString() : null,
    url: `/c/${row.slug}`,
  };
}
