import "server-only";
import { assertRole, type StaffIdentity } from "@/lib/auth/staff-identity";
import { pickTranslation } from "@/lib/campaigns/text";
import type { CampaignStatus, DeliveryStatus } from "@/lib/core/vocabulary";
import { addresseeNames, campaignFigures, dashboardCampaigns } from "./data";

/** A count under its key: a day ("2026-03-01"), an hour ("2026-03-01T14"), a country code, a channel. */
export type Count = { key: string; count: number };

export type Dashboard = {
  campaigns: { slug: string; title: string; status: CampaignStatus }[];
  campaign: { id: string; slug: string; title: string; status: CampaignStatus; goal: number | null } | null;
  signatures: number;
  letters: number;
  byDay: Count[];
  byHour: Count[];
  byCountry: Count[];
  /** name null: the addressee was deleted since. */
  byAddressee: (Count & { name: string | null })[];
  /** Keys are letter channels (letterChannels, lib/core/vocabulary.ts). */
  byChannel: Count[];
  delivery: { status: DeliveryStatus; count: number }[];
  /** reason: the mail server's own words, or null when none was recorded. */
  deliveryProblems: { status: DeliveryStatus; reason: string | null; count: number }[];
  /** Statuses as the database gives them (deliveryStatuses). */
  supporterEmails: { status: string; count: number }[];
  computedAt: Date;
};

/**
 * What the staff dashboard shows for one campaign. Counts come from the
 * roll-up plus the rows still pending (the same SQL as the public totals),
 * so they equal counts over the raw rows at the moment of reading.
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
  const empty: Dashboard = {
    campaigns,
    campaign: null,
    signatures: 0,
    letters: 0,
    byDay: [],
    byHour: [],
    byCountry: [],
    byAddressee: [],
    byChannel: [],
    delivery: [],
    deliveryProblems: [],
    supporterEmails: [],
    computedAt: now,
  };
  if (!chosen) return empty;

  const { tallies: rows, delivery, problems, emails } = await campaignFigures(chosen.id);
  const dimension = (name: string) =>
    rows.filter((r) => r.dimension === name).map((r) => ({ key: r.key, count: Number(r.count) }));
  // Embassies chosen by country are addressees too, outside the campaign's list.
  const addresseeIds = dimension("letters_by_addressee").map((d) => d.key);
  const names = await addresseeNames(addresseeIds);
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
    byDay: dimension("signatures_by_day").sort((a, b) => a.key.localeCompare(b.key)),
    byHour: dimension("signatures_by_hour")
      .filter((d) => d.key >= hourFrom)
      .sort((a, b) => a.key.localeCompare(b.key)),
    byCountry: dimension("signatures_by_country").sort((a, b) => b.count - a.count),
    byAddressee: dimension("letters_by_addressee")
      .sort((a, b) => b.count - a.count)
      .map((d) => ({ ...d, name: names.get(d.key) ?? null })),
    byChannel: dimension("letters_by_channel").sort((a, b) => b.count - a.count),
    delivery,
    deliveryProblems: problems,
    supporterEmails: emails,
    computedAt: now,
  };
}
