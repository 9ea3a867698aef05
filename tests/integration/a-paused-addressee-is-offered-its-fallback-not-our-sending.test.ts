// An addressee whose email is paused (by an admin, or an address paused
// after bounces) is still offered to supporters, with its fallback; our
// server refuses to send to it, saying why.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { allClients } from "@/lib/core/vocabulary";
import { getLetterBuilder } from "@/lib/letters/get-letter-builder";
import { handleLetterForm } from "@/lib/signatures/handle-letter-form";
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

describe("a paused addressee", () => {
  let campaign: Awaited<ReturnType<typeof seedLaunchCampaign>>;
  let byAdmin: string;
  let byBounces: string;
  let version = 0;
  const send = (fields: Record<string, unknown>) =>
    handleLetterForm({
      slug,
      intent: "send",
      form: formOf(fields),
      client: allClients,
      previous: { values: {}, version: version++ },
      locale: "en",
    });

  beforeAll(async () => {
    await resetDatabase();
    campaign = await seedLaunchCampaign();
    const withEmail = campaign.addressees.filter((a) => a.addressee.emails.length > 0).map((a) => a.addressee);
    byAdmin = withEmail[0]!.id;
    const bounced = withEmail.find((a) => a.emails.every((e) => !withEmail[0]!.emails.includes(e)))!;
    byBounces = bounced.id;
    await db().addressee.update({
      where: { id: byAdmin },
      data: { status: "paused", fallback: "web_form", webFormUrl: "https://example.gov.ru/form" },
    });
    await db().addressee.update({
      where: { id: byBounces },
      data: { fallback: "post", postalAddress: "Smolenskaya-Sennaya 32/34\n119200 Moscow" },
    });
    await db().mailAddressHealth.create({
      data: { address: bounced.emails[0]!.toLowerCase(), hardBounces: 3, pausedAt: new Date(), pauseReason: "550" },
    });
  });

  it("is listed in the builder, marked paused, with the fallback the admin set", async () => {
    const builder = (await getLetterBuilder(slug, "en"))!;
    const admin = builder.addressees.find((a) => a.id === byAdmin)!;
    const bounced = builder.addressees.find((a) => a.id === byBounces)!;
    expect(admin).toMatchObject({ paused: true, fallback: { kind: "web_form", url: "https://example.gov.ru/form" } });
    expect(bounced).toMatchObject({ paused: true, fallback: { kind: "post" } });
    expect(bounced.fallback.kind === "post" && bounced.fallback.postalAddress).toContain("119200 Moscow");
    expect(builder.addressees.filter((a) => a.paused)).toHaveLength(2);
  });

  it("is refused for platform email with a clear message, and taken for every other way of sending", async () => {
    for (const id of [byAdmin, byBounces]) {
      const refused = await send({
        ...submissionFor(campaign, {
          addressees: [id],
          channel: "platform_email",
          email: "someone@example.org",
          consentIdentity: true,
        }),
      });
      expect(refused.thankYou).toBeUndefined();
      expect(refused.fieldErrors?.channel).toEqual([
        "Our server cannot send to an office you chose: its email is paused. Choose another way to send, or untick it; the page shows the other ways to reach it.",
      ]);
    }
    expect(await db().letter.count({ where: { addresseeId: { in: [byAdmin, byBounces] } } })).toBe(0);

    const taken = await send({
      ...submissionFor(campaign, { addressees: [byAdmin, byBounces], channel: "pdf_print" }),
    });
    expect(taken.thankYou?.outcome).toBe("recorded");
  });
});
