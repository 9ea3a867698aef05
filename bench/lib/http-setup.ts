// What every HTTP benchmark starts with: both builds ready, and a fresh
// database with the launch campaign (and optionally copies of it) seeded.
import { freshBenchDatabase, sql } from "./bench-database.ts";
import { buildBaselineApp, ensureAppBuild } from "./next-servers.ts";
import { benchProofOfWorkSettings } from "./proof-of-work-pool.ts";

export const benchAppSecret = "benchmark-secret-not-for-production-0123456789abcdef";

export type HttpBenchSetup = {
  database: { url: string; drop: () => Promise<void> };
  slugs: string[];
  addressees: string[];
};

export async function prepareHttpBench(label: string, options: { campaigns?: number } = {}): Promise<HttpBenchSetup> {
  ensureAppBuild();
  buildBaselineApp();
  const database = await freshBenchDatabase(label);
  // The proof-of-work settings too, before anything reads the environment (bench/lib/proof-of-work-pool.ts).
  Object.assign(process.env, { DATABASE_URL: database.url, APP_SECRET: benchAppSecret, ...benchProofOfWorkSettings });
  const { seedCampaign } = await import("../../lib/campaigns/seed-campaign.ts");
  const { launchCampaign } = await import("../../lib/campaigns/launch-campaign.ts");
  const { disconnectDb } = await import("../../lib/core/db.ts");
  const slugs = [launchCampaign.slug];
  await seedCampaign(launchCampaign);
  for (let i = 1; i < (options.campaigns ?? 1); i++) {
    const slug = `${launchCampaign.slug}-${i}`;
    await seedCampaign({ ...launchCampaign, slug });
    slugs.push(slug);
  }
  await disconnectDb();
  const addressees = (
    await sql<{ id: string }>(
      database.url,
      `SELECT a."addresseeId" AS id FROM "CampaignAddressee" a JOIN "Campaign" c ON c.id = a."campaignId" WHERE c.slug = $1 ORDER BY a.position`,
      [launchCampaign.slug],
    )
  ).map((r) => r.id);
  return { database, slugs, addressees };
}
