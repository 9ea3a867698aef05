// A letter waiting for its addressee's daily digest keeps its text past the
// retention period while the digest has not gone; once it has, the period
// runs from the digest's sending (moved clock). Without SMTP_URL the digest
// goes to the local outbox, as every email does.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { sendDailyDigests } from "@/lib/digests/send-daily-digests";
import { purgePersonalData } from "@/lib/privacy/purge-personal-data";
import { resetDatabase } from "../helpers/db";
import { confirmedPlatformSignature } from "../helpers/delivery";
import { seedLaunchCampaign } from "../helpers/factories";

const day = 86_400_000;

describe("a letter in a daily digest and the retention period", () => {
  beforeAll(async () => {
    delete process.env.SMTP_URL;
    process.env.PERSONAL_DATA_RETENTION_DAYS = "30";
    await resetDatabase();
  });

  it("keeps the text until the digest has gone, then for the retention period", async () => {
    const campaign = await seedLaunchCampaign();
    const addressee = campaign.addressees.find((a) => a.addressee.emails.includes("ministry@mid.ru"))!.addressee;
    await db().addressee.update({
      where: { id: addressee.id },
      data: { deliveryMode: "daily_digest", timeZone: "UTC", officeHours: "0-24", officeDays: [] },
    });
    const signatureId = await confirmedPlatformSignature(campaign, { addressees: [addressee.id] });
    const texts = () => db().platformLetter.count({ where: { letter: { signatureId } } });
    const now = Date.now();

    // The digest has not gone (its addressee paused): 31 days on, the text is still there.
    await db().addressee.update({ where: { id: addressee.id }, data: { status: "paused" } });
    expect((await sendDailyDigests(new Date(now + day))).sent).toBe(0);
    expect(await purgePersonalData(new Date(now + 31 * day))).toBe(0);
    expect(await texts()).toBe(1);

    // Unpaused, the digest goes on day 40; the text stays 30 days from then.
    await db().addressee.update({ where: { id: addressee.id }, data: { status: "active" } });
    expect((await sendDailyDigests(new Date(now + 40 * day))).sent).toBe(1);
    expect(await db().localMail.count()).toBeGreaterThan(0);
    expect(await purgePersonalData(new Date(now + 69 * day))).toBe(0);
    expect(await texts()).toBe(1);
    expect(await purgePersonalData(new Date(now + 71 * day))).toBe(1);
    expect(await texts()).toBe(0);
    // The letter still counts as sent.
    expect(await db().letter.count({ where: { signatureId, status: "sent" } })).toBe(1);
  });
});
