// "Send me what the addressee would get": through the real mail server, to
// the admin only, marked as a test, and nowhere in the totals.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendTestLetter } from "@/lib/admin/test-send";
import type { StaffIdentity } from "@/lib/auth/staff-identity";
import { launchCampaign } from "@/lib/campaigns/launch-campaign";
import { db } from "@/lib/core/db";
import { closeMailer } from "@/lib/delivery/mailer";
import { getCampaignTotals } from "@/lib/tallies/get-campaign-totals";
import { resetDatabase } from "../helpers/db";
import { useAsMailServer } from "../helpers/delivery";
import { seedLaunchCampaign, staffMember } from "../helpers/factories";
import { SmtpSink } from "../helpers/smtp-sink";

const sink = new SmtpSink();
const slug = "russia-amnesty-undesirable";

describe("a test send", () => {
  let campaign: Awaited<ReturnType<typeof seedLaunchCampaign>>;
  let admin: StaffIdentity;
  beforeAll(async () => {
    await useAsMailServer(sink);
    await resetDatabase();
    campaign = await seedLaunchCampaign();
    admin = await staffMember("admin");
  });
  afterAll(async () => {
    closeMailer();
    await sink.stop();
  });

  const lavrov = () => campaign.addressees.find((a) => a.addressee.emails.includes("ministry@mid.ru"))!.addressee;
  const rows = async () => ({
    signatures: await db().signature.count(),
    letters: await db().letter.count(),
    messages: await db().deliveryMessage.count(),
    outbox: await db().outboxMessage.count(),
    pending: await db().pendingTally.count(),
  });

  it("arrives at the admin's own address, marked as a test, as the addressee would read it", async () => {
    const before = { totals: await getCampaignTotals(slug), rows: await rows() };
    const result = await sendTestLetter(admin, {
      campaignId: campaign.id,
      addresseeId: lavrov().id,
      language: "ru",
      subject: "auto",
      opening: 2,
      closing: 0,
      subjectPrefix: "[ТЕСТ]",
      sampleName: "Алекс Пример",
    });
    expect(result).toMatchObject({ outcome: "sent", to: admin.email });

    expect(sink.received).toHaveLength(1);
    const mail = sink.received[0]!;
    expect(mail.envelopeTo).toEqual([admin.email]);
    expect(mail.parsed.headers.get("to")).toMatchObject({ value: [{ address: admin.email }] });
    expect(mail.raw).not.toContain("ministry@mid.ru");
    expect(mail.parsed.headers.get("x-campaign-test")).toBe("yes");
    expect(mail.parsed.subject).toBe(`[ТЕСТ] ${launchCampaign.templates.ru!.subject}`);
    // The Russian letter, the chosen opening and closing, signed by the sample supporter.
    const text = mail.parsed.text!;
    expect(text).toContain(launchCampaign.templates.ru!.openingVariants![2]!);
    expect(text).toContain(launchCampaign.templates.ru!.closingVariants![0]!);
    expect(text).toContain("Алекс Пример");
    expect(text.startsWith("Уважаем")).toBe(true);

    // Counted nowhere: no signature, letter, message or tally row; the totals as they were.
    expect(await rows()).toEqual(before.rows);
    const { computedAt: _before, ...totalsBefore } = before.totals!;
    const { computedAt: _after, ...totalsAfter } = (await getCampaignTotals(slug))!;
    expect(totalsAfter).toEqual(totalsBefore);
    const audit = await db().auditEntry.findFirst({ where: { action: "test_send", entityId: campaign.id } });
    expect(audit?.actorEmail).toBe(admin.email);
  });

  it("draws the same letter each time when no variant is chosen", async () => {
    sink.received.length = 0;
    const request = {
      campaignId: campaign.id,
      addresseeId: lavrov().id,
      language: "en",
      subject: "auto" as const,
      opening: "auto" as const,
      closing: "auto" as const,
      subjectPrefix: "[TEST]",
      sampleName: "Alex Example",
    };
    await sendTestLetter(admin, request);
    await sendTestLetter(admin, request);
    expect(sink.received).toHaveLength(2);
    expect(sink.received[0]!.parsed.text).toBe(sink.received[1]!.parsed.text);
    expect(sink.received[0]!.parsed.subject).toMatch(/^\[TEST\] /);
  });

  it("is for admins only", async () => {
    const staff = await staffMember("staff");
    await expect(
      sendTestLetter(staff, {
        campaignId: campaign.id,
        addresseeId: lavrov().id,
        language: "en",
        subject: "auto",
        opening: "auto",
        closing: "auto",
        subjectPrefix: "[TEST]",
        sampleName: "Alex Example",
      }),
    ).rejects.toThrow(/admins/);
  });
});
