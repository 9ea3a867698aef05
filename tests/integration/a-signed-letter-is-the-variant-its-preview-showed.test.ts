// Letters vary (the template's openings and closings, drawn per letter by
// the seed the builder form carries): what the supporter previewed is what
// is stored and sent, and their own words come first.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { allClients } from "@/lib/core/vocabulary";
import { launchCampaign } from "@/lib/campaigns/launch-campaign";
import { getLetterBuilder } from "@/lib/letters/get-letter-builder";
import { decryptText } from "@/lib/privacy/encryption";
import { handleLetterForm, type LetterFormIntent } from "@/lib/signatures/handle-letter-form";
import { resetDatabase } from "../helpers/db";
import { seedLaunchCampaign } from "../helpers/factories";
import { submissionFor } from "../helpers/submissions";

const slug = "russia-amnesty-undesirable";

function formOf(fields: Record<string, unknown>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (Array.isArray(value)) for (const item of value) form.append(name, String(item));
    else if (value === true) form.append(name, "on");
    else if (value !== false && value !== undefined) form.append(name, String(value));
  }
  return form;
}

let version = 0;
const step = (intent: LetterFormIntent, fields: Record<string, unknown>) =>
  handleLetterForm({
    slug,
    intent,
    form: formOf(fields),
    client: allClients,
    previous: { values: {}, version: version++ },
    locale: "en",
  });

describe("a letter drawn from the template's variants", () => {
  let campaign: Awaited<ReturnType<typeof seedLaunchCampaign>>;
  let templateBody: string;
  beforeAll(async () => {
    await resetDatabase();
    campaign = await seedLaunchCampaign();
    // The template's text as the builder fills it in (demands numbered).
    templateBody = (await getLetterBuilder(slug, "en"))!.template.body;
  });

  it("is stored exactly as its preview showed it, the supporter's words first", async () => {
    const fields = {
      ...submissionFor(campaign, {
        channel: "platform_email",
        email: "seeded.supporter@example.org",
        consentIdentity: true,
        identity: "name_country",
        name: "Ines Varela",
        country: "PT",
      }),
      body: templateBody,
      seed: "preview-and-store-seed-0001",
      personal: "My aunt worked with Amnesty in Lisbon for thirty years.",
    };
    const preview = await step("preview", fields);
    expect(preview.fieldErrors).toBeUndefined();
    expect(preview.preview!.length).toBeGreaterThan(1);
    const openings = launchCampaign.templates.en!.openingVariants!;
    const closings = launchCampaign.templates.en!.closingVariants!;
    for (const letter of preview.preview!) {
      const paragraphs = letter.text.split("\n\n");
      expect(paragraphs[1]).toBe("My aunt worked with Amnesty in Lisbon for thirty years.");
      expect(openings).toContain(paragraphs[2]);
      expect(closings.some((c) => letter.text.includes(c))).toBe(true);
    }

    const signed = await step("send", fields);
    expect(signed.thankYou?.outcome).toBe("recorded");
    // The exports (PDF, .eml) post back the same seed and words.
    expect(signed.thankYou!.content).toMatchObject({ seed: fields.seed, personal: fields.personal });

    const stored = await db().letter.findMany({
      where: { channel: "platform_email", signature: { campaign: { slug } } },
      include: { content: true },
    });
    const withEmail = preview.preview!.filter((p) =>
      campaign.addressees.some((a) => a.addressee.id === p.addresseeId && a.addressee.emails.length > 0),
    );
    expect(stored).toHaveLength(withEmail.length);
    for (const row of stored) {
      const shown = preview.preview!.find((p) => p.addresseeId === row.addresseeId)!;
      const at = (column: "subjectEncrypted" | "bodyEncrypted") =>
        decryptText(row.content![column], { table: "PlatformLetter", column, row: row.id });
      expect(at("bodyEncrypted")).toBe(shown.text);
      expect(at("subjectEncrypted")).toBe(shown.subject);
    }
  });

  it("reads differently for another seed, and the same for the same seed", async () => {
    const base = { ...submissionFor(campaign), body: templateBody };
    const texts = async (seed: string) =>
      ((await step("preview", { ...base, seed })).preview ?? []).map((l) => l.text).join("\n---\n");
    const first = await texts("another-seed-00000000001");
    expect(await texts("another-seed-00000000001")).toBe(first);
    const others = await Promise.all(Array.from({ length: 6 }, (_, i) => texts(`another-seed-0000000001${i}`)));
    expect(others.some((t) => t !== first)).toBe(true);
  });

  it("refuses a seed the form would never make", async () => {
    const state = await step("preview", { ...submissionFor(campaign), seed: "short" });
    expect(state.fieldErrors?.seed).toBeDefined();
  });
});
