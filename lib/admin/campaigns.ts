import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { assertRole, type StaffIdentity } from "@/lib/auth/staff-identity";
import { pickTranslation } from "@/lib/campaigns/text";
import { db } from "@/lib/core/db";
import type { CampaignStatus } from "@/lib/core/vocabulary";
import { recordAudit } from "./audit";
import type { CampaignInput } from "./campaign-schema";

export async function listCampaignsForAdmin(actor: StaffIdentity) {
  assertRole(actor, "admin");
  const rows = await db().campaign.findMany({
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      slug: true,
      status: true,
      languages: true,
      signatureGoal: true,
      opensAt: true,
      closesAt: true,
      translations: { select: { language: true, title: true } },
      _count: { select: { signatures: { where: { countedAt: { not: null } } } } },
    },
  });
  return rows.map((r) => ({
    ...r,
    title: pickTranslation(r.translations, r.languages)?.title ?? r.slug,
    signatures: r._count.signatures,
  }));
}

export type CampaignForEdit = {
  id: string | null;
  version: string | null;
  slug: string;
  organiser: string;
  status: CampaignStatus;
  languages: string[];
  signatureGoal: string;
  appealDate: string;
  opensAt: string;
  closesAt: string;
  texts: Record<
    string,
    { title: string; summary: string; context: string; whyItMatters: string; safetyNotice: string }
  >;
  demands: Record<string, string[]>;
  templates: Record<string, { subject: string; body: string; xPost: string }>;
  addresseeIds: string[];
};

const local = (d: Date | null) => (d ? d.toISOString().slice(0, 16) : "");

/** Everything the campaign editor shows, plus every addressee to choose from. */
export async function getCampaignForEdit(actor: StaffIdentity, id: string | null) {
  assertRole(actor, "admin");
  const addressees = await db().addressee.findMany({
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    select: { id: true, name: true, role: true, kind: true, country: true, status: true },
  });
  if (!id) return { campaign: null, addressees };
  const row = await db().campaign.findUnique({
    where: { id },
    include: {
      translations: true,
      demands: { orderBy: { position: "asc" }, include: { translations: true } },
      templates: true,
      addressees: { orderBy: { position: "asc" }, select: { addresseeId: true } },
    },
  });
  if (!row) return null;
  const campaign: CampaignForEdit = {
    id: row.id,
    version: row.updatedAt.toISOString(),
    slug: row.slug,
    organiser: row.organiser,
    status: row.status,
    languages: row.languages,
    signatureGoal: row.signatureGoal?.toString() ?? "",
    appealDate: row.appealDate?.toISOString().slice(0, 10) ?? "",
    opensAt: local(row.opensAt),
    closesAt: local(row.closesAt),
    texts: Object.fromEntries(
      row.translations.map((t) => [
        t.language,
        {
          title: t.title,
          summary: t.summary,
          context: t.context,
          whyItMatters: t.whyItMatters,
          safetyNotice: t.safetyNotice,
        },
      ]),
    ),
    demands: Object.fromEntries(
      row.languages.map((lang) => [
        lang,
        row.demands.map((d) => d.translations.find((t) => t.language === lang)?.text ?? ""),
      ]),
    ),
    templates: Object.fromEntries(
      row.templates.map((t) => [t.language, { subject: t.subject, body: t.body, xPost: t.xPost ?? "" }]),
    ),
    addresseeIds: row.addressees.map((a) => a.addresseeId),
  };
  return { campaign, addressees };
}

export type CampaignSave =
  | { outcome: "saved"; id: string }
  | { outcome: "conflict" }
  | { outcome: "not_found" }
  | { outcome: "invalid"; fieldErrors: Record<string, string[]> };

/**
 * Saves a whole campaign (new when `id` is null) in one transaction with its
 * audit line: settings, texts, demands, templates and addressees. Languages
 * dropped from the list lose their texts. The public page and API read the
 * database on every request, so the change shows at once.
 */
export async function saveCampaign(
  actor: StaffIdentity,
  id: string | null,
  input: CampaignInput,
  expectedVersion: Date | null,
): Promise<CampaignSave> {
  assertRole(actor, "admin");
  try {
    return await db().$transaction(
      async (tx) => {
        const before = id ? await snapshot(tx, id) : null;
        if (id && !before) return { outcome: "not_found" as const };
        if (before && expectedVersion && before.updatedAt.getTime() !== expectedVersion.getTime())
          return { outcome: "conflict" as const };
        const fields = {
          slug: input.slug,
          organiser: input.organiser,
          status: input.status,
          languages: input.languages,
          signatureGoal: input.signatureGoal,
          appealDate: input.appealDate,
          opensAt: input.opensAt,
          closesAt: input.closesAt,
          // The retention clock for supporters' data starts when a campaign closes.
          closedAt: input.status === "closed" ? (before?.closedAt ?? new Date()) : null,
        };
        const campaign = id
          ? await tx.campaign.update({ where: { id }, data: fields })
          : await tx.campaign.create({ data: fields });
        const campaignId = campaign.id;

        await tx.campaignTranslation.deleteMany({ where: { campaignId, language: { notIn: input.languages } } });
        await tx.letterTemplate.deleteMany({ where: { campaignId, language: { notIn: input.languages } } });
        for (const language of input.languages) {
          const texts = input.texts[language]!;
          await tx.campaignTranslation.upsert({
            where: { campaignId_language: { campaignId, language } },
            create: { campaignId, language, ...texts },
            update: texts,
          });
          const template = input.templates[language]!;
          await tx.letterTemplate.upsert({
            where: { campaignId_language: { campaignId, language } },
            create: { campaignId, language, ...template },
            update: template,
          });
        }
        // Demands have no history of their own (letters keep their text), so they are rewritten whole.
        await tx.demand.deleteMany({ where: { campaignId } });
        const count = input.demands[input.languages[0]!]!.length;
        for (let position = 1; position <= count; position++) {
          await tx.demand.create({
            data: {
              campaignId,
              position,
              translations: {
                create: input.languages.map((language) => ({
                  language,
                  text: input.demands[language]![position - 1]!,
                })),
              },
            },
          });
        }
        await tx.campaignAddressee.deleteMany({ where: { campaignId, addresseeId: { notIn: input.addresseeIds } } });
        for (const [index, addresseeId] of input.addresseeIds.entries()) {
          await tx.campaignAddressee.upsert({
            where: { campaignId_addresseeId: { campaignId, addresseeId } },
            create: { campaignId, addresseeId, position: index + 1 },
            update: { position: index + 1 },
          });
        }
        const after = await snapshot(tx, campaignId);
        await recordAudit(
          actor,
          {
            action: id ? "campaign.update" : "campaign.create",
            entity: "campaign",
            entityId: campaignId,
            before: auditView(before),
            after: auditView(after),
          },
          tx,
        );
        return { outcome: "saved" as const, id: campaignId };
      },
      { timeout: 30_000 },
    );
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      return { outcome: "invalid", fieldErrors: { slug: ["Another campaign has this address already."] } };
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003")
      return { outcome: "invalid", fieldErrors: { addresseeIds: ["An addressee you chose no longer exists."] } };
    throw error;
  }
}

async function snapshot(tx: Prisma.TransactionClient, id: string) {
  return tx.campaign.findUnique({
    where: { id },
    include: {
      translations: { orderBy: { language: "asc" } },
      demands: { orderBy: { position: "asc" }, include: { translations: { orderBy: { language: "asc" } } } },
      templates: { orderBy: { language: "asc" } },
      addressees: { orderBy: { position: "asc" }, select: { addresseeId: true } },
    },
  });
}

function auditView(row: Awaited<ReturnType<typeof snapshot>>) {
  if (!row) return null;
  return {
    slug: row.slug,
    status: row.status,
    organiser: row.organiser,
    languages: row.languages,
    signatureGoal: row.signatureGoal,
    opensAt: row.opensAt,
    closesAt: row.closesAt,
    texts: row.translations.map(({ campaignId: _c, ...t }) => t),
    demands: row.demands.map((d) => Object.fromEntries(d.translations.map((t) => [t.language, t.text]))),
    templates: row.templates.map((t) => ({ language: t.language, subject: t.subject, body: t.body, xPost: t.xPost })),
    addresseeIds: row.addressees.map((a) => a.addresseeId),
  };
}
