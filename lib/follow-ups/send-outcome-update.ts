import "server-only";
import { randomUUID } from "node:crypto";
import { outcomeUpdateEmail } from "@/emails/outcome-update";
import type { RenderedEmail } from "@/emails/layout";
import { emailLanguages } from "@/emails/texts";
import { assertRole, type StaffIdentity } from "@/lib/auth/staff-identity";
import { pickTranslation } from "@/lib/campaigns/text";
import { env } from "@/lib/core/env";
import { queueSupporterEmail } from "@/lib/delivery/queue-supporter-email";
import type { EmailLink } from "@/emails/layout";
import { deletionLink } from "@/lib/privacy/deletion-link";
import { emailLink, openLinkOrigin } from "@/lib/privacy/email-links";
import { decryptText } from "@/lib/privacy/encryption";
import {
  campaignsWithUpdates,
  inLongTransaction,
  insertOutcomeUpdate,
  insertUpdateAudit,
  setQueuedCount,
  updateRecipientCounts,
  updateRecipients,
} from "./data";

const day = 86_400_000;
export const updateLimits = { subject: 200, body: 10_000 } as const;

/** One update as staff wrote it: plain text, for one campaign in one language. */
export type UpdateDraft = { campaignId: string; language: string; subject: string; body: string };

/** What is wrong with a draft, as codes the page words in the staff member's language. */
export type UpdateProblem = "subjectMissing" | "subjectTooLong" | "subjectOneLine" | "bodyMissing" | "bodyTooLong";

export type UpdateCampaign = {
  id: string;
  slug: string;
  title: string;
  closed: boolean;
  /** Per language the campaign speaks: who would get an update now, and the one already sent. */
  languages: { language: string; recipients: number; sent: { queuedCount: number; at: Date } | null }[];
};

/**
 * The campaigns staff may write to, each language with how many supporters an
 * update would reach (a count only: nothing says who they are) and the update
 * already sent in it, if any.
 */
export async function listUpdateCampaigns(staff: StaffIdentity, interfaceLanguage: string): Promise<UpdateCampaign[]> {
  assertRole(staff, "staff");
  const campaigns = await campaignsWithUpdates();
  return Promise.all(
    campaigns.map(async (campaign) => {
      const counts = await updateRecipientCounts(campaign.id);
      return {
        id: campaign.id,
        slug: campaign.slug,
        title: pickTranslation(campaign.translations, campaign.languages, interfaceLanguage)?.title ?? campaign.slug,
        closed: campaign.status === "closed",
        languages: campaign.languages
          .filter((language) => emailLanguages.includes(language))
          .map((language) => {
            const sent = campaign.outcomeUpdates.find((u) => u.language === language);
            return {
              language,
              recipients: counts[language] ?? 0,
              sent: sent ? { queuedCount: sent.queuedCount, at: sent.createdAt } : null,
            };
          }),
      };
    }),
  );
}

function problemsOf(draft: UpdateDraft): UpdateProblem[] {
  const problems: UpdateProblem[] = [];
  const subject = draft.subject.trim();
  if (!subject) problems.push("subjectMissing");
  else if (subject.length > updateLimits.subject) problems.push("subjectTooLong");
  // A subject is one header line.
  if (/[\r\n]/.test(subject)) problems.push("subjectOneLine");
  if (!draft.body.trim()) problems.push("bodyMissing");
  else if (draft.body.length > updateLimits.body) problems.push("bodyTooLong");
  return problems;
}

export type PreviewOutcome =
  | { outcome: "preview"; draft: UpdateDraft; email: RenderedEmail; recipients: number; campaignTitle: string }
  | { outcome: "invalid"; problems: UpdateProblem[] }
  | { outcome: "already_sent" }
  | { outcome: "not_found" };

/** The campaign and language a draft names, if staff may write there, with the update already sent. */
async function targetOf(draft: UpdateDraft) {
  const campaigns = await campaignsWithUpdates();
  const campaign = campaigns.find((c) => c.id === draft.campaignId);
  if (!campaign || !campaign.languages.includes(draft.language) || !emailLanguages.includes(draft.language))
    return null;
  return {
    campaign,
    title: pickTranslation(campaign.translations, campaign.languages, draft.language)?.title ?? "",
    alreadySent: campaign.outcomeUpdates.some((u) => u.language === draft.language),
  };
}

/** The checks both steps make, in order: the caller, the campaign and language, one update only, the text. */
async function checkedTarget(staff: StaffIdentity, draft: UpdateDraft) {
  assertRole(staff, "staff");
  const target = await targetOf(draft);
  if (!target) return { outcome: "not_found" as const };
  if (target.alreadySent) return { outcome: "already_sent" as const };
  const problems = problemsOf(draft);
  if (problems.length > 0) return { outcome: "invalid" as const, problems };
  return { outcome: "ok" as const, title: target.title };
}

/** The email exactly as a supporter will get it; only the delete link, personal to each, is shown as "…". */
function renderUpdate(draft: UpdateDraft, campaignTitle: string, deleteUrl: EmailLink): RenderedEmail {
  return outcomeUpdateEmail({
    language: draft.language,
    retentionDays: env().PERSONAL_DATA_RETENTION_DAYS,
    deleteUrl,
    campaignTitle,
    subject: draft.subject.trim(),
    body: draft.body,
  });
}

/** Checks a draft and shows the email a supporter will get, with how many will get it. Sends nothing. */
export async function previewOutcomeUpdate(staff: StaffIdentity, draft: UpdateDraft): Promise<PreviewOutcome> {
  const target = await checkedTarget(staff, draft);
  if (target.outcome !== "ok") return target;
  const recipients = (await updateRecipientCounts(draft.campaignId))[draft.language] ?? 0;
  // As a supporter who signed on the canonical origin gets it.
  const sample = emailLink(`/privacy/delete?token=…&lang=${encodeURIComponent(draft.language)}`, null);
  return {
    outcome: "preview",
    draft,
    email: renderUpdate(draft, target.title, sample),
    recipients,
    campaignTitle: target.title,
  };
}

export type SendOutcome =
  | { outcome: "sent"; queued: number }
  /** More or fewer supporters than the preview said: shown again with the new number, nothing sent. */
  | { outcome: "count_changed"; recipients: number }
  | { outcome: "invalid"; problems: UpdateProblem[] }
  | { outcome: "already_sent" }
  | { outcome: "not_found" };

/**
 * Sends the campaign's one update in this language: to every supporter who
 * agreed to be contacted, confirmed their address and was written to in this
 * language, through the outbox (one email each, the unique (signature, kind)
 * keeps it to one), with the update recorded and audited, all in one
 * transaction. `expected` is the number the staff member confirmed.
 */
export async function sendOutcomeUpdate(
  staff: StaffIdentity,
  draft: UpdateDraft,
  expected: number,
  now = new Date(),
): Promise<SendOutcome> {
  const target = await checkedTarget(staff, draft);
  if (target.outcome !== "ok") return target;
  const retentionDays = env().PERSONAL_DATA_RETENTION_DAYS;
  return inLongTransaction(async (tx): Promise<SendOutcome> => {
    const id = randomUUID();
    const subject = draft.subject.trim();
    // The unique (campaign, language) index: two staff members sending at once send once.
    if (!(await insertOutcomeUpdate(tx, { id, ...draft, subject }))) return { outcome: "already_sent" };
    const recipients = await updateRecipients(tx, draft.campaignId, draft.language);
    if (recipients.length !== expected) throw new CountChanged(recipients.length);
    let queued = 0;
    for (const recipient of recipients) {
      const filed = await queueSupporterEmail(tx, {
        signatureId: recipient.signatureId,
        kind: "outcome_update",
        language: draft.language,
        to: decryptText(recipient.emailEncrypted, {
          table: "SupporterContact",
          column: "emailEncrypted",
          row: recipient.signatureId,
        }),
        // Its links start where the supporter signed.
        email: renderUpdate(
          draft,
          target.title,
          deletionLink(
            recipient.signatureId,
            draft.language,
            openLinkOrigin(recipient.linkOriginEncrypted, recipient.signatureId),
          ),
        ),
        purgeAfter: new Date(now.getTime() + retentionDays * day),
      });
      if (filed) queued += 1;
    }
    await setQueuedCount(tx, id, queued);
    await insertUpdateAudit(tx, {
      actorId: staff.id,
      actorEmail: staff.email,
      entityId: id,
      after: { campaignId: draft.campaignId, language: draft.language, subject, queuedCount: queued },
    });
    return { outcome: "sent", queued };
  }).catch((error: unknown) => {
    // Thrown to roll the update back: nothing was filed.
    if (error instanceof CountChanged) return { outcome: "count_changed", recipients: error.recipients };
    throw error;
  });
}

class CountChanged extends Error {
  constructor(readonly recipients: number) {
    super("The number of recipients changed since the preview.");
  }
}
