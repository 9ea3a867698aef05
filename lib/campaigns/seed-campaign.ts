import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { db } from "@/lib/core/db";

type Language = string;

export type AddresseeSeed = {
  key: string;
  name: string;
  role: string;
  organisation?: string;
  kind: "official" | "mission" | "embassy";
  country?: string;
  emails: string[];
  xHandle?: string;
  postalAddress?: string;
  webFormUrl?: string;
  salutation?: string;
  lastVerifiedOn: string;
  translations?: Record<Language, { name: string; role: string; salutation?: string }>;
};

export type CampaignSeed = {
  slug: string;
  status: "draft" | "open" | "closed";
  organiser: string;
  languages: Language[];
  signatureGoal?: number;
  appealDate?: string;
  opensAt?: string;
  translations: Record<
    Language,
    { title: string; summary: string; context: string; whyItMatters: string; safetyNotice: string }
  >;
  /** In order; each maps language to text. */
  demands: Record<Language, string>[];
  /** In display order. */
  addressees: AddresseeSeed[];
  templates: Record<Language, { subject: string; body: string; xPost?: string }>;
};

/**
 * Writes a campaign, its demands, addressees and templates, creating or
 * overwriting by slug and addressee key. Running it twice leaves the same
 * state. Overwrites admins' edits, so the start command only seeds a
 * campaign that is not there yet (`seedCampaignIfMissing`).
 */
export async function seedCampaign(seed: CampaignSeed, client: PrismaClient = db()): Promise<void> {
  await client.$transaction(
    async (tx) => {
      const fields = {
        status: seed.status,
        organiser: seed.organiser,
        languages: seed.languages,
        signatureGoal: seed.signatureGoal ?? null,
        appealDate: seed.appealDate ? new Date(seed.appealDate) : null,
        opensAt: seed.opensAt ? new Date(seed.opensAt) : null,
      };
      const campaign = await tx.campaign.upsert({
        where: { slug: seed.slug },
        create: { slug: seed.slug, ...fields },
        update: fields,
      });

      for (const [language, text] of Object.entries(seed.translations)) {
        await tx.campaignTranslation.upsert({
          where: { campaignId_language: { campaignId: campaign.id, language } },
          create: { campaignId: campaign.id, language, ...text },
          update: text,
        });
      }

      await tx.demand.deleteMany({ where: { campaignId: campaign.id, position: { gt: seed.demands.length } } });
      for (const [index, texts] of seed.demands.entries()) {
        const demand = await tx.demand.upsert({
          where: { campaignId_position: { campaignId: campaign.id, position: index + 1 } },
          create: { campaignId: campaign.id, position: index + 1 },
          update: {},
        });
        for (const [language, text] of Object.entries(texts)) {
          await tx.demandTranslation.upsert({
            where: { demandId_language: { demandId: demand.id, language } },
            create: { demandId: demand.id, language, text },
            update: { text },
          });
        }
      }

      const addresseeIds: string[] = [];
      for (const [index, a] of seed.addressees.entries()) {
        const addresseeFields = {
          name: a.name,
          role: a.role,
          organisation: a.organisation ?? null,
          kind: a.kind,
          country: a.country ?? null,
          emails: a.emails,
          xHandle: a.xHandle ?? null,
          postalAddress: a.postalAddress ?? null,
          webFormUrl: a.webFormUrl ?? null,
          salutation: a.salutation ?? null,
          lastVerifiedAt: new Date(a.lastVerifiedOn),
        };
        const addressee = await tx.addressee.upsert({
          where: { key: a.key },
          create: { key: a.key, ...addresseeFields },
          update: addresseeFields,
        });
        addresseeIds.push(addressee.id);
        for (const [language, t] of Object.entries(a.translations ?? {})) {
          const translation = { name: t.name, role: t.role, salutation: t.salutation ?? null };
          await tx.addresseeTranslation.upsert({
            where: { addresseeId_language: { addresseeId: addressee.id, language } },
            create: { addresseeId: addressee.id, language, ...translation },
            update: translation,
          });
        }
        await tx.campaignAddressee.upsert({
          where: { campaignId_addresseeId: { campaignId: campaign.id, addresseeId: addressee.id } },
          create: { campaignId: campaign.id, addresseeId: addressee.id, position: index + 1 },
          update: { position: index + 1 },
        });
      }
      await tx.campaignAddressee.deleteMany({
        where: { campaignId: campaign.id, addresseeId: { notIn: addresseeIds } },
      });

      for (const [language, template] of Object.entries(seed.templates)) {
        const templateFields = { subject: template.subject, body: template.body, xPost: template.xPost ?? null };
        await tx.letterTemplate.upsert({
          where: { campaignId_language: { campaignId: campaign.id, language } },
          create: { campaignId: campaign.id, language, ...templateFields },
          update: templateFields,
        });
      }
    },
    { timeout: 30_000 },
  );
}

/** Seeds the campaign only when no campaign has its slug; returns whether it did. */
export async function seedCampaignIfMissing(seed: CampaignSeed, client: PrismaClient = db()): Promise<boolean> {
  const existing = await client.campaign.findUnique({ where: { slug: seed.slug }, select: { id: true } });
  if (existing) return false;
  await seedCampaign(seed, client);
  return true;
}
