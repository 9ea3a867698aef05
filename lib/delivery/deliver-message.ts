import "server-only";
import { env } from "@/lib/core/env";
import { decryptText } from "@/lib/privacy/encryption";
import {
  claimMessageById,
  markFailed,
  markRescheduled,
  markSent,
  messageStatus,
  openMessagesTo,
  pacedReason,
  withPaceState,
  type ClaimedMessage,
} from "./data";
import { letterMail, textForSharedAddress } from "./letter-mail";
import { sendMail, type SendOutcome } from "./mailer";
import {
  backoff,
  domainAllowance,
  nextOfficeTime,
  outsideSendingHours,
  scheduleSlots,
  spacing,
  type Office,
} from "./pacing";
import { queueDeliverySummaryIfDone } from "./supporter-follow-ups";

// A stored reason is part of an index (campaignId, status, lastError) whose
// entries PostgreSQL caps at 2,704 bytes: 600 characters fit even in 4-byte UTF-8.
const maxReason = 600;

export type DeliveryResult = "sent" | "already_done" | "rescheduled" | "deferred" | "failed" | "busy";

/** A held message going back to wait (markRescheduled's row). */
export type Reschedule = Parameters<typeof markRescheduled>[0][number];
/** A held message ending unsent (markFailed's row). */
export type Failure = Parameters<typeof markFailed>[0][number];

/** Pacing counters updated at once. */
const pacedAtOnce = 3;

/** Where a claimed message goes next, before any SMTP. */
export type Sorted = { toSend: ClaimedMessage[]; waiting: Reschedule[]; unsendable: Failure[] };

/** Back to wait until `runAt` without spending the attempt the claim counted. */
export function release(
  message: ClaimedMessage,
  runAt: Date,
  reason: string | null = null,
  status: "queued" | "deferred" = "queued",
): Reschedule {
  return { id: message.id, claimedAt: message.claimedAt, runAt, status, reason, attemptTaken: false };
}

/** The office a claimed message's addressee keeps. */
const officeOf = (message: ClaimedMessage): Office => ({
  timeZone: message.pacing.timeZone,
  hours: message.pacing.officeHours,
  days: message.pacing.officeDays,
});

/** Open messages per address, counted at most once a minute (only for campaigns with a closing date). */
const backlogs = new Map<string, { n: number; at: number }>();
const backlogFor = 60_000;

async function backlogOf(campaignId: string, addresses: string[], now: Date): Promise<Map<string, number>> {
  const key = (address: string) => `${campaignId} ${address}`;
  const stale = addresses.filter(
    (a) => !(Math.abs(now.getTime() - (backlogs.get(key(a))?.at ?? -Infinity)) < backlogFor),
  );
  if (stale.length > 0) {
    const counted = await openMessagesTo(campaignId, stale);
    for (const a of stale) backlogs.set(key(a), { n: counted.get(a) ?? 0, at: now.getTime() });
  }
  return new Map(addresses.map((a) => [a, backlogs.get(key(a))!.n]));
}

/**
 * Pacing per addressee: a message given a slot before goes when claimed
 * inside its office hours; the others get slots, one update of the shared
 * state for the whole batch: per address (a shared address counts once)
 * spaced by its hourly cap, or wider to spread a backlog evenly until the
 * campaign closes; inside the addressee's office hours in its zone; and
 * within the campaign's hourly cap. A slot that has come goes now; the rest
 * wait, queued, for their slot.
 */
async function paceByAddressee(messages: ClaimedMessage[], now: Date): Promise<Sorted> {
  const sorted: Sorted = { toSend: [], waiting: [], unsendable: [] };
  const toSlot = new Map<string, ClaimedMessage[]>();
  for (const message of messages) {
    if (message.pacing.hasSlot && nextOfficeTime(now, officeOf(message))?.getTime() === now.getTime()) {
      sorted.toSend.push(message);
      continue;
    }
    const address = message.toAddress.toLowerCase();
    const group = toSlot.get(address) ?? [];
    group.push(message);
    toSlot.set(address, group);
  }
  if (toSlot.size === 0) return sorted;
  const groups = [...toSlot];
  const campaignIds = [...new Set(groups.map(([, group]) => group[0]!.pacing.campaignId))];
  // Only a campaign with a closing date spreads a backlog; the others go at the cap.
  const backlog = new Map<string, number>();
  for (const campaignId of campaignIds) {
    const closing = groups.filter(([, group]) => {
      const { campaignId: id, campaignClosesAt } = group[0]!.pacing;
      return id === campaignId && campaignClosesAt && campaignClosesAt > now;
    });
    if (closing.length === 0) continue;
    for (const [address, n] of await backlogOf(
      campaignId,
      closing.map(([address]) => address),
      now,
    ))
      backlog.set(address, n);
  }
  const slots = await withPaceState(
    groups.map(([address]) => address),
    campaignIds,
    now,
    (state) =>
      groups.map(([address, group]) => {
        const { pacing } = group[0]!;
        const office = officeOf(group[0]!);
        const planned = scheduleSlots({
          now,
          count: group.length,
          office,
          spacingMs: spacing(now, pacing.hourlyCap, office, backlog.get(address) ?? 0, pacing.campaignClosesAt),
          nextFree: state.nextFree.get(address) ?? 0,
          campaignCap: pacing.campaignHourlyCap,
          campaignUsed: state.campaignUsed.get(pacing.campaignId)!,
        });
        state.nextFree.set(address, planned.nextFree);
        return planned.slots;
      }),
  );
  groups.forEach(([, group], g) =>
    group.forEach((message, i) => {
      const slot = slots[g]![i]!;
      if (slot.getTime() <= now.getTime()) sorted.toSend.push(message);
      else sorted.waiting.push(release(message, slot, pacedReason));
    }),
  );
  return sorted;
}

/**
 * Which claimed messages go now. In the order delivery always checked:
 * a letter's text gone (purged or deleted) ends the message; a paused
 * campaign or addressee holds it ten minutes, as does an address paused
 * for its bounces (MailAddressHealth); an addressee that takes a daily
 * digest gets none (held an hour); outside the sending hours it waits for
 * the window; with DELIVERY_PACING=addressee it waits for its slot in the
 * addressee's office hours (paceByAddressee); beyond its domain's
 * per-minute allowance it waits for the allowance (one counter update per
 * domain, three domains at once).
 */
export async function sortClaimed(
  messages: ClaimedMessage[],
  now: Date,
  pacing: "addressee" | "off" = env().DELIVERY_PACING,
): Promise<Sorted> {
  const sorted: Sorted = { toSend: [], waiting: [], unsendable: [] };
  const window = outsideSendingHours(now);
  const byDomain = new Map<string, ClaimedMessage[]>();
  const toPace: ClaimedMessage[] = [];
  for (const message of messages) {
    const first = message.letters[0];
    if (!first || message.letters.some((l) => !l.subjectEncrypted || !l.bodyEncrypted)) {
      sorted.unsendable.push({
        id: message.id,
        reason: "The letter's text is gone (purged or deleted).",
        claimedAt: message.claimedAt,
        lettersToo: false,
      });
    } else if (first.campaignPaused || first.addresseePaused) {
      const why = first.campaignPaused
        ? "Sending is paused for this campaign."
        : "Sending is paused for this addressee.";
      sorted.waiting.push(release(message, new Date(now.getTime() + 10 * 60_000), why, "deferred"));
    } else if (message.pacing.addressPaused) {
      const why = "Sending to this address is paused (it bounced); letters wait until staff resume it.";
      sorted.waiting.push(release(message, new Date(now.getTime() + 10 * 60_000), why, "deferred"));
    } else if (message.pacing.digest) {
      const why = "This addressee takes a daily digest: its letters are not sent one by one.";
      sorted.waiting.push(release(message, new Date(now.getTime() + 60 * 60_000), why, "deferred"));
    } else if (window) {
      sorted.waiting.push(release(message, window));
    } else toPace.push(message);
  }
  const paced = pacing === "off" ? { toSend: toPace, waiting: [], unsendable: [] } : await paceByAddressee(toPace, now);
  sorted.waiting.push(...paced.waiting);
  for (const message of paced.toSend) {
    const group = byDomain.get(message.toDomain) ?? [];
    group.push(message);
    byDomain.set(message.toDomain, group);
  }
  const groups = [...byDomain];
  // A few domains at a time: the worker's connection pool serves its jobs too.
  for (let i = 0; i < groups.length; i += pacedAtOnce) {
    const chunk = groups.slice(i, i + pacedAtOnce);
    const allowances = await Promise.all(chunk.map(([domain, group]) => domainAllowance(domain, group.length, now)));
    chunk.forEach(([, group], j) => {
      const { allowed, laterAt } = allowances[j]!;
      sorted.toSend.push(...group.slice(0, allowed));
      group.slice(allowed).forEach((message, index) => sorted.waiting.push(release(message, laterAt(index))));
    });
  }
  return sorted;
}

type ContactColumn = "nameEncrypted" | "cityEncrypted" | "emailEncrypted";
/** What was opened of a claimed contact, for as long as its claimed messages are held. */
const openedContacts = new WeakMap<object, Partial<Record<ContactColumn, string>>>();

/** Opens the texts and sends the email; never throws (a failure is a temporary one). */
export async function sendClaimed(message: ClaimedMessage): Promise<SendOutcome> {
  try {
    const settings = env();
    const letter = message.letters[0]!;
    const contact = letter.contact;
    const fromContact = (column: ContactColumn) => {
      const value = contact?.[column];
      if (!contact || !value) return undefined;
      // The messages of one signature share the contact object: opened once.
      let opened = openedContacts.get(contact);
      if (!opened) openedContacts.set(contact, (opened = {}));
      return (opened[column] ??= decryptText(value, { table: "SupporterContact", column, row: letter.signatureId }));
    };
    return await sendMail(
      letterMail({
        campaignSender: { name: settings.MAIL_FROM_NAME, address: settings.MAIL_FROM_ADDRESS },
        addressee: { name: message.toName, address: message.toAddress },
        identity: letter.identityLevel,
        supporterName: fromContact("nameEncrypted"),
        supporterCity: fromContact("cityEncrypted"),
        supporterCountry: letter.country,
        replyToAddress: contact?.replyToSupporter ? fromContact("emailEncrypted") : undefined,
        language: letter.language,
        subject: decryptText(letter.subjectEncrypted!, {
          table: "PlatformLetter",
          column: "subjectEncrypted",
          row: letter.id,
        }),
        // Two addressees sharing this address share this message: one email greets both.
        text: textForSharedAddress(
          message.letters.map((l) => ({
            addresseeName: l.addresseeName,
            text: decryptText(l.bodyEncrypted!, { table: "PlatformLetter", column: "bodyEncrypted", row: l.id }),
          })),
        ),
        messageId: message.messageIdHeader,
        signatureId: message.signatureId,
      }),
    );
  } catch (error) {
    // A text that does not open (a key no longer configured) or a local
    // outbox that cannot be written: tried again later like a busy server.
    const reason = error instanceof Error ? error.message : String(error);
    return { accepted: false, permanent: false, reason: `Not sent: ${reason}` };
  }
}

/**
 * What a send means for the row: sent; failed on a permanent refusal or
 * after DELIVERY_MAX_ATTEMPTS; else deferred with backoff.
 */
export function afterSend(
  message: ClaimedMessage,
  outcome: SendOutcome,
  now: Date,
): { sent: true } | { sent: false; failure: Failure } | { sent: false; deferral: Reschedule } {
  if (outcome.accepted) return { sent: true };
  if (outcome.permanent || message.attempts >= env().DELIVERY_MAX_ATTEMPTS) {
    const reason = outcome.permanent
      ? outcome.reason
      : `Gave up after ${message.attempts} attempts. Last error: ${outcome.reason}`;
    return {
      sent: false,
      failure: { id: message.id, reason: reason.slice(0, maxReason), claimedAt: message.claimedAt, lettersToo: true },
    };
  }
  return {
    sent: false,
    deferral: {
      id: message.id,
      claimedAt: message.claimedAt,
      runAt: backoff(message.attempts, now),
      status: "deferred",
      reason: outcome.reason.slice(0, maxReason),
      attemptTaken: true,
    },
  };
}

/**
 * Sends one named delivery message, once, whatever its time (a leftover
 * per-message job, an admin's retry, tests). The same steps as the drain
 * (drain-deliveries.ts), for a batch of one: the row is claimed ("sending")
 * before the SMTP conversation and marked right after it; a worker that dies
 * in between leaves it "sending", and a drain takes it over after
 * DELIVERY_STALE_SECONDS with the same Message-ID.
 */
export async function deliverMessage(messageId: string, now = new Date()): Promise<DeliveryResult> {
  const staleBefore = new Date(now.getTime() - env().DELIVERY_STALE_SECONDS * 1000);
  const message = await claimMessageById(messageId, now, staleBefore);
  if (!message) {
    const found = await messageStatus(messageId);
    if (!found) return "already_done";
    // Another worker holds it; a drain takes it over if that hold goes stale.
    if (["queued", "deferred", "sending"].includes(found.status)) return "busy";
    // A retried job after a crash between the update and the summary.
    await queueDeliverySummaryIfDone(found.signatureId);
    return "already_done";
  }
  const { toSend, waiting, unsendable } = await sortClaimed([message], now);
  if (unsendable.length > 0) {
    await markFailed(unsendable, now, false);
    return "failed";
  }
  if (waiting.length > 0) {
    await markRescheduled(waiting, now);
    return "rescheduled";
  }
  const next = afterSend(message, await sendClaimed(toSend[0]!), now);
  if ("deferral" in next) {
    await markRescheduled([next.deferral], now);
    return "deferred";
  }
  if (next.sent) await markSent([message.id], new Date(), false);
  else await markFailed([next.failure], now, false);
  await queueDeliverySummaryIfDone(message.signatureId);
  return next.sent ? "sent" : "failed";
}
