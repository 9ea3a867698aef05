// The delivery queue as admins run it: retry a dead letter, cancel a queued
// one, pause a campaign, read the local outbox; every change in the audit log.
import { beforeAll, describe, expect, it } from "vitest";
import {
  cancelDeliveryMessage,
  listDeliveryMessages,
  readLocalOutboxAsAdmin,
  retryDeliveryMessage,
  setCampaignDeliveryPaused,
} from "@/lib/admin/delivery-queue";
import { db } from "@/lib/core/db";
import { deliverMessage } from "@/lib/delivery/deliver-message";
import { sendSupporterEmail } from "@/lib/delivery/send-supporter-email";
import { resetDatabase } from "../helpers/db";
import { confirmedPlatformSignature, messageIdsOf } from "../helpers/delivery";
import { seedLaunchCampaign, staffMember } from "../helpers/factories";

describe("the delivery queue in admin hands", () => {
  let campaign: Awaited<ReturnType<typeof seedLaunchCampaign>>;
  beforeAll(async () => {
    delete process.env.SMTP_URL; // the local outbox
    process.env.DELIVERY_PER_DOMAIN_PER_MINUTE = "10000";
    await resetDatabase();
    campaign = await seedLaunchCampaign();
  });

  it("retries a dead letter with fresh attempts and cancels a queued one", async () => {
    const admin = await staffMember("admin");
    const [dead, waiting] = await messageIdsOf(await confirmedPlatformSignature(campaign));
    await db().deliveryMessage.update({
      where: { id: dead },
      data: { status: "failed", attempts: 8, lastError: "550 No such user" },
    });

    expect(await retryDeliveryMessage(admin, dead!)).toEqual({ outcome: "done" });
    expect(await db().deliveryMessage.findUniqueOrThrow({ where: { id: dead } })).toMatchObject({
      status: "queued",
      attempts: 0,
      lastError: null,
    });
    expect(await deliverMessage(dead!)).toBe("sent");
    expect(await retryDeliveryMessage(admin, dead!)).toMatchObject({ outcome: "not_allowed_now", why: "It is sent." });

    expect(await cancelDeliveryMessage(admin, waiting!)).toEqual({ outcome: "done" });
    expect(await deliverMessage(waiting!)).toBe("already_done");
    const letters = await db().letter.findMany({ where: { deliveryMessageId: waiting } });
    expect(letters.every((l) => l.status === "cancelled")).toBe(true);

    const audit = await db().auditEntry.findMany({ where: { actorId: admin.id }, orderBy: { at: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["delivery.retry", "delivery.cancel"]);
    expect(audit[0]!.before).toMatchObject({ status: "failed", attempts: 8, lastError: "550 No such user" });

    // The page's counts by status (kept by the status triggers) equal the messages' own.
    const raw = await db().deliveryMessage.groupBy({ by: ["status"], _count: { _all: true } });
    const byStatus = (rows: { status: string; count: number }[]) =>
      Object.fromEntries(rows.sort((a, b) => a.status.localeCompare(b.status)).map((r) => [r.status, r.count]));
    expect(byStatus((await listDeliveryMessages(admin)).counts)).toEqual(
      byStatus(raw.map((r) => ({ status: r.status, count: r._count._all }))),
    );
    expect((await listDeliveryMessages(admin)).counts.find((c) => c.status === "cancelled")?.count).toBe(1);
  });

  it("pauses and resumes a campaign's sending", async () => {
    const admin = await staffMember("admin");
    expect(await setCampaignDeliveryPaused(admin, campaign.id, true)).toEqual({ outcome: "done" });
    const [id] = await messageIdsOf(await confirmedPlatformSignature(campaign));
    expect(await deliverMessage(id!)).toBe("rescheduled");
    const { campaigns } = await listDeliveryMessages(admin);
    expect(campaigns.find((c) => c.id === campaign.id)?.deliveryPaused).toBe(true);
    await setCampaignDeliveryPaused(admin, campaign.id, false);
    expect(await deliverMessage(id!)).toBe("sent");
  });

  it("shows the local outbox, confirmation links included, to admins and to no one else", async () => {
    const admin = await staffMember("admin");
    const staff = await staffMember("staff");
    const result = await confirmedPlatformSignature(campaign, { email: "reader@example.org" });
    const outbox = await db().outboxMessage.findFirstOrThrow({
      where: { signatureId: result, kind: "address_confirmation" },
    });
    await sendSupporterEmail(outbox.id);
    const mails = await readLocalOutboxAsAdmin(admin);
    const mine = mails.find((m) => m.toAddress === "reader@example.org")!;
    expect(mine.subject).toBe("Confirm your email address to send your letters");
    expect(mine.text).toMatch(/\/c\/russia-amnesty-undesirable\/confirm\?token=/);
    await expect(readLocalOutboxAsAdmin(staff)).rejects.toThrow("Only admins may do this.");
  });
});
