import "server-only";
import { assertRole, type StaffIdentity } from "@/lib/auth/staff-identity";
import type { Problem } from "@/lib/core/errors";
import type { DeliveryStatus } from "@/lib/core/vocabulary";
import { addresseeQueues } from "@/lib/delivery/addressee-queues";
import { readLocalOutbox } from "@/lib/delivery/read-local-outbox";
import { problemTranslator } from "@/lib/i18n/messages";
import { recordAudit } from "./audit";
import {
  campaignDeliveryPaused,
  cancelMessage,
  deliveryQueue,
  findDeliveryMessage,
  inTransaction,
  messageHasLetterText,
  requeueMessage,
  setDeliveryPaused,
  supporterEmails,
} from "./data";

export async function listDeliveryMessages(
  actor: StaffIdentity,
  filter: { status?: DeliveryStatus; take?: number } = {},
) {
  assertRole(actor, "admin");
  return deliveryQueue(filter.status, Math.min(filter.take ?? 100, 500));
}

/** Per addressee: what waits, what went out in its day so far, when its queue should be empty. */
export async function listAddresseeQueues(actor: StaffIdentity, now = new Date()) {
  assertRole(actor, "admin");
  return addresseeQueues(now);
}

/**
 * why: the reason, an "adminFormErrors" message in the caller's language
 * (English unless told); problem: the same as a code, for the page's address.
 */
export type QueueChange =
  { outcome: "done" } | { outcome: "not_found" } | { outcome: "not_allowed_now"; why: string; problem: Problem };

const notNow = (locale: string, problem: Problem) => ({
  outcome: "not_allowed_now" as const,
  why: problemTranslator(locale, "adminFormErrors")(problem.code, problem.values),
  problem,
});

/** Sends a failed, deferred or cancelled message again, with a fresh count of attempts. */
export async function retryDeliveryMessage(actor: StaffIdentity, id: string, locale = "en"): Promise<QueueChange> {
  assertRole(actor, "admin");
  return inTransaction(async (tx) => {
    const message = await findDeliveryMessage(tx, id);
    if (!message) return { outcome: "not_found" as const };
    if (!["failed", "deferred", "cancelled"].includes(message.status))
      return notNow(locale, { code: "notAllowedStatus", values: { status: message.status } });
    if (!(await messageHasLetterText(tx, id))) return notNow(locale, { code: "letterTextDeleted" });
    await requeueMessage(tx, id);
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
export async function cancelDeliveryMessage(actor: StaffIdentity, id: string, locale = "en"): Promise<QueueChange> {
  assertRole(actor, "admin");
  return inTransaction(async (tx) => {
    const found = await findDeliveryMessage(tx, id);
    // The audit line keeps the status it had, as before.
    const message = found && { status: found.status };
    if (!message) return { outcome: "not_found" as const };
    if (!["queued", "deferred"].includes(message.status))
      return notNow(locale, { code: "notAllowedStatus", values: { status: message.status } });
    await cancelMessage(tx, id, actor.email);
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
  return inTransaction(async (tx) => {
    const campaign = await campaignDeliveryPaused(tx, campaignId);
    if (!campaign) return { outcome: "not_found" as const };
    await setDeliveryPaused(tx, campaignId, paused);
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
  return supporterEmails(100);
}

/**
 * The local outbox (no SMTP_URL: nothing leaves the machine), decrypted for
 * an admin trying the flow on a laptop: confirmation links work from here.
 */
export async function readLocalOutboxAsAdmin(actor: StaffIdentity, limit = 50) {
  assertRole(actor, "admin");
  return readLocalOutbox(limit);
}
