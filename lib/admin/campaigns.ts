import "server-only";
import { assertRole, type StaffIdentity } from "@/lib/auth/staff-identity";
import { pickTranslation } from "@/lib/campaigns/text";
import type { FieldProblems } from "@/lib/core/errors";
import type { CampaignStatus } from "@/lib/core/vocabulary";
import { recordAudit } from "./audit";
import type { CampaignInput } from "./campaign-schema";
import {
  addresseeChoices,
  brokenConstraint,
  campaignList,
  campaignSnapshot,
  findCampaignForEdit,
  inTransaction,
  writeCampaign,
  type CampaignSnapshot,
} from "./data";

export async function listCampaignsForAdmin(actor: StaffIdentity) {
  assertRole(actor, "admin");
  const rows = await campaignList();
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
  const addressees = await addresseeChoices();
  if (!id) return { campaign: null, addressees };
  const row = await findCampaignForEdit(id);
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
  | { outcome: "invalid"; problems: FieldProblems };

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
    return await inTransaction(
      async (tx) => {
        const before = id ? await campaignSnapshot(tx, id) : null;
        if (id && !before) return { outcome: "not_found" as const };
        if (before && expectedVersion && before.updatedAt.getTime() !== expectedVersion.getTime())
          return { outcome: "conflict" as const };
        // The retention clock for supporters' data starts when a campaign closes.
        const closedAt = input.status === "closed" ? (before?.closedAt ?? new Date()) : null;
        const campaignId = await writeCampaign(tx, id, input, closedAt);
        const after = await campaignSnapshot(tx, campaignId);
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
    const broken = brokenConstraint(error);
    if (broken === "unique") return { outcome: "invalid", problems: { slug: [{ code: "slugTaken" }] } };
    if (broken === "foreign_key")
      return { outcome: "invalid", problems: { addresseeIds: [{ code: "addresseeGone" }] } };
    throw error;
  }
}

function auditView(row: CampaignSnapshot) {
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
