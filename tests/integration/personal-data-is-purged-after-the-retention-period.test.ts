// With the clock moved forward: personal data goes PERSONAL_DATA_RETENTION_DAYS
// after delivery, or after the campaign closes, and every count survives.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { deliverMessage } from "@/lib/delivery/deliver-message";
import { recordSignature } from "@/lib/signatures/record-signature";
import { getCampaignTotals } from "@/lib/tallies/get-campaign-totals";
import { purgePersonalData } from "@/lib/privacy/purge-personal-data";
import { resetDatabase } from "../helpers/db";
import { confirmedPlatformSignature, messageIdsOf } from "../helpers/delivery";
import { seedLaunchCampaign } from "../helpers/factories";
import { submissionFor } from "../helpers/submissions";

const day = 86_400_000;
const personalRows = async (signatureId: string) => ({
  contact: await db().supporterContact.count({ where: { signatureId } }),
  texts: await db().platformLetter.count({ where: { letter: { signatureId } } }),
  emails: await db().outboxMessage.count({ where: { signatureId } }),
  hash: (await db().signature.findUniqueOrThrow({ where: { id: signatureId } })).emailHash !== null,
});

describe("the purge of personal data", () => {
  let campaign: Awaited<ReturnType<typeof seedLaunchCampaign>>;
  beforeAll(async () => {
    delete process.env.SMTP_URL;
    process.env.PERSONAL_DATA_RETENTION_DAYS = "30";
    process.env.DELIVERY_PER_DOMAIN_PER_MINUTE = "10000";
    await resetDatabase();
    campaign = await seedLaunchCampaign();
  });

  it("keeps data for 30 days after the letters were delivered, then erases it and keeps the counts", async () => {
    const delivered = await confirmedPlatformSignature(campaign, { name: "Ana Ruiz", email: "ana.ruiz@example.org" });
    for (const id of await messageIdsOf(delivered)) expect(await deliverMessage(id)).toBe("sent");
    const exported = await recordSignature(
      campaign.slug,
      submissionFor(campaign, {
        identity: "full",
        name: "Kai Weber",
        city: "Köln",
        consentIdentity: true,
        consentContact: true,
        email: "kai@example.org",
      }),
    );
    if (exported.outcome !== "recorded") throw new Error(exported.outcome);
    const before = await getCampaignTotals(campaign.slug);

    expect(await purgePersonalData(new Date(Date.now() + 29 * day))).toBe(0);
    expect(await personalRows(delivered)).toEqual({ contact: 1, texts: 5, emails: 3, hash: true });

    expect(await purgePersonalData(new Date(Date.now() + 31 * day))).toBe(2);
    expect(await personalRows(delivered)).toEqual({ contact: 0, texts: 0, emails: 0, hash: false });
    expect(await personalRows(exported.signatureId)).toEqual({ contact: 0, texts: 0, emails: 0, hash: false });
    const after = await getCampaignTotals(campaign.slug);
    expect(after?.signatures).toBe(before?.signatures);
    expect(after?.lettersByChannel).toEqual(before?.lettersByChannel);
    expect(after?.signaturesByCountry).toEqual(before?.signaturesByCountry);
  });

  it("keeps undelivered letters while the campaign runs, and erases them 30 days after it closes", async () => {
    const waiting = await confirmedPlatformSignature(campaign, { email: "waiting@example.org" });
    await db().campaign.update({ where: { id: campaign.id }, data: { deliveryPaused: true } });
    expect(await purgePersonalData(new Date(Date.now() + 90 * day))).toBe(0);
    expect((await personalRows(waiting)).texts).toBe(5);

    await db().campaign.update({ where: { id: campaign.id }, data: { status: "closed", closedAt: new Date() } });
    expect(await purgePersonalData(new Date(Date.now() + 29 * day))).toBe(0);
    expect(await purgePersonalData(new Date(Date.now() + 31 * day))).toBe(1);
    expect(await personalRows(waiting)).toEqual({ contact: 0, texts: 0, emails: 0, hash: false });
    const messages = await db().deliveryMessage.findMany({ where: { signatureId: waiting } });
    expect(messages.every((m) => m.status === "cancelled")).toBe(true);
    expect(await db().signature.count({ where: { id: waiting } })).toBe(1);
  });
});
