// The tallies feature's only door to the database. The SQL itself, shared
// with the staff dashboard, is in tally-sql.ts.
import "server-only";
import { db } from "@/lib/core/db";
import { liveTallySql, rollUpSql } from "./tally-sql";

/** An open or closed campaign (never a draft) with its addressees in order: what its totals are counted for. */
export async function findCountedCampaign(slug: string) {
  return db().campaign.findFirst({
    where: { slug, status: { in: ["open", "closed"] } },
    select: {
      id: true,
      slug: true,
      signatureGoal: true,
      addressees: {
        select: { addressee: { select: { id: true, key: true, name: true } } },
        orderBy: { position: "asc" },
      },
    },
  });
}

export type TallyRow = { dimension: string; key: string; count: bigint };

/** Rolled-up plus pending counts of a campaign, one row per dimension and key. */
export async function liveTallies(campaignId: string): Promise<TallyRow[]> {
  return db().$queryRawUnsafe<TallyRow[]>(liveTallySql, campaignId);
}

export type CountryRow = { country: string; n: number };

/** Signatures counted before `asOf`, by country. */
export async function signaturesByCountryBefore(campaignId: string, asOf: Date): Promise<CountryRow[]> {
  return db().$queryRawUnsafe<CountryRow[]>(
    `SELECT country, count(*)::int AS n FROM "Signature" WHERE "campaignId" = $1::uuid AND "countedAt" < $2 GROUP BY country`,
    campaignId,
    asOf,
  );
}

/** Moves up to `batchSize` pending rows into the tallies; returns how many it moved. */
export async function rollUpBatch(batchSize: number): Promise<number> {
  const [result] = await db().$queryRawUnsafe<{ moved: number }[]>(rollUpSql, batchSize);
  return result?.moved ?? 0;
}
