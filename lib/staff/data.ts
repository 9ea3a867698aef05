// The staff feature's only door to the database: the dashboard's figures and
// the supporters export. Plain reads; who may call them is checked by the use
// cases beside this file (assertRole), which are the folder's public functions.
import "server-only";
import { db } from "@/lib/core/db";
import { liveTallySql } from "@/lib/tallies/tally-sql";

/** Every campaign, open ones first, with what the dashboard's chooser shows. */
export async function dashboardCampaigns() {
  return db().campaign.findMany({
    orderBy: [{ status: "asc" }, { createdAt: "desc" }],
    select: {
      id: true,
      slug: true,
      status: true,
      languages: true,
      signatureGoal: true,
      translations: { select: { language: true, title: true } },
    },
  });
}

/**
 * A campaign's figures at this moment: the live tallies (roll-up plus pending,
 * the public totals' SQL; delivery messages and supporter emails by status
 * among them, counted by triggers) and the commonest reasons for deferred
 * and failed delivery messages.
 */
export async function campaignFigures(campaignId: string) {
  const [tallies, problems] = await Promise.all([
    db().$queryRawUnsafe<{ dimension: string; key: string; count: bigint }[]>(liveTallySql, campaignId),
    db().deliveryMessage.groupBy({
      by: ["status", "lastError"],
      where: { campaignId, status: { in: ["deferred", "failed"] } },
      _count: { _all: true },
      // count(status), not count(id): the same number (status is never null),
      // counted from the index on campaignId, status and lastError alone.
      orderBy: { _count: { status: "desc" } },
      take: 20,
    }),
  ]);
  return {
    tallies,
    problems: problems.map((p) => ({ status: p.status, reason: p.lastError, count: p._count._all })),
  };
}

/** A campaign's partner source codes (their counts are tallies: dimension signatures_by_source). */
export async function campaignSources(campaignId: string) {
  return db().campaignSource.findMany({ where: { campaignId }, select: { code: true, label: true } });
}

/** Addressees' names by id (a deleted addressee is missing). */
export async function addresseeNames(ids: string[]): Promise<Map<string, string>> {
  const rows = await db().addressee.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(rows.map((a) => [a.id, a.name]));
}

export async function campaignIdBySlug(slug: string): Promise<string | null> {
  return (await db().campaign.findUnique({ where: { slug }, select: { id: true } }))?.id ?? null;
}

/**
 * Contacts who ticked "you may contact me" and confirmed their address, still
 * encrypted, oldest first.
 */
export async function consentedContacts(campaignId: string) {
  return db().supporterContact.findMany({
    // Confirmed addresses only: anyone can type someone else's address and tick
    // the box; only the owner can click the confirmation link.
    where: {
      consentContact: true,
      emailEncrypted: { not: null },
      emailConfirmedAt: { not: null },
      signature: { campaignId },
    },
    select: {
      signatureId: true,
      emailEncrypted: true,
      nameEncrypted: true,
      createdAt: true,
      signature: { select: { country: true, language: true } },
    },
    orderBy: { createdAt: "asc" },
  });
}
