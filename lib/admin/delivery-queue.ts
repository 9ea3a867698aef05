import "server-only";
import { assertRole, type StaffIdentity } from "@/lib/auth/staff-identity";
import { db } from "@/lib/core/db";
import type { DeliveryStatus } from "@/lib/core/vocabulary";
import { addJob } from "@/lib/delivery/job-queue";
import { readLocalOutbox } from "@/lib/delivery/read-local-outbox";
import { recordAudit } from "./audit";

export async function listDeliveryMessages(
  actor: StaffIdentity,
  filter: { status?: DeliveryStatus; take?: number } = {},
) {
  assertRole(actor, "admin");
  const [messages, counts, campaigns] = await Promise.all([
    db().deliveryMessage.findMany({
      where: filter.status ? { status: filter.status } : {},
      orderBy: [{ updatedAt: "desc" }],
      take: Math.min(filter.take ?? 100, 500),
      select: {
        id: true,
        toName: true,
        toAddress: true,
        status: true,
        attempts: true,
        lastError: true,
        nextAttemptAt: true,
        sentAt: true,
        createdAt: true,
        campaignId: true,
      },
    }),
    db().deliveryMessage.groupBy({ by: ["status"], _count: { _all: true } }),
    db().campaign.findMany({ select: { id: true, slug: true, deliveryPaused: true }, orderBy: { createdAt: "asc" } }),
  ]);
  return { messages, counts: counts.map((c) => ({ status: c.status, count: c._count._all })), campaigns };
}

export type QueueChange = { outcome: "done" } | { outcome: "not_found" } | { outcome: "not_allowed_now"; why: string };

/** Sends a failed, deferred or cancelled message again, with a fresh count of attempts. */
export async function retryDeliveryMessage(actor: StaffIdentity, id: string): Promise<QueueChange> {
  assertRole(actor, "admin");
  return db().$transaction(async (tx) => {
    const message = await tx.deliveryMessage.findUnique({
      where: { id },
      select: { status: true, attempts: true, lastError: true },
    });
    if (!message) return { outcome: "not_found" as const };
    if (!["failed", "deferred", "cancelled"].includes(message.status))
      return { outcome: "not_allowed_now" as const, why: `It is ${message.status}.` };
    const letter = await tx.letter.findFirst({
      where: { deliveryMessageId: id },
      select: { content: { select: { letterId: true } } },
    });
    if (!letter?.content)
      return {
        outcome: "not_allowed_now" as const,
        why: "The letter's text was deleted (purge or the supporter's request).",
      };
    await tx.deliveryMessage.update({
      where: { id },
      data: { status: "queued", attempts: 0, lastError: null, nextAttemptAt: new Date(), sendingSince: null },
    });
    await tx.letter.updateMany({ where: { deliveryMessageId: id }, data: { status: "queued" } });
    await addJob(tx, "deliver-message", { messageId: id }, { jobKey: `deliver:${id}` });
    await recordAudit(
      actor,
      {
        action: "delivery.retry",
        entity: "delivery_message",
        entityId: id,
        before: message,
        after: { status: "queued", attempts: 0 },
      },
      tx,
    );
    return { outcome: "done" as const };
  });
}

/** Stops a message that has not gone yet. */
export async function cancelDeliveryMessage(actor: StaffIdentity, id: string): Promise<QueueChange> {
  assertRole(actor, "admin");
  return db().$transaction(async (tx) => {
    const message = await tx.deliveryMessage.findUnique({ where: { id }, select: { status: true } });
    if (!message) return { outcome: "not_found" as const };
    if (!["queued", "deferred"].includes(message.status))
      return { outcome: "not_allowed_now" as const, why: `It is ${message.status}.` };
    await tx.deliveryMessage.update({
      where: { id },
      data: { status: "cancelled", lastError: `Cancelled by ${actor.email}.` },
    });
    await tx.letter.updateMany({ where: { deliveryMessageId: id }, data: { status: "cancelled" } });
    await recordAudit(
      actor,
      {
        action: "delivery.cancel",
        entity: "delivery_message",
        entityId: id,
        before: message,
        after: { status: "cancelled" },
      },
      tx,
    );
    return { outcome: "done" as const };
  });
}

/** Holds (or releases) every platform email of a campaign; held letters wait, queued. */
export async function setCampaignDeliveryPaused(
  actor: StaffIdentity,
  campaignId: string,
  paused: boolean,
): Promise<QueueChange> {
  assertRole(actor, "admin");
  return db().$transaction(async (tx) => {
    const campaign = await tx.campaign.findUnique({ where: { id: campaignId }, select: { deliveryPaused: true } });
    if (!campaign) return { outcome: "not_found" as const };
    await tx.campaign.update({ where: { id: campaignId }, data: { deliveryPaused: paused } });
    await recordAudit(
      actor,
      {
        action: paused ? "delivery.pause" : "delivery.resume",
        entity: "campaign",
        entityId: campaignId,
        before: campaign,
        after: { deliveryPaused: paused },
      },
      tx,
    );
    return { outcome: "done" as const };
  });
}

/** Emails to supporters: kind and status only (their addresses stay encrypted). */
export async function listSupporterEmails(actor: StaffIdentity) {
  assertRole(actor, "admin");
  return db().outboxMessage.findMany({
    orderBy: { createdAt: "desc" },
    take: 100,
    select: {
      id: true,
      kind: true,
      language: true,
      status: true,
      attempts: true,
      lastError: true,
      createdAt: true,
      sentAt: true,
    },
  });
}

/**
 * The local outbox (no SMTP_URL: nothing leaves the machine), decrypted for
 * an admin trying the flow on a laptop: confirmation links work from here.
 */
export async function readLocalOutboxAsAdmin(actor: StaffIdentity, limit = 50) {
  assertRole(actor, "admin");
  return readLocalOutbox(limit);
}
