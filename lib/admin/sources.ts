import "server-only";
import { assertRole, type StaffIdentity } from "@/lib/auth/staff-identity";
import { pickTranslation } from "@/lib/campaigns/text";
import type { FieldProblems } from "@/lib/core/errors";
import { recordAudit } from "./audit";
import {
  brokenConstraint,
  deleteUnusedSource,
  findSource,
  inTransaction,
  insertSource,
  sourcesByCampaign,
} from "./data";
import type { SourceInput } from "./source-schema";

/** Every campaign with its partner codes and the signatures each counted. Admins only. */
export async function listSources(actor: StaffIdentity) {
  assertRole(actor, "admin");
  const campaigns = await sourcesByCampaign();
  return campaigns.map((c) => ({
    id: c.id,
    slug: c.slug,
    title: pickTranslation(c.translations, c.languages)?.title ?? c.slug,
    sources: c.sources,
  }));
}

export type SourceAdded = { outcome: "added"; code: string } | { outcome: "invalid"; problems: FieldProblems };

/** Defines a `?source=` code for a campaign, with its audit line. Admins only. */
export async function addSource(actor: StaffIdentity, input: SourceInput): Promise<SourceAdded> {
  assertRole(actor, "admin");
  try {
    return await inTransaction(async (tx) => {
      await insertSource(tx, input);
      await recordAudit(
        actor,
        {
          action: "source.create",
          entity: "campaign_source",
          entityId: input.campaignId,
          after: { code: input.code, label: input.label },
        },
        tx,
      );
      return { outcome: "added" as const, code: input.code };
    });
  } catch (error) {
    const constraint = brokenConstraint(error);
    if (constraint === "unique")
      return { outcome: "invalid", problems: { code: [{ code: "sourceCodeTaken", values: { code: input.code } }] } };
    if (constraint === "foreign_key")
      return { outcome: "invalid", problems: { campaignId: [{ code: "sourceCampaignMissing" }] } };
    throw error;
  }
}

export type SourceDeleted = { outcome: "deleted" } | { outcome: "in_use" } | { outcome: "not_found" };

/**
 * Deletes a code that has counted no signature, with its audit line. One that
 * has stays: its count is a figure staff report. Admins only.
 */
export async function deleteSource(actor: StaffIdentity, campaignId: string, code: string): Promise<SourceDeleted> {
  assertRole(actor, "admin");
  return inTransaction(async (tx) => {
    const before = await findSource(tx, campaignId, code);
    if (!before) return { outcome: "not_found" as const };
    // Checked in the delete itself: a signature counted meanwhile keeps the code.
    if (!(await deleteUnusedSource(tx, campaignId, code))) return { outcome: "in_use" as const };
    await recordAudit(actor, { action: "source.delete", entity: "campaign_source", entityId: campaignId, before }, tx);
    return { outcome: "deleted" as const };
  });
}
