import "server-only";
import { cache } from "react";
import { getPublicCampaign } from "@/lib/campaigns/get-public-campaign";
import { campaignSlugSchema, type PublicCampaign } from "@/lib/campaigns/schema";
import { cachedCampaignContent, versionedCampaignContent } from "@/lib/campaigns/content-cache";
import type { LetterAddressee } from "./compose-letters";
import { activeEmbassies, letterBuilderRow, pausedAddresses, type AddresseeRow } from "./data";
import { draftFromTemplate } from "./placeholders";
import type { LetterVariants } from "./variants";

/**
 * What supporters are offered for an addressee whose email is paused
 * (Addressee.fallback): its official web form, a printed letter to its
 * postal address, or the Russian embassy in their own country.
 */
export type AddresseeFallback =
  { kind: "web_form"; url: string } | { kind: "post"; postalAddress: string } | { kind: "embassy" } | { kind: "none" };

export type BuilderAddressee = LetterAddressee & {
  preselected: boolean;
  /** Our server does not send to it now (Addressee.status, or an address paused after bounces). */
  paused: boolean;
  fallback: AddresseeFallback;
};

export type LetterBuilder = {
  campaign: PublicCampaign;
  /** The campaign's row id (not public), for recording signatures against it. */
  campaignId: string;
  /** Language of the letter (a language the campaign has a template in). */
  language: string;
  templateLanguages: string[];
  template: { subject: string; body: string; xPost: string | null; variants: LetterVariants };
  /** The campaign's addressees, in the letter language, in order. */
  addressees: BuilderAddressee[];
  /** Russian embassies by the country they are in (the directory). */
  embassies: Record<string, LetterAddressee>;
};

function fallbackOf(row: {
  fallback: "web_form" | "post" | "embassy" | null;
  webFormUrl: string | null;
  postalAddress: string | null;
}): AddresseeFallback {
  if (row.fallback === "web_form" && row.webFormUrl) return { kind: "web_form", url: row.webFormUrl };
  if (row.fallback === "post" && row.postalAddress?.trim()) return { kind: "post", postalAddress: row.postalAddress };
  if (row.fallback === "embassy") return { kind: "embassy" };
  return { kind: "none" };
}

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
    const builder = await cachedCampaignContent(parsedSlug.data, `builder|${requestedLanguage ?? ""}`, () =>
      loadLetterBuilder(parsedSlug.data, requestedLanguage),
    );
    return builder && withPausedAddresses(builder);
  },
);

/**
 * The builder with addressees whose every use of our sending is paused
 * after bounces marked so (read fresh: a pause does not move the content
 * version the builder is cached under).
 */
export async function withPausedAddresses(builder: LetterBuilder): Promise<LetterBuilder> {
  const paused = await pausedAddresses(builder.addressees.flatMap((a) => a.emails));
  if (paused.size === 0) return builder;
  return {
    ...builder,
    addressees: builder.addressees.map((a) =>
      !a.paused && a.emails.some((e) => paused.has(e.toLowerCase())) ? { ...a, paused: true } : a,
    ),
  };
}

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
  const subject = template?.subject ?? campaign.title;
  const body = draftFromTemplate(template?.body ?? "{{salutation}}\n\n{{demands}}\n\n{{signer}}", demands);

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
      subject,
      body,
      xPost: template?.xPost ?? null,
      variants: {
        subject,
        body,
        subjectVariants: template?.subjectVariants ?? [],
        openingVariants: (template?.openingVariants ?? []).map((p) => draftFromTemplate(p, demands)),
        closingVariants: (template?.closingVariants ?? []).map((p) => draftFromTemplate(p, demands)),
      },
    },
    addressees: row.addressees.map(({ addressee, preselected }) => {
      const { status, webFormUrl: _webFormUrl, fallback: _fallback, ...fields } = addressee;
      return {
        ...inLanguage(fields, language),
        preselected,
        paused: status === "paused",
        fallback: fallbackOf(addressee),
      };
    }),
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
