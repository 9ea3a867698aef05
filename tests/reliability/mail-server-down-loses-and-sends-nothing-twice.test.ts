// The mail server goes down for 10 seconds while a real worker process is in
// the middle of an 800-letter queue, then comes back on the same port. Every
// letter still arrives, none twice, and every row ends "sent".
//
// Letters the outage deferred are retried on the real backoff (about a minute,
// lib/delivery/pacing.ts): this test waits for it rather than moving their
// time forward, so it also proves the worker's mail connections recover by
// themselves after the server returns.
import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { countRows, resetDatabase } from "../helpers/db";
import { confirmedPlatformSignature } from "../helpers/delivery";
import { seedLaunchCampaign } from "../helpers/factories";
import { SmtpSink } from "../helpers/smtp-sink";
import { startWorkerProcess, waitFor } from "../helpers/worker-process";

const signatures = 200;
// One message per distinct address: the launch campaign's email addressees
// have 4 (two share one), so 200 signatures make 800 messages.
const letterEmails = signatures * 4;
const outageMs = 10_000;
// The worker runs this many jobs at once (tests/helpers/worker-process.ts):
// at most that many messages can be in the middle of an SMTP conversation.
const workerConcurrency = 4;

// Each message takes the server 150 ms to accept, longer than it waits for
// open conversations when it stops (100 ms), so the stop cuts off the
// messages in the middle of their SMTP conversation, as a crash would.
const sink = new SmtpSink(150);
let worker: ChildProcess | undefined;

describe("the mail server down in the middle of an 800-letter queue", () => {
  beforeAll(async () => {
    await sink.start();
    await resetDatabase();
    const campaign = await seedLaunchCampaign();
    for (let i = 0; i < signatures; i += 10) {
      await Promise.all(Array.from({ length: 10 }, () => confirmedPlatformSignature(campaign)));
    }
  });

  afterAll(async () => {
    worker?.kill("SIGKILL");
    await sink.stop();
  });

  it("delivers every letter once the server is back, none twice, and ends every row sent", async () => {
    const messages = await db().deliveryMessage.findMany({ select: { messageIdHeader: true } });
    expect(messages).toHaveLength(letterEmails);
    const letterIds = new Set(messages.map((m) => m.messageIdHeader));
    const arrivedLetters = () => sink.received.filter((m) => letterIds.has(m.parsed.messageId ?? ""));

    const started = Date.now();
    worker = startWorkerProcess("worker", { smtpUrl: sink.url }).child;
    await waitFor("a quarter of the letters to arrive", () => arrivedLetters().length >= letterEmails / 4, 120_000);

    const port = sink.port;
    await sink.stop();
    const arrivalsBeforeStop = sink.received.length;
    const lettersBeforeStop = arrivedLetters().length;
    await new Promise((resolve) => setTimeout(resolve, outageMs));
    const duringOutage = await db().deliveryMessage.groupBy({ by: ["status"], _count: true });
    // Why the worker deferred each: cut off mid-conversation, or no server to connect to.
    const reasons = await db().deliveryMessage.groupBy({
      by: ["lastError"],
      where: { status: "deferred" },
      _count: true,
    });
    expect(sink.received.length).toBe(arrivalsBeforeStop); // down means down
    await sink.start(port);
    const restartedAt = Date.now();

    await waitFor(
      "every letter and supporter email to be sent",
      async () =>
        (await db().deliveryMessage.count({ where: { status: { not: "sent" } } })) === 0 &&
        (await db().outboxMessage.count({ where: { status: { not: "sent" } } })) === 0,
      // Retries back off for minutes; a busy machine takes longer still.
      600_000,
    );
    const drainedAt = Date.now();

    const arrived = arrivedLetters().map((m) => m.parsed.messageId!);
    const deferred = await db().deliveryMessage.count({ where: { attempts: { gt: 1 } } });
    const outbox = await db().outboxMessage.findMany({ select: { id: true } });
    // Message-IDs carry the host of the worker's PUBLIC_URL (tests/helpers/worker-process.ts).
    const outboxIds = new Set(outbox.map((o) => `<outbox-${o.id}@localhost>`));
    const arrivedSupporterEmails = sink.received
      .filter((m) => outboxIds.has(m.parsed.messageId ?? ""))
      .map((m) => m.parsed.messageId!);
    const twice = [...arrived, ...arrivedSupporterEmails].filter((id, i, all) => all.indexOf(id) !== i);
    console.info(
      [
        `[reliability] ${letterEmails} letter emails (one per distinct address), ${outbox.length} supporter emails; mail server stopped after ${lettersBeforeStop} letters arrived, down ${outageMs / 1000} s`,
        `  during the outage: ${duringOutage.map((g) => `${g._count} ${g.status}`).join(", ")}; deferred because: ${reasons.map((r) => `${r._count}× ${r.lastError?.slice(0, 60)}`).join("; ")}`,
        `  ${deferred} letters deferred by the outage and retried on the backoff; everything sent ${((drainedAt - restartedAt) / 1000).toFixed(1)} s after the server came back (${((drainedAt - started) / 1000).toFixed(1)} s in all)`,
        `  arrivals: ${arrived.length} letters (${new Set(arrived).size} distinct), ${arrivedSupporterEmails.length} supporter emails (${new Set(arrivedSupporterEmails).size} distinct); sent twice: ${twice.length}`,
      ].join("\n"),
    );

    // Every letter arrived; the outage really deferred some.
    expect(new Set(arrived).size).toBe(letterEmails);
    expect(deferred).toBeGreaterThan(0);
    expect(new Set(arrivedSupporterEmails).size).toBe(outbox.length);
    // None twice, except in the documented window: a message whose 250 the
    // server sent as it went down, before the worker read it, is sent again
    // with the same Message-ID. Only messages mid-conversation at the stop
    // can be affected, at most one per job the worker runs at once.
    expect(twice.length).toBeLessThanOrEqual(workerConcurrency);
    const firstCopies = sink.received.slice(0, arrivalsBeforeStop).map((m) => m.parsed.messageId);
    for (const id of twice) expect(firstCopies).toContain(id);
    // No row lost or stuck: every letter is sent, no delivery job is left over.
    expect(await db().letter.count({ where: { channel: "platform_email", status: { not: "sent" } } })).toBe(0);
    expect(await db().letter.count({ where: { channel: "platform_email", deliveryMessageId: null } })).toBe(0);
    // A supporter email's job can still be waiting on the backoff when the email went out by a newer job
    // for it (one re-filed while the first ran): it runs at its time, finds the email sent, and ends. So
    // this waits as long as the backoff can take, and names the jobs left if any stay.
    const leftJobs = `SELECT task_identifier, run_at, attempts, last_error, locked_at FROM graphile_worker.jobs
                      WHERE task_identifier IN ('deliver-message', 'send-supporter-email')`;
    await waitFor(
      "the last jobs to finish",
      async () => (await countRows(`SELECT count(*) AS n FROM (${leftJobs}) AS left_jobs`)) === 0,
      600_000,
    ).catch(async (error: Error) => {
      const left = await db().$queryRawUnsafe<unknown[]>(leftJobs);
      throw new Error(`${error.message}; left: ${JSON.stringify(left)}`);
    });
  });
});
