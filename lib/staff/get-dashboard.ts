import "server-only";
import { assertRole, type StaffIdentity } from "@/lib/auth/staff-identity";
import { currentMailPauses, type MailPause } from "@/lib/bounces/mail-pauses";
import { pickTranslation } from "@/lib/campaigns/text";
import { deliveryStatuses, type CampaignStatus, type DeliveryStatus } from "@/lib/core/vocabulary";
import { addresseeNames, campaignFigures, campaignSources, dashboardCampaigns } from "./data";

/** A count under its key: a day ("2026-03-01"), an hour ("2026-03-01T14"), a country code, a channel. */
export type Count = { key: string; count: number };

/** Letters prepared (`count`) and, of those, confirmed sent, under a channel or an addressee id. */
export type LetterCount = Count & { sent: number };

export type Dashboard = {
  campaigns: { slug: string; title: string; status: CampaignStatus }[];
  campaign: { id: string; slug: string; title: string; status: CampaignStatus; goal: number | null } | null;
  signatures: number;
  /** Letters prepared: every letter of a counted signature. */
  letters: number;
  /** Letters confirmed sent: delivered by our server or reported sent by their supporter. A part of `letters`. */
  lettersSent: number;
  byDay: Count[];
  byHour: Count[];
  byCountry: Count[];
  /** name null: the addressee was deleted since. */
  byAddressee: (LetterCount & { name: string | null })[];
  /** Keys are letter channels (letterChannels, lib/core/vocabulary.ts). */
  byChannel: LetterCount[];
  /** Signatures per partner source code (?source=), every code the admins defined. */
  bySource: (Count & { label: string })[];
  /** Delivery messages by status, in deliveryStatuses' order; a status no message has is left out. */
  delivery: { status: DeliveryStatus; count: number }[];
  /** reason: the mail server's own words, or null when none was recorded. */
  deliveryProblems: { status: DeliveryStatus; reason: string | null; count: number }[];
  /** Statuses of emails to supporters (queued, sent, failed, cancelled), in deliveryStatuses' order. */
  supporterEmails: { status: string; count: number }[];
  /** Addresses sending stopped to after bounces or a complaint, whatever the campaign: staff are told. */
  mailPauses: MailPause[];
  computedAt: Date;
};

/**
 * What the staff dashboard shows for one campaign. Counts come from the
 * roll-up plus the rows still pending (the same SQL as the public totals),
 * so they equal counts over the raw rows at the moment of reading; delivery
 * messages and supporter emails by status too, whose changes triggers write
 * as pending deltas (lib/tallies/tally-sql.ts).
 */
export async function getDashboard(actor: StaffIdentity, slug?: string, now = new Date()): Promise<Dashboard> {
  assertRole(actor, "staff");
  const all = await dashboardCampaigns();
  const campaigns = all.map((c) => ({
    slug: c.slug,
    title: pickTranslation(c.translations, c.languages)?.title ?? c.slug,
    status: c.status,
  }));
  const chosen = all.find((c) => c.slug === slug) ?? all.find((c) => c.status === "open") ?? all[0];
  const mailPauses = await currentMailPauses();
  const empty: Dashboard = {
    campaigns,
    campaign: null,
    signatures: 0,
    letters: 0,
    lettersSent: 0,
    byDay: [],
    byHour: [],
    byCountry: [],
    byAddressee: [],
    byChannel: [],
    bySource: [],
    delivery: [],
    deliveryProblems: [],
    supporterEmails: [],
    mailPauses,
    computedAt: now,
  };
  if (!chosen) return empty;

  const [{ tallies: rows, problems }, sources] = await Promise.all([
    campaignFigures(chosen.id),
    campaignSources(chosen.id),
  ]);
  const dimension = (name: string) =>
    rows.filter((r) => r.dimension === name).map((r) => ({ key: r.key, count: Number(r.count) }));
  // Embassies chosen by country are addressees too, outside the campaign's list.
  const addresseeIds = dimension("letters_by_addressee").map((d) => d.key);
  const names = await addresseeNames(addresseeIds);
  // Sent is a part of prepared: every key with a sent letter has a prepared one.
  const withSent = (prepared: string, sent: string): LetterCount[] => {
    const sentByKey = new Map(dimension(sent).map((d) => [d.key, d.count]));
    return dimension(prepared)
      .map((d) => ({ ...d, sent: sentByKey.get(d.key) ?? 0 }))
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  };
  // Status counts go up and down: a status every row has left sums to 0.
  const byStatus = (name: string) =>
    dimension(name)
      .filter((d) => d.count !== 0)
      .map((d) => ({ status: d.key, count: d.count }))
      .sort((a, b) => statusRank(a.status) - statusRank(b.status) || a.status.localeCompare(b.status));
  const hourFrom = new Date(now.getTime() - 47 * 3600_000).toISOString().slice(0, 13);

  return {
    campaigns,
    campaign: {
      id: chosen.id,
      slug: chosen.slug,
      title: pickTranslation(chosen.translations, chosen.languages)?.title ?? chosen.slug,
      status: chosen.status,
      goal: chosen.signatureGoal,
    },
    signatures: dimension("signatures")[0]?.count ?? 0,
    letters: dimension("letters")[0]?.count ?? 0,
    lettersSent: dimension("letters_sent")[0]?.count ?? 0,
    byDay: dimension("signatures_by_day").sort((a, b) => a.key.localeCompare(b.key)),
    byHour: dimension("signatures_by_hour")
      .filter((d) => d.key >= hourFrom)
      .sort((a, b) => a.key.localeCompare(b.key)),
    byCountry: dimension("signatures_by_country").sort((a, b) => b.count - a.count),
    byAddressee: withSent("letters_by_addressee", "letters_sent_by_addressee").map((d) => ({
      ...d,
      name: names.get(d.key) ?? null,
    })),
    byChannel: withSent("letters_by_channel", "letters_sent_by_channel"),
    bySource: bySource(sources, dimension("signatures_by_source")),
    delivery: byStatus("delivery_by_status").filter((d): d is { status: DeliveryStatus; count: number } =>
      isDeliveryStatus(d.status),
    ),
    deliveryProblems: problems,
    supporterEmails: byStatus("supporter_emails_by_status"),
    mailPauses,
    computedAt: now,
  };
}

/** Every code the admins defined with its count (0 when none counted yet), most signatures first. */
function bySource(sources: { code: string; label: string }[], counts: Count[]): (Count & { label: string })[] {
  const countByCode = new Map(counts.map((c) => [c.key, c.count]));
  return sources
    .map((s) => ({ key: s.code, label: s.label, count: countByCode.get(s.code) ?? 0 }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

const isDeliveryStatus = (status: string): status is DeliveryStatus =>
  (deliveryStatuses as readonly string[]).includes(status);
/** Position in deliveryStatuses (an unknown status last). */
const statusRank = (status: string) =>
  isDeliveryStatus(status) ? deliveryStatuses.indexOf(status) : deliveryStatuses.length;
