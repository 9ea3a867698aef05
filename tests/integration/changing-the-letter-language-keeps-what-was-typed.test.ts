// Issue 15: choosing another letter language reloaded the page and wiped
// country, name, identity and addressee choices. Now it is a submission of the
// same form (intent "language", with or without JavaScript): everything typed
// comes back, and the template text follows the new language unless the
// supporter changed it, which then stays as written.
import { beforeAll, describe, expect, it } from "vitest";
import { allClients } from "@/lib/core/vocabulary";
import { getLetterBuilder } from "@/lib/letters/get-letter-builder";
import { handleLetterForm } from "@/lib/signatures/handle-letter-form";
import { resetDatabase } from "../helpers/db";
import { seedLaunchCampaign } from "../helpers/factories";

type Campaign = Awaited<ReturnType<typeof seedLaunchCampaign>>;
let campaign: Campaign;

const changeTo = (language: string, fields: Record<string, string | string[]>) => {
  const form = new FormData();
  for (const [name, value] of Object.entries({ ...fields, language }))
    for (const item of [value].flat()) form.append(name, item);
  return handleLetterForm({
    slug: campaign.slug,
    intent: "language",
    form,
    client: allClients,
    previous: { values: {}, version: 3 },
    locale: "en",
  });
};

describe("changing the letter language", () => {
  beforeAll(async () => {
    await resetDatabase();
    campaign = await seedLaunchCampaign();
  });

  it("keeps every field and gives the template in the new language", async () => {
    const english = (await getLetterBuilder(campaign.slug, "en"))!;
    const russian = (await getLetterBuilder(campaign.slug, "ru"))!;
    const chosen = [campaign.addressees[1]!.addressee.id, campaign.addressees[3]!.addressee.id];
    const typed = {
      addressees: chosen,
      country: "DE",
      identity: "full",
      name: "Anna Müller",
      city: "Köln",
      channel: "pdf_print",
      email: "anna@example.org",
      consentCounted: "on",
      subject: english.template.subject,
      // As a browser posts a textarea: line breaks as CR LF.
      body: english.template.body.replace(/\n/g, "\r\n"),
    };
    const state = await changeTo("ru", typed);
    expect(state.version).toBe(4);
    expect(state.fieldErrors).toBeUndefined();
    expect(state.textKept).toBeUndefined();
    expect(state.values).toMatchObject({
      addressees: chosen,
      country: "DE",
      identity: "full",
      name: "Anna Müller",
      city: "Köln",
      channel: "pdf_print",
      email: "anna@example.org",
      consentCounted: true,
      language: "ru",
      subject: russian.template.subject,
      body: russian.template.body,
    });
  });

  it("keeps a text the supporter wrote, and says so", async () => {
    const state = await changeTo("fr", {
      addressees: [campaign.addressees[0]!.addressee.id],
      country: "FR",
      subject: "My own subject",
      body: "{{salutation}}\r\n\r\nMy own words.\r\n\r\n{{signer}}",
    });
    expect(state.textKept).toBe(true);
    expect(state.values).toMatchObject({
      language: "fr",
      country: "FR",
      subject: "My own subject",
      body: "{{salutation}}\r\n\r\nMy own words.\r\n\r\n{{signer}}",
    });
  });
});
