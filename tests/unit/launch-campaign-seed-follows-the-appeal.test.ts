// The seed must carry the appeal's facts: four demands, seven addressees with
// exactly the contacts the appeal gives, in every interface language.
import { describe, expect, it } from "vitest";
import { launchCampaign } from "@/lib/campaigns/launch-campaign";

describe("the launch campaign seed", () => {
  it("has four demands, each in English, French, Spanish and Russian", () => {
    expect(launchCampaign.demands).toHaveLength(4);
    for (const demand of launchCampaign.demands) {
      expect(Object.keys(demand).sort()).toEqual(["en", "es", "fr", "ru"]);
    }
  });

  it("lists the seven addressees with the contacts given in the appeal", () => {
    const contacts = launchCampaign.addressees.map((a) => [a.name, a.emails, a.xHandle ?? null]);
    expect(contacts).toEqual([
      ["Vladimir Putin", [], "KremlinRussia_E"],
      ["Mikhail Mishustin", [], "GovernmentRF"],
      ["Sergey Lavrov", ["ministry@mid.ru"], null],
      ["Igor Krasnov", ["pressa@genproc.gov.ru"], null],
      ["Alexander Bortnikov", ["fsb@fsb.ru"], null],
      [
        "Permanent Mission of the Russian Federation to the United Nations Office at Geneva",
        ["mission.russian@vtxnet.ch"],
        null,
      ],
      ["Embassy of the Russian Federation in Brussels, Belgium", ["mission.russian@vtxnet.ch"], null],
    ]);
  });

  it("invents no postal address and dates every addressee's check", () => {
    for (const addressee of launchCampaign.addressees) {
      expect(addressee.postalAddress).toBeUndefined();
      expect(addressee.lastVerifiedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it("has every text, template and addressee salutation in every interface language, with the placeholders", () => {
    expect(Object.keys(launchCampaign.translations).sort()).toEqual(["en", "es", "fr", "ru"]);
    expect(Object.keys(launchCampaign.templates).sort()).toEqual(["en", "es", "fr", "ru"]);
    for (const addressee of launchCampaign.addressees)
      expect(Object.keys(addressee.translations ?? {}).sort()).toEqual(["es", "fr", "ru"]);
    for (const template of Object.values(launchCampaign.templates)) {
      expect(template.body).toContain("{{demands}}");
      expect(template.body).toContain("{{signer}}");
    }
  });
});
