// "Delete my data" from the emailed link: everything personal goes, unsent
// letters are cancelled, and the campaign's counts stay as they were.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { deletionPath } from "@/lib/privacy/deletion-link";
import { deleteSupporterDataWithLink } from "@/lib/signatures/delete-supporter-data";
import { getCampaignTotals } from "@/lib/tallies/get-campaign-totals";
import { resetDatabase } from "../helpers/db";
import { confirmedPlatformSignature } from "../helpers/delivery";
import { seedLaunchCampaign } from "../helpers/factories";

const tokenOf = (path: string) => new URL(path, "http://localhost").searchParams.get("token")!;

describe("deleting a supporter's data", () => {
  beforeAll(async () => {
    delete process.env.SMTP_URL;
    await resetDatabase();
  });

  it("removes contact, letter texts and emails, cancels unsent letters, and keeps the counts", async () => {
    const campaign = await seedLaunchCampaign();
    const signatureId = await confirmedPlatformSignature(campaign, { name: "Ana Ruiz", email: "ana.ruiz@example.org" });
    const before = await getCampaignTotals("russia-amnesty-undesirable");

    const result = await deleteSupporterDataWithLink(tokenOf(deletionPath(signatureId, "en")));
    expect(result).toEqual({ outcome: "deleted", cancelledLetters: 5 });

    expect(await db().supporterContact.count({ where: { signatureId } })).toBe(0);
    expect(await db().platformLetter.count({ where: { letter: { signatureId } } })).toBe(0);
    expect(await db().outboxMessage.count({ where: { signatureId } })).toBe(0);
    expect((await db().signature.findUniqueOrThrow({ where: { id: signatureId } })).emailHash).toBeNull();
    const messages = await db().deliveryMessage.findMany({ where: { signatureId } });
    expect(messages.every((m) => m.status === "cancelled")).toBe(true);
    // Nothing of the supporter is left in any column of any row about them.
    const dump = JSON.stringify(
      await db().signature.findUniqueOrThrow({ where: { id: signatureId }, include: { letters: true, contact: true } }),
    );
    expect(dump).not.toContain("Ana Ruiz");
    expect(dump).not.toContain("ana.ruiz");

    const after = await getCampaignTotals("russia-amnesty-undesirable");
    expect(after?.signatures).toBe(before?.signatures);
    expect(after?.letters).toBe(before?.letters);

    expect(await deleteSupporterDataWithLink(tokenOf(deletionPath(signatureId, "en")))).toEqual({
      outcome: "nothing_left",
    });
  });

  it("refuses a forged or altered link", async () => {
    const campaign = await seedLaunchCampaign();
    const signatureId = await confirmedPlatformSignature(campaign);
    const token = tokenOf(deletionPath(signatureId, "en"));
    expect(await deleteSupporterDataWithLink(`${token}x`)).toEqual({ outcome: "invalid" });
    expect(await deleteSupporterDataWithLink(`delete.${signatureId}.AAAA`)).toEqual({ outcome: "invalid" });
    expect(await db().supporterContact.count({ where: { signatureId } })).toBe(1);
  });
});
