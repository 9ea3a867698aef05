// The campaigns feature's only door to the database: queries and writes as
// named functions; the use-case files beside it call these.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db, pool } from "@/lib/core/db";
import type { AddresseeSeed, CampaignSeed } from "./seed-schema";

type Tx = Prisma.TransactionClient;

/** An upsert's two halves when a row gets the same fields whether it is new or not. */
function sameFields<K extends object, F extends object>(key: K, fields: F) {
  return { create: { ...key, ...fields }, update: fields };
}

const publicCampaignInclude = {
  translations: true,
  demands: { orderBy: { position: "asc" }, include: { translations: true } },
  addressees: {
    orderBy: { position: "asc" },
    include: { addressee: { include: { translations: true } } },
  },
} satisfies Prisma.CampaignInclude;

/** A campaign with its texts, demands and addressees, each with their translations. */
export type CampaignWithContent = Prisma.CampaignGetPayload<{ include: typeof publicCampaignInclude }>;

const newestOpenFirst = [
  { opensAt: { sort: "desc", nulls: "last" } },
  { createdAt: "desc" },
] satisfies Prisma.CampaignOrderByWithRelationInput[];

/** An open or closed campaign (never a draft) by slug. */
export async function findPublicCampaign(slug: string): Promise<CampaignWithContent | null> {
  return db().campaign.findFirst({
    where: { slug, status: { in: ["open", "closed"] } },
    include: publicCampaignInclude,
  });
}

/** Open campaigns, newest first, with their texts. */
export async function findOpenCampaigns() {
  return db().campaign.findMany({
    where: { status: "open" },
    orderBy: newestOpenFirst,
    include: { translations: true },
  });
}

/**
 * The campaign row's updatedAt (every campaign save, status change or pause
 * touches it) and the count and sum of the addressees' updatedAt (a sum, not
 * a max, so an edit from an instance whose clock lags still moves it), as
 * SQL for the slug in `slugParameter`. Null for an unknown slug. The signing
 * statement (lib/signatures/data.ts) compares it too, so it is written once.
 */
export function contentVersionSql(slugParameter: string): string {
  return `(SELECT "updatedAt"::text FROM "Campaign" WHERE slug = ${slugParameter})
      || '|' || (SELECT count(*)::text || ':' || coalesce(sum(extract(epoch FROM "updatedAt")), 0)::text FROM "Addressee")`;
}

/** A campaign's content version (contentVersionSql); null for an unknown slug. */
export async function campaignContentVersion(slug: string): Promise<string | null> {
  const { rows } = await pool().query<{ version: string | null }>(
    `SELECT ${contentVersionSql("$1::text")} AS version`,
    [slug],
  );
  return rows[0]?.version ?? null;
}

export async function campaignIdBySlug(slug: string): Promise<string | null> {
  const campaign = await db().campaign.findUnique({ where: { slug }, select: { id: true } });
  return campaign?.id ?? null;
}

/** Every row of a checked campaign, created or overwritten by slug and addressee key, in one transaction. */
export async function writeCampaignSeed(seed: CampaignSeed): Promise<void> {
  await db().$transaction(
    async (tx) => {
      const campaignId = await writeCampaign(tx, seed);
      await writeDemands(tx, campaignId, seed.demands);
      const addresseeIds: string[] = [];
      for (const [index, addressee] of seed.addressees.entries()) {
        addresseeIds.push(await writeAddressee(tx, campaignId, addressee, index + 1));
      }
      await tx.campaignAddressee.deleteMany({ where: { campaignId, addresseeId: { notIn: addresseeIds } } });
      for (const [language, template] of Object.entries(seed.templates)) {
        const { subject, body, xPost, subjectVariants = [], openingVariants = [], closingVariants = [] } = template;
        await tx.letterTemplate.upsert({
          where: { campaignId_language: { campaignId, language } },
          ...sameFields(
            { campaignId, language },
            { subject, body, xPost: xPost ?? null, subjectVariants, openingVariants, closingVariants },
          ),
        });
      }
    },
    { timeout: 30_000 },
  );
}

async function writeCampaign(tx: Tx, seed: CampaignSeed): Promise<string> {
  const fields = {
    status: seed.status,
    organiser: seed.organiser,
    languages: seed.languages,
    signatureGoal: seed.signatureGoal ?? null,
    appealDate: seed.appealDate ? new Date(seed.appealDate) : null,
    opensAt: seed.opensAt ? new Date(seed.opensAt) : null,
  };
  const { id } = await tx.campaign.upsert({
    where: { slug: seed.slug },
    ...sameFields({ slug: seed.slug }, fields),
  });
  for (const [language, { organiser, firstStep, ...text }] of Object.entries(seed.translations)) {
    await tx.campaignTranslation.upsert({
      where: { campaignId_language: { campaignId: id, language } },
      ...sameFields(
        { campaignId: id, language },
        { ...text, organiser: organiser ?? null, firstStep: firstStep ?? "" },
      ),
    });
  }
  return id;
}

async function writeDemands(tx: Tx, campaignId: string, demands: CampaignSeed["demands"]) {
  await tx.demand.deleteMany({ where: { campaignId, position: { gt: demands.length } } });
  for (const [index, texts] of demands.entries()) {
    const position = index + 1;
    const demand = await tx.demand.upsert({
      where: { campaignId_position: { campaignId, position } },
      create: { campaignId, position },
      update: {},
    });
    for (const [language, text] of Object.entries(texts)) {
      await tx.demandTranslation.upsert({
        where: { demandId_language: { demandId: demand.id, language } },
        ...sameFields({ demandId: demand.id, language }, { text }),
      });
    }
  }
}

async function writeAddressee(tx: Tx, campaignId: string, a: AddresseeSeed, position: number): Promise<string> {
  const fields = {
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
    // Pacing settings when the seed gives them; else the columns' defaults (or an admin's edit) stay.
    ...(a.timeZone && { timeZone: a.timeZone }),
    ...(a.officeHours && { officeHours: a.officeHours }),
    ...(a.officeDays && { officeDays: a.officeDays }),
    ...(a.hourlyCap && { hourlyCap: a.hourlyCap }),
  };
  const { id: addresseeId } = await tx.addressee.upsert({
    where: { key: a.key },
    ...sameFields({ key: a.key }, fields),
  });
  for (const [language, { name, role, salutation, organisation }] of Object.entries(a.translations ?? {})) {
    await tx.addresseeTranslation.upsert({
      where: { addresseeId_language: { addresseeId, language } },
      ...sameFields(
        { addresseeId, language },
        { name, role, salutation: salutation ?? null, organisation: organisation ?? null },
      ),
    });
  }
  await tx.campaignAddressee.upsert({
    where: { campaignId_addresseeId: { campaignId, addresseeId } },
    ...sameFields({ campaignId, addresseeId }, { position }),
  });
  return addresseeId;
}
