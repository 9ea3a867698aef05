// The public JSON API, called through its real route handlers against the
// worker's PostgreSQL database.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listCampaigns } from "@/app/api/campaigns/route";
import { GET as getCampaign } from "@/app/api/campaigns/[slug]/route";
import { GET as getTotals } from "@/app/api/campaigns/[slug]/totals/route";
import { publicCampaignSchema } from "@/lib/campaigns/schema";
import { seedCampaign } from "@/lib/campaigns/seed-campaign";
import { publicCampaignTotalsSchema } from "@/lib/tallies/schema";
import { resetDatabase } from "../helpers/db";
import { campaignSeed, insertSignature, seedLaunchCampaign } from "../helpers/factories";

const slug = "russia-amnesty-undesirable";
const request = (path: string) => new Request(`http://localhost${path}`);
const params = (value: string) => ({ params: Promise.resolve({ slug: value }) });

describe("public campaign API", () => {
  beforeAll(async () => {
    await resetDatabase();
    const campaign = await seedLaunchCampaign();
    await seedCampaign(campaignSeed({ slug: "still-a-draft", status: "draft" }));
    const [first, second] = campaign.addressees.map((a) => a.addressee);
    await insertSignature({
      campaignId: campaign.id,
      country: "DE",
      letters: [
        { addresseeId: first!.id, channel: "x_post" },
        { addresseeId: second!.id, channel: "pdf_print" },
      ],
    });
    await insertSignature({
      campaignId: campaign.id,
      country: "FR",
      letters: [{ addresseeId: first!.id, channel: "x_post" }],
    });
  });

  it("lists open campaigns only", async () => {
    const response = await listCampaigns(request("/api/campaigns"));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.campaigns.map((c: { slug: string }) => c.slug)).toEqual([slug]);
  });

  it("gives a campaign with its demands and addressees, in the asked language", async () => {
    const response = await getCampaign(request(`/api/campaigns/${slug}?lang=ru`), params(slug));
    expect(response.status).toBe(200);
    const campaign = publicCampaignSchema.parse(await response.json());
    expect(campaign.language).toBe("ru");
    expect(campaign.demands).toHaveLength(4);
    expect(campaign.demands[0]?.text).toContain("Amnesty International");
    expect(campaign.addressees.map((a) => a.name)).toContain("Игорь Краснов");
    expect(campaign.addressees.find((a) => a.key === "ru-fsb-director")?.emails).toEqual(["fsb@fsb.ru"]);
  });

  it("answers 404 with a JSON message for an unknown or draft campaign", async () => {
    for (const missing of ["no-such-campaign", "still-a-draft"]) {
      const response = await getCampaign(request(`/api/campaigns/${missing}`), params(missing));
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({
        error: { code: "not_found", message: `No public campaign has the slug "${missing}".` },
      });
    }
  });

  it("answers 400 naming the bad parameter", async () => {
    const badSlug = await getCampaign(request("/api/campaigns/Bad_Slug"), params("Bad_Slug"));
    expect(badSlug.status).toBe(400);
    expect((await badSlug.json()).error.fields).toHaveProperty("slug");

    const badLang = await getCampaign(request(`/api/campaigns/${slug}?lang=english!`), params(slug));
    expect(badLang.status).toBe(400);
    expect((await badLang.json()).error.fields).toHaveProperty("lang");

    const unknownParameter = await listCampaigns(request("/api/campaigns?page=2"));
    expect(unknownParameter.status).toBe(400);
    expect((await unknownParameter.json()).error.message).toMatch(/page/);
  });

  it("gives totals by channel and addressee, cacheable for 5 seconds", async () => {
    const response = await getTotals(request(`/api/campaigns/${slug}/totals`), params(slug));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=5");
    const totals = publicCampaignTotalsSchema.parse(await response.json());
    expect(totals.signatures).toBe(2);
    expect(totals.letters).toBe(3);
    expect(totals.lettersByChannel).toMatchObject({ x_post: 2, pdf_print: 1, platform_email: 0 });
    expect(totals.lettersByAddressee.find((a) => a.key === "ru-president")?.letters).toBe(2);
    // One signature each from Germany and France: too few to show by country.
    expect(totals.signaturesByCountry).toEqual({});
    expect(Date.parse(totals.signaturesByCountryAsOf) % 600_000).toBe(0);
    expect(Date.now() - Date.parse(totals.computedAt)).toBeLessThan(60_000);
  });
});
