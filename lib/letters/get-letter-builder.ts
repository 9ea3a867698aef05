import "server-only";
import { cache } from "react";
import { getPublicCampaign } from "@/lib/campaigns/get-public-campaign";
import { campaignSlugSchema, type PublicCampaign } from "@/lib/campaigns/schema";
import { cachedCampaignContent, versionedCampaignContent } from "@/lib/campaigns/content-cache";
import type { LetterAddressee } from "./compose-letters";
import { activeEmbassies, letterBuilderRow, type AddresseeRow } from "./data";
import { draftFromTemplate } from "./placeholders";

export type LetterBuilder = {
  campaign: PublicCampaign;
  /** The campaign's row id (not public), for recording signatures against it. */
  campaignId: string;
  /** Language of the letter (a language the campaign has a template in). */
  language: string;
  templateLanguages: string[];
  template: { subject: string; body: string; xPost: string | null };
  /** The campaign's addressees, in the letter language, in order. */
  addressees: (LetterAddressee & { preselected: boolean })[];
  /** Russian embassies by the country they are in (the directory). */
  embassies: Record<string, LetterAddressee>;
};

function inLanguage(row: AddresseeRow, language: string): LetterAddressee {
  const local = row.translations.find((t) => t.language === language);
  const { translations: _translations, ...fields } = row;
  return {
    ...fields,
    name: local?.name ?? row.name,
    role: local?.role ?? row.role,
    organisation: local?.organisation ?? row.organisation,
    salutation: local?.salutation ?? row.salutation,
  };
}

/**
 * Everything the letter builder needs for one campaign and letter language.
 * Null when the slug is unknown or the campaign is not public.
 */
export const getLetterBuilder = cache(
  async (slug: string, requestedLanguage?: string): Promise<LetterBuilder | null> => {
    const parsedSlug = campaignSlugSchema.safeParse(slug);
    if (!parsedSlug.success) return null;
    return cachedCampaignContent(parsedSlug.data, `builder|${requestedLanguage ?? ""}`, () =>
      loadLetterBuilder(parsedSlug.data, requestedLanguage),
    );
  },
);

/**
 * The builder with the content version it was built from (null: unknown
 * slug), for signing, which keeps it and lets its SQL statement check the
 * version instead of reading it first (lib/signatures/record-signature.ts).
 */
export async function versionedLetterBuilder(
  slug: string,
  language: string,
): Promise<{ builder: LetterBuilder | null; version: string | null }> {
  const parsedSlug = campaignSlugSchema.safeParse(slug);
  if (!parsedSlug.success) return { builder: null, version: null };
  const { value, version } = await versionedCampaignContent(parsedSlug.data, `builder|${language}`, () =>
    loadLetterBuilder(parsedSlug.data, language),
  );
  return { builder: value, version };
}

async function loadLetterBuilder(slug: string, requestedLanguage?: string): Promise<LetterBuilder | null> {
  const campaign = await getPublicCampaign(slug, requestedLanguage);
  if (!campaign) return null;

  const row = await letterBuilderRow(campaign.slug);
  const templateLanguages = campaign.languages.filter((l) => row.templates.some((t) => t.language === l));
  const language =
    requestedLanguage && templateLanguages.includes(requestedLanguage)
      ? requestedLanguage
      : (templateLanguages[0] ?? campaign.language);
  const template = row.templates.find((t) => t.language === language) ?? row.templates[0];
  const demands = row.demands.map(
    (d) => (d.translations.find((t) => t.language === language) ?? d.translations[0])?.text ?? "",
  );

  // The per-country directory: a country's Russian embassy. Missions to
  // international bodies (Geneva) are not a country's embassy.
  const embassyRows = await activeEmbassies();
  const embassies: Record<string, LetterAddressee> = {};
  for (const embassy of embassyRows) embassies[embassy.country!] ??= inLanguage(embassy, language);

  return {
    campaign,
    campaignId: row.id,
    language,
    templateLanguages,
    template: {
      subject: template?.subject ?? campaign.title,
      body: draftFromTemplate(template?.body ?? "{{salutation}}\n\n{{demands}}\n\n{{signer}}", demands),
      xPost: template?.xPost ?? null,
    },
    addressees: row.addressees.map((a) => ({ ...inLanguage(a.addressee, language), preselected: a.preselected })),
    embassies,
  };
}

/**
 * The builder in every language the campaign has a letter in, so the form
 * can change the letter's language without losing what was typed; `first`
 * is the one in the requested language (or the campaign's first).
 */
export async function getLetterBuilders(
  slug: string,
  requestedLanguage?: string,
): Promise<{ first: LetterBuilder; byLanguage: Record<string, LetterBuilder> } | null> {
  const first = await getLetterBuilder(slug, requestedLanguage);
  if (!first) return null;
  const byLanguage: Record<string, LetterBuilder> = { [first.language]: first };
  for (const language of first.templateLanguages) {
    const builder = language === first.language ? first : await getLetterBuilder(slug, language);
    if (builder) byLanguage[language] = builder;
  }
  return { first, byLanguage };
}

/** The addressees a letter goes to: campaign addressees and directory embassies, in the given order. */
export function resolveAddressees(
  builder: LetterBuilder,
  ids: readonly string[],
): { found: LetterAddressee[]; unknown: string[] } {
  const known = new Map<string, LetterAddressee>();
  for (const a of builder.addressees) known.set(a.id, a);
  for (const e of Object.values(builder.embassies)) known.set(e.id, e);
  const found: LetterAddressee[] = [];
  const unknown: string[] = [];
  for (const id of new Set(ids)) {
    const addressee = known.get(id);
    if (addressee) found.push(addressee);
    else unknown.push(id);
  }
  return { found, unknown };
}
