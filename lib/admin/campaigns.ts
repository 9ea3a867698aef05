import "server-only";
import { assertRole, type StaffIdentity } from "@/lib/auth/staff-identity";
import { pickTranslation } from "@/lib/campaigns/text";
import type { FieldProblems } from "@/lib/core/errors";
import type { CampaignStatus } from "@/lib/core/vocabulary";
import { saveAudited, type SaveOutcome } from "./audit";
import type { CampaignInput } from "./campaign-schema";
import {
  addresseeChoices,
  campaignList,
  campaignSnapshot,
  findCampaignForEdit,
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
  /** The campaign-wide hourly safety cap on emails. */
  hourlyCap: string;
  appealDate: string;
  opensAt: string;
  closesAt: string;
  texts: Record<
    string,
    {
      title: string;
      summary: string;
      context: string;
      whyItMatters: string;
      safetyNotice: string;
      organiser: string;
      firstStep: string;
    }
  >;
  demands: Record<string, string[]>;
  templates: Record<
    string,
    {
      subject: string;
      body: string;
      xPost: string;
      subjectVariants: string[];
      openingVariants: string[];
      closingVariants: string[];
    }
  >;
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
    hourlyCap: row.hourlyCap.toString(),
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
          organiser: t.organiser ?? "",
          firstStep: t.firstStep,
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
      row.templates.map((t) => [
        t.language,
        {
          subject: t.subject,
          body: t.body,
          xPost: t.xPost ?? "",
          subjectVariants: t.subjectVariants,
          openingVariants: t.openingVariants,
          closingVariants: t.closingVariants,
        },
      ]),
    ),
    addresseeIds: row.addressees.map((a) => a.addresseeId),
  };
  return { campaign, addressees };
}

export type CampaignSave = SaveOutcome;

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
  return saveAudited(actor, {
    entity: "campaign",
    id,
    expectedVersion,
    read: campaignSnapshot,
    // The retention clock for supporters' data starts when a campaign closes.
    write: (tx, before) =>
      writeCampaign(tx, id, input, input.status === "closed" ? (before?.closedAt ?? new Date()) : null),
    auditView,
    refused: (constraint): FieldProblems =>
      constraint === "unique" ? { slug: [{ code: "slugTaken" }] } : { addresseeIds: [{ code: "addresseeGone" }] },
    timeout: 30_000,
  });
}

function auditView(row: CampaignSnapshot) {
  if (!row) return null;
  return {
    slug: row.slug,
    status: row.status,
    organiser: row.organiser,
    languages: row.languages,
    signatureGoal: row.signatureGoal,
    hourlyCap: row.hourlyCap,
    opensAt: row.opensAt,
    closesAt: row.closesAt,
    texts: row.translations.map(({ campaignId: _c, ...t }) => t),
    demands: row.demands.map((d) => Object.fromEntries(d.translations.map((t) => [t.language, t.text]))),
    templates: row.templates.map((t) => ({
      language: t.language,
      subject: t.subject,
      body: t.body,
      xPost: t.xPost,
      subjectVariants: t.subjectVariants,
      openingVariants: t.openingVariants,
      closingVariants: t.closingVariants,
    })),
    addresseeIds: row.addressees.map((a) => a.addresseeId),
  };
}
