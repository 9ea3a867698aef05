// What the home page and the campaign page read: one open campaign is shown
// itself; several are listed; texts come in the reader's language, the
// organiser's name and the officials' organisations included.
import { beforeAll, describe, expect, it } from "vitest";
import { getHomePage } from "@/lib/campaigns/get-home-page";
import { getPublicCampaign } from "@/lib/campaigns/get-public-campaign";
import { seedCampaign } from "@/lib/campaigns/seed-campaign";
import { resetDatabase } from "../helpers/db";
import { campaignSeed, seedLaunchCampaign } from "../helpers/factories";

const slug = "russia-amnesty-undesirable";

describe("the home page", () => {
  beforeAll(async () => {
    await resetDatabase();
    await seedLaunchCampaign();
    await seedCampaign(campaignSeed({ slug: "not-yet-public", status: "draft" }));
  });

  it("shows the one open campaign itself, in the reader's language", async () => {
    const home = await getHomePage("fr");
    expect(home.kind).toBe("one");
    if (home.kind !== "one") return;
    const { campaign } = home.page;
    expect(campaign.slug).toBe(slug);
    expect(campaign.organiser).toBe("l’Observatoire pour la protection des défenseurs des droits humains (FIDH-OMCT)");
    expect(campaign.firstStep).toContain("l’ambassade de Russie dans votre propre pays");
    expect(campaign.appealDate).toBeNull();
  });

  it("gives the officials their organisation in the campaign's language", async () => {
    const ru = await getPublicCampaign(slug, "ru");
    expect(ru!.addressees[0]).toMatchObject({
      name: "Владимир Путин",
      organisation: "Администрация Президента Российской Федерации",
    });
    const en = await getPublicCampaign(slug, "en");
    expect(en!.addressees[0]!.organisation).toBe("Office of the President of the Russian Federation");
  });

  it("lists every open campaign, and no draft, once a second one opens", async () => {
    await seedCampaign(campaignSeed({ slug: "a-second-campaign", opensAt: "2020-01-01T00:00:00Z" }));
    const home = await getHomePage("en");
    expect(home.kind).toBe("several");
    if (home.kind !== "several") return;
    expect(home.campaigns.map((c) => [c.slug, c.organiser])).toEqual([
      [slug, "the Observatory for the Protection of Human Rights Defenders (FIDH-OMCT)"],
      // No translated name: the campaign's own.
      ["a-second-campaign", "Test organiser"],
    ]);
  });
});
