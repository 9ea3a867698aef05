import "server-only";
import { Logger, run, type TaskList } from "graphile-worker";
import { rewriteStaffSecrets } from "@/lib/auth/two-factor";
import { pool } from "@/lib/core/db";
import { env } from "@/lib/core/env";
import { deliverMessage } from "@/lib/delivery/deliver-message";
import { queueSummariesOf, startDrain } from "@/lib/delivery/drain-deliveries";
import { closeMailer } from "@/lib/delivery/mailer";
import { sendSupporterEmail } from "@/lib/delivery/send-supporter-email";
import { returnPathAddress, returnPathOfMessageId } from "@/lib/delivery/return-path";
import { sweepDeliveries } from "@/lib/delivery/sweep-deliveries";
import { sendDailyDigests } from "@/lib/digests/send-daily-digests";
import { queueConfirmationReminders } from "@/lib/follow-ups/remind-unconfirmed";
import { purgePersonalData } from "@/lib/privacy/purge-personal-data";
import { reencryptPersonalData } from "@/lib/privacy/reencrypt-personal-data";
import { redactAddresses } from "@/lib/privacy/redact";
import { sendHeldConfirmations } from "@/lib/signatures/held-confirmations";

const idOf = (payload: unknown, key: string): string => {
  const value = (payload as Record<string, unknown> | null)?.[key];
  if (typeof value !== "string") throw new Error(`Job payload lacks ${key}.`);
  return value;
};

/** A digest's bounce address, from its Message-ID (the same envelope sendMail gives every other email). */
export function digestReturnPath(messageId: string): string | null {
  const ref = returnPathOfMessageId(messageId);
  return ref ? returnPathAddress(ref) : null;
}

export const tasks: TaskList = {
  // Letters go through the drain (startDrain below), not one job each; this
  // job is an admin's retry, or one left from before the drain.
  "deliver-message": async (payload) => {
    await deliverMessage(idOf(payload, "messageId"));
  },
  // Added by the statement that ends messages, a minute on: the summaries a
  // worker killed right after that statement did not queue.
  "queue-delivery-summaries": async (payload) => {
    const ids = (payload as { signatureIds?: unknown } | null)?.signatureIds;
    if (!Array.isArray(ids) || !ids.every((id) => typeof id === "string"))
      throw new Error("Job payload lacks signatureIds.");
    await queueSummariesOf(ids);
  },
  "send-supporter-email": async (payload) => {
    await sendSupporterEmail(idOf(payload, "outboxMessageId"));
  },
  "send-held-confirmations": async (payload) => {
    await sendHeldConfirmations(idOf(payload, "addressKey"));
  },
  "sweep-deliveries": async () => {
    await sweepDeliveries();
  },
  // Every quarter hour (crontab below): digests whose day ended and whose
  // office is open are made and sent; a retry or a dead worker's hold that
  // comes due before the next quarter hour gets a run of its own then.
  "send-daily-digests": async (_payload, helpers) => {
    const { sent, nextLook } = await sendDailyDigests(new Date(), { envelopeFrom: digestReturnPath });
    if (sent > 0) console.log(`[worker] Sent ${sent} daily digests.`);
    if (nextLook && nextLook.getTime() - Date.now() < 15 * 60_000)
      await helpers.addJob(
        "send-daily-digests",
        {},
        // Never at once: a digest another runner holds for a moment is not worth a busy loop.
        { jobKey: "send-daily-digests:next", runAt: new Date(Math.max(nextLook.getTime(), Date.now() + 5_000)) },
      );
  },
  "queue-confirmation-reminders": async () => {
    await queueConfirmationReminders();
  },
  "purge-personal-data": async () => {
    const purged = await purgePersonalData();
    if (purged > 0) console.log(`[worker] Purged the personal data of ${purged} signatures (retention period over).`);
  },
  "reencrypt-personal-data": async () => {
    const report = await reencryptPersonalData();
    const staff = await rewriteStaffSecrets();
    report.rewritten += staff.rewritten;
    report.unreadable += staff.unreadable;
    const done = report.rewritten + report.hashesRewritten + report.hashesDropped;
    if (done > 0) {
      console.log(
        `[worker] Key rotation: re-encrypted ${report.rewritten} values and remade ${report.hashesRewritten} email hashes with the current APP_SECRET` +
          (report.hashesDropped
            ? `; removed ${report.hashesDropped} email hashes whose address is no longer held`
            : "") +
          ".",
      );
    }
    if (done === 0 && report.unreadable === 0 && env().APP_SECRET_PREVIOUS) {
      console.log(
        "[worker] Key rotation finished: nothing is sealed with APP_SECRET_PREVIOUS any more; remove it once it has been set for an hour (docs/DEPLOY.md).",
      );
    }
    if (report.unreadable > 0) {
      console.warn(
        `[worker] Key rotation: ${report.unreadable} encrypted values open with neither APP_SECRET nor APP_SECRET_PREVIOUS; they stay as they are.`,
      );
    }
  },
};

const logger = new Logger(() => (level, message) => {
  // Job payloads hold ids only; messages never carry personal data.
  if (level === "error" || level === "warning") console.warn(`[worker] ${redactAddresses(message)}`);
});

export type Worker = { stop: () => Promise<void>; promise: Promise<void> };

/**
 * Runs the delivery worker until stopped: graphile-worker for the jobs above
 * and the drain that sends letters; several processes may share one queue.
 */
export async function startWorker(): Promise<Worker> {
  // Letters go from the first moment: the drain needs nothing from the job
  // runner (the queue's schema is made by the migrations).
  const drain = startDrain();
  const runner = await run({
    pgPool: pool(),
    concurrency: env().WORKER_CONCURRENCY,
    taskList: tasks,
    crontab: [
      "* * * * * sweep-deliveries ?max=1",
      // A quarter of an hour is late enough for a reminder due 18 hours before its link expires.
      "*/15 * * * * queue-confirmation-reminders ?max=1",
      "*/15 * * * * send-daily-digests ?max=1",
      "17 * * * * purge-personal-data ?max=1",
      "47 * * * * reencrypt-personal-data ?max=1",
    ].join("\n"),
    pollInterval: 1_000,
    logger,
    noHandleSignals: true,
    noPreparedStatements: env().EMBEDDED_DATABASE,
  }).catch(async (error: unknown) => {
    await drain.stop();
    closeMailer();
    throw error;
  });
  // A restarted worker re-adds lost supporter-email jobs at once, not at the
  // next minute's sweep.
  await runner.addJob("sweep-deliveries", {}, { jobKey: "sweep-deliveries" });
  // After a deploy with a new APP_SECRET the rewrite starts at once (and is a
  // few empty scans otherwise); the hourly run finishes what a restart cut off.
  await runner.addJob("reencrypt-personal-data", {}, { jobKey: "reencrypt-personal-data" });
  // A restarted worker sends what is due (a dead worker's digest among it) without waiting for the quarter hour.
  await runner.addJob("send-daily-digests", {}, { jobKey: "send-daily-digests" });
  let stopped: Promise<void> | undefined;
  return {
    // Letters in an SMTP conversation finish and are marked before the jobs stop and the mail pool closes.
    stop: () =>
      (stopped ??= (async () => {
        await drain.stop();
        await runner.stop();
        closeMailer();
      })()),
    promise: runner.promise,
  };
}
