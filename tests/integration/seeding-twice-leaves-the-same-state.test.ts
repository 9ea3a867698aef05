import { beforeAll, describe, expect, it } from "vitest";
import { launchCampaign } from "@/lib/campaigns/launch-campaign";
import { seedCampaign } from "@/lib/campaigns/seed-campaign";
import { db } from "@/lib/core/db";
import { resetDatabase } from "../helpers/db";

/** Every row of the seeded tables, without timestamps that a re-seed may touch. */
async function snapshot() {
  const client = db();
  const strip = <T extends Record<string, unknown>>(rows: T[]) =>
    rows.map(({ updatedAt: _u, createdAt: _c, ...rest }) => rest);
  return {
    campaigns: strip(await client.campaign.findMany({ orderBy: { slug: "asc" } })),
    campaignTexts: await client.campaignTranslation.findMany({ orderBy: [{ campaignId: "asc" }, { language: "asc" }] }),
    demands: await client.demand.findMany({ orderBy: { position: "asc" } }),
    demandTexts: await client.demandTranslation.findMany({ orderBy: [{ demandId: "asc" }, { language: "asc" }] }),
    addressees: strip(await client.addressee.findMany({ orderBy: { key: "asc" } })),
    addresseeTexts: await client.addresseeTranslation.findMany({
      orderBy: [{ addresseeId: "asc" }, { language: "asc" }],
    }),
    links: await client.campaignAddressee.findMany({ orderBy: { position: "asc" } }),
    templates: strip(await client.letterTemplate.findMany({ orderBy: { language: "asc" } })),
  };
}

describe("seeding the launch campaign", () => {
  beforeAll(resetDatabase);

  it("writes the four demands and seven addressees in English, French, Spanish and Russian", async () => {
    await seedCampaign(launchCampaign);
    const state = await snapshot();
    expect(state.campaigns).toHaveLength(1);
    expect(state.campaigns[0]).toMatchObject({
      slug: "russia-amnesty-undesirable",
      status: "open",
      languages: ["en", "ru", "fr", "es"],
    });
    expect(state.demands).toHaveLength(4);
    expect(state.demandTexts.map((t) => t.language).sort()).toEqual([
      ...Array(4).fill("en"),
      ...Array(4).fill("es"),
      ...Array(4).fill("fr"),
      ...Array(4).fill("ru"),
    ]);
    expect(state.addressees).toHaveLength(7);
    expect(state.templates.map((t) => t.language).sort()).toEqual(["en", "es", "fr", "ru"]);
  });

  it("leaves exactly the same rows when run a second time", async () => {
    const before = await snapshot();
    await seedCampaign(launchCampaign);
    expect(await snapshot()).toEqual(before);
  });
});
