import "server-only";
import { env } from "@/lib/core/env";
import { redactAddresses } from "@/lib/privacy/redact";
import {
  claimDueMessages,
  markFailed,
  markRescheduled,
  markSent,
  signaturesAwaitingSummary,
  type ClaimedMessage,
} from "./data";
import { afterSend, release, sendClaimed, sortClaimed, type Failure, type Reschedule } from "./deliver-message";
import { outsideSendingHours } from "./pacing";
import { queueDeliverySummaryIfDone } from "./supporter-follow-ups";

/** Messages claimed by one statement. */
const batchSize = 100;
/**
 * Messages handed to the SMTP pool at once: its 5 connections each with the
 * next message ready. The rest wait here, claimed, so that a hold that would
 * go stale is given back before its message reaches SMTP.
 */
const handedAtOnce = 10;
/** How often an idle drain looks for due messages (new ones, retries coming due, stale holds). */
const defaultIdlePollMs = 1_000;
/**
 * Outcomes wait at most this long (or until there are `writeAt` of them) to
 * be written together: fewer statements, and the window in which a kill
 * resends a message stays about 10 ms plus one statement.
 */
const lingerMs = 10;
const writeAt = 25;

export type Drain = { stop: () => Promise<void> };

/** For tests and the backlog benchmark: a moved clock, a shorter idle poll, pacing named instead of read from env. */
export type DrainOptions = { clock?: () => Date; idlePollMs?: number; pacing?: "addressee" | "off" };

/** The delivery summaries of those signatures whose last message has ended (queueDeliverySummaryIfDone checks again). */
export async function queueSummariesOf(signatureIds: string[]): Promise<void> {
  for (const signatureId of await signaturesAwaitingSummary(signatureIds))
    await queueDeliverySummaryIfDone(signatureId);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function warn(what: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  console.warn(`[worker] ${what}: ${redactAddresses(message)}`);
}

/**
 * The worker's delivery loop: the DeliveryMessage rows are the queue, no job
 * per message. It claims due messages a batch at a time (one statement: FOR
 * UPDATE SKIP LOCKED, their texts read in the same statement), keeps the
 * pooled SMTP transport busy with them, and writes outcomes as they come in
 * one statement per outcome (sent, failed, back to wait) for all messages
 * whose SMTP conversation ended since the last write.
 *
 * Crash safety: a claimed message is "sending" in the database before its
 * SMTP conversation starts, so a worker killed at any point leaves its held
 * messages "sending"; any drain takes them over once the hold is
 * DELIVERY_STALE_SECONDS old, with the same Message-ID. The one duplicate
 * possible is a message whose 250 the server sent before the kill and whose
 * "sent" had not been written yet: the time between a conversation's end and
 * the next outcome statement's commit (one statement's time, a few
 * milliseconds, plus the one before it while it runs), and only for the
 * messages in an SMTP conversation at that moment (at most one per pooled
 * connection). Two drains never hold one message: a claim locks its rows and
 * skips locked ones, and a hold is given back, unsent, before it is half
 * stale.
 */
export function startDrain(options: DrainOptions = {}): Drain {
  const staleMs = env().DELIVERY_STALE_SECONDS * 1000;
  const clock = options.clock ?? (() => new Date());
  const idlePollMs = options.idlePollMs ?? defaultIdlePollMs;
  let stopping = false;
  const claimed: ClaimedMessage[] = [];
  const sending = new Set<Promise<void>>();
  const outcomes = { sent: [] as string[], failed: [] as Failure[], waiting: [] as Reschedule[] };
  let writing: Promise<void> | null = null;
  let wakeLoop: () => void = () => {};

  const nap = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wakeLoop = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  /**
   * Supporters whose last message ended get their delivery summary once no
   * letter is waiting: letters first. The statement that ended the messages
   * added a job that queues whatever is left a minute on (a long surge, a
   * worker killed before this ran).
   */
  const summariesDue = new Set<string>();
  const queueSummaries = (signatureIds: string[]) => {
    for (const id of signatureIds) summariesDue.add(id);
  };
  const sendSummaries = async (limit = Infinity) => {
    const ids = [...summariesDue].slice(0, limit);
    for (const id of ids) summariesDue.delete(id);
    try {
      await queueSummariesOf(ids);
    } catch (error) {
      warn("Delivery summaries are left to their check job", error);
    }
  };

  const recorded = () => outcomes.sent.length + outcomes.failed.length + outcomes.waiting.length;
  let lingering: ReturnType<typeof setTimeout> | null = null;

  /**
   * An outcome came: written with others within lingerMs, at once when there
   * are writeAt of them or nothing else is under way.
   */
  const record = () => {
    if (writing) return;
    if (recorded() >= writeAt || stopping || (claimed.length === 0 && sending.size === 0)) write();
    else lingering ??= setTimeout(write, lingerMs);
  };

  /** Writes every outcome recorded so far; one writer at a time, the next round takes what came meanwhile. */
  const write = () => {
    if (lingering) clearTimeout(lingering);
    lingering = null;
    if (writing) return;
    writing = (async () => {
      for (;;) {
        const sent = outcomes.sent.splice(0);
        const failed = outcomes.failed.splice(0);
        const waiting = outcomes.waiting.splice(0);
        const now = clock();
        /** Writes one kind of outcome; when it cannot, puts them back for the next round. Whether it could. */
        const written = async <T>(taken: T[], kept: T[], writeThem: () => Promise<void>, what: string) => {
          try {
            await writeThem();
            return true;
          } catch (error) {
            kept.push(...taken);
            warn(`Could not ${what} (trying again)`, error);
            return false;
          }
        };
        const results = [
          await written(
            sent,
            outcomes.sent,
            async () => queueSummaries(await markSent(sent, now, true)),
            "mark messages sent",
          ),
          await written(
            failed,
            outcomes.failed,
            async () => queueSummaries(await markFailed(failed, now, true)),
            "mark messages failed",
          ),
          await written(
            waiting,
            outcomes.waiting,
            () => markRescheduled(waiting, now),
            "put messages back in the queue",
          ),
        ];
        if (results.every(Boolean)) break;
        // The database is out of reach: the messages stay "sending" meanwhile.
        await sleep(1_000);
      }
    })().finally(() => {
      writing = null;
      // Outcomes that came during the round.
      if (recorded() > 0) record();
    });
  };

  /** Hands claimed messages to SMTP while the pool has room. */
  const pump = () => {
    while (sending.size < handedAtOnce && claimed.length > 0) {
      const message = claimed.shift()!;
      if (clock().getTime() - message.claimedAt.getTime() > staleMs / 2) {
        // Held too long to start a conversation another drain may soon take over.
        outcomes.waiting.push(release(message, clock()));
        record();
        continue;
      }
      const conversation = sendClaimed(message).then((outcome) => {
        sending.delete(conversation);
        const next = afterSend(message, outcome, clock());
        if (next.sent) outcomes.sent.push(message.id);
        else if ("failure" in next) outcomes.failed.push(next.failure);
        else outcomes.waiting.push(next.deferral);
        pump();
        record();
        wakeLoop();
      });
      sending.add(conversation);
    }
  };

  const loop = (async () => {
    while (!stopping) {
      const now = clock();
      const window = outsideSendingHours(now);
      if (window) {
        // Nothing goes before the window: due messages stay queued until then.
        await nap(Math.min(window.getTime() - now.getTime(), idlePollMs));
        continue;
      }
      if (claimed.length >= batchSize) {
        await nap(idlePollMs);
        continue;
      }
      let batch: ClaimedMessage[];
      try {
        batch = await claimDueMessages(batchSize, now, new Date(now.getTime() - staleMs));
      } catch (error) {
        warn("Could not claim messages", error);
        await nap(idlePollMs);
        continue;
      }
      if (batch.length === 0) {
        if (summariesDue.size > 0 && claimed.length === 0 && sending.size === 0 && !writing) {
          // A batch's worth between looks at the queue.
          await sendSummaries(batchSize);
        } else await nap(idlePollMs);
        continue;
      }
      try {
        const { toSend, waiting, unsendable } = await sortClaimed(batch, now, options.pacing);
        outcomes.waiting.push(...waiting);
        outcomes.failed.push(...unsendable);
        claimed.push(...toSend);
      } catch (error) {
        // The pacing counters are out of reach: give the batch back.
        warn("Could not pace messages", error);
        outcomes.waiting.push(...batch.map((message) => release(message, new Date(now.getTime() + idlePollMs))));
        await nap(idlePollMs);
      }
      pump();
      record();
    }
  })();

  return {
    stop: async () => {
      stopping = true;
      wakeLoop();
      await loop;
      // Claimed but not handed to SMTP: back to the queue for any worker now.
      outcomes.waiting.push(...claimed.splice(0).map((message) => release(message, clock())));
      write();
      while (sending.size > 0) await Promise.all([...sending]);
      while (writing) await writing;
      if (summariesDue.size > 0) await sendSummaries();
    },
  };
}
