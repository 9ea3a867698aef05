// The letter form's server-side step (lib/signatures/handle-letter-form.ts):
// it signs through the same use case as the API and words the result in the
// supporter's language, English byte for byte as it always was.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { allClients } from "@/lib/core/vocabulary";
import { queueConfirmationReminders } from "@/lib/follow-ups/remind-unconfirmed";
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

describe("the letter form", () => {
  let campaign: Awaited<ReturnType<typeof seedLaunchCampaign>>;
  let client = 0;
  const step = (intent: LetterFormIntent, fields: Record<string, unknown>, locale = "en", campaignSlug = slug) =>
    handleLetterForm({
      slug: campaignSlug,
      intent,
      form: formOf(fields),
      client: allClients,
      previous: { values: {}, version: client++ },
      locale,
    });
  beforeAll(async () => {
    await resetDatabase();
    campaign = await seedLaunchCampaign();
  });

  it("names each field to fix, in English and in the supporter's language", async () => {
    const fields = { ...submissionFor(campaign), country: "XX", channel: "platform_email" };
    const en = await step("send", fields);
    expect(en.message).toBe("Some fields need your attention.");
    expect(en.fieldErrors).toEqual({
      country: ["Choose your country, or “I prefer not to say”."],
      email: ["Give your email address: we send the letters only after you confirm it."],
      consentIdentity: ["Confirm that the letters may carry the identity you chose, or pick another way to send them."],
    });
    const fr = await step("send", fields, "fr");
    expect(fr.message).toBe("Certains champs demandent votre attention.");
    expect(fr.fieldErrors?.country).toEqual(["Choisissez votre pays, ou « Je préfère ne pas le dire »."]);
    const preview = await step("preview", { ...fields, subject: "" });
    expect(preview.message).toBe("Some fields need your attention before the preview.");
    expect(preview.fieldErrors?.subject).toEqual(["Write a subject."]);
  });

  it("signs and answers with the thank-you view", async () => {
    const state = await step("send", submissionFor(campaign, { channel: "own_email_client" }));
    expect(state.message).toBeUndefined();
    expect(state.thankYou).toMatchObject({ outcome: "recorded", channel: "own_email_client" });
    expect(state.thankYou!.signatures).toBeGreaterThan(0);
    expect(state.thankYou!.outputs.addressees.length).toBe(campaign.addressees.length);
  });

  it("writes to the supporter in the page's language, whatever language the letter is in", async () => {
    const signedAt = new Date();
    const state = await step(
      "send",
      submissionFor(campaign, {
        language: "ru",
        channel: "platform_email",
        email: "lena@example.org",
        identity: "name_country",
        name: "Лена",
        consentIdentity: true,
      }),
      "fr",
    );
    expect(state.thankYou).toMatchObject({ outcome: "recorded", confirmationQueued: true });
    const signature = await db().signature.findFirstOrThrow({
      where: { language: "ru" },
      orderBy: { createdAt: "desc" },
    });
    const emails = () =>
      db().outboxMessage.findMany({ where: { signatureId: signature.id }, orderBy: { createdAt: "asc" } });
    expect((await emails()).map((e) => [e.kind, e.language])).toEqual([["address_confirmation", "fr"]]);
    // Its one reminder speaks French too (reminders follow a confirmation email that went out, as the worker marks it).
    await db().outboxMessage.updateMany({
      where: { signatureId: signature.id },
      data: { status: "sent", sentAt: signedAt },
    });
    expect(await queueConfirmationReminders(new Date(signedAt.getTime() + 55 * 3_600_000))).toBe(1);
    expect((await emails()).map((e) => [e.kind, e.language])).toEqual([
      ["address_confirmation", "fr"],
      ["confirmation_reminder", "fr"],
    ]);
  });

  it("says when the campaign is gone", async () => {
    const state = await step("send", submissionFor(campaign), "es", "no-such-campaign");
    expect(state.message).toBe("Esta campaña ya no está disponible.");
  });
});
