// A Russian letter's address block carries the organisation in Russian when
// the addressee has it (AddresseeTranslation.organisation), and the
// organisation as entered when it has none.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { composeLetter } from "@/lib/letters/compose-letters";
import { getLetterBuilder } from "@/lib/letters/get-letter-builder";
import { resetDatabase } from "../helpers/db";
import { campaignSeed } from "../helpers/factories";
import { seedCampaign } from "@/lib/campaigns/seed-campaign";

const seed = campaignSeed({
  slug: "organisation-lines",
  languages: ["en", "ru"],
  translations: {
    en: { title: "T", summary: "S.", context: "C.", whyItMatters: "W.", safetyNotice: "N." },
    ru: { title: "Т", summary: "С.", context: "К.", whyItMatters: "П.", safetyNotice: "Б." },
  },
  demands: [{ en: "Demand.", ru: "Требование." }],
  templates: {
    en: { subject: "Subject", body: "{{salutation}}\n\n{{demands}}\n\n{{signer}}" },
    ru: { subject: "Тема", body: "{{salutation}}\n\n{{demands}}\n\n{{signer}}" },
  },
  addressees: [
    {
      key: "president",
      name: "Vladimir Putin",
      role: "President of the Russian Federation",
      organisation: "Office of the President of the Russian Federation",
      kind: "official",
      emails: ["president@example.org"],
      lastVerifiedOn: "2026-01-01",
      translations: { ru: { name: "Владимир Путин", role: "Президент Российской Федерации" } },
    },
    {
      key: "ministry",
      name: "Sergey Lavrov",
      role: "Minister of Foreign Affairs",
      organisation: "Ministry of Foreign Affairs",
      kind: "official",
      emails: ["ministry@example.org"],
      lastVerifiedOn: "2026-01-01",
      translations: { ru: { name: "Сергей Лавров", role: "Министр иностранных дел" } },
    },
  ],
});

describe("the organisation line of a letter", () => {
  beforeAll(async () => {
    await resetDatabase();
    await seedCampaign(seed);
    // As the admin editor saves it (the seed may not carry the field).
    const president = await db().addressee.findFirstOrThrow({ where: { name: "Vladimir Putin" } });
    await db().addresseeTranslation.update({
      where: { addresseeId_language: { addresseeId: president.id, language: "ru" } },
      data: { organisation: "Администрация Президента Российской Федерации" },
    });
  });

  it("is in the letter's language where a translation gives it, else as entered", async () => {
    const builder = await getLetterBuilder("organisation-lines", "ru");
    const draft = {
      subject: "Тема",
      body: "{{salutation}}\n\nТекст.\n\n{{signer}}",
      language: "ru",
      identity: "anonymous" as const,
      country: "DE",
    };
    const [president, ministry] = builder!.addressees.map((a) =>
      composeLetter(a, draft, new Date("2025-06-01T00:00:00Z")),
    );
    expect(president!.addressBlock).toEqual([
      "Владимир Путин",
      "Президент Российской Федерации",
      "Администрация Президента Российской Федерации",
    ]);
    expect(ministry!.addressBlock).toContain("Ministry of Foreign Affairs");
    const english = await getLetterBuilder("organisation-lines", "en");
    expect(english!.addressees[0]!.organisation).toBe("Office of the President of the Russian Federation");
  });
});
