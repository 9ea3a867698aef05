// A daily digest in the middle of its SMTP conversation when its worker is
// killed (SIGKILL): two workers then start on the same queue, one takes the
// dead worker's stale hold over, and the addressee gets the digest once, with
// the Message-ID it was given when it was made, and every letter counted sent.
import type { ChildProcess } from "node:child_process";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { confirmedPlatformSignature } from "../helpers/delivery";
import { seedLaunchCampaign } from "../helpers/factories";
import { SmtpSink } from "../helpers/smtp-sink";
import { startWorkerProcess, useMailServerAndWorkers, waitFor } from "../helpers/worker-process";

const sink = new SmtpSink();
const workers: ChildProcess[] = [];
const staleSeconds = 5;
const toLavrov = (mail: { envelopeTo: string[] }) => mail.envelopeTo.includes("ministry@mid.ru");

function startWorker(name: string): ChildProcess {
  const worker = startWorkerProcess(name, { smtpUrl: sink.url, staleSeconds });
  workers.push(worker.child);
  return worker.child;
}

/** Open SMTP connections: none once the killed worker's socket has been seen to close. */
const openConnections = () => (sink as unknown as { server: { connections: Set<unknown> } }).server.connections.size;

describe("a daily digest and a worker killed mid-send", () => {
  useMailServerAndWorkers(sink, workers);

  it("reaches the addressee once when other workers take over", { timeout: 300_000 }, async () => {
    const campaign = await seedLaunchCampaign();
    const lavrov = campaign.addressees.find((a) => a.addressee.emails.includes("ministry@mid.ru"))!.addressee;
    // Open round the clock, so the worker's real clock is always inside office hours.
    await db().addressee.update({
      where: { id: lavrov.id },
      data: { deliveryMode: "daily_digest", timeZone: "UTC", officeHours: "0-24", officeDays: [1, 2, 3, 4, 5, 6, 7] },
    });
    for (const country of ["DE", "FR", "FR", "AM"])
      await confirmedPlatformSignature(campaign, { addressees: [lavrov.id], country });
    // Written two days ago: their day has ended whatever the time now (the worker reads the real clock).
    await db()
      .$executeRaw`UPDATE "Letter" SET "createdAt" = "createdAt" - interval '2 days' WHERE "addresseeId" = ${lavrov.id}::uuid`;
    expect(await db().deliveryMessage.count()).toBe(0);
    // The supporters' own emails are not this test's business: the digest is the only email the workers send.
    await db().outboxMessage.updateMany({ data: { status: "cancelled" } });

    // The server takes the digest in full but does not answer its end: the kill lands mid-conversation.
    sink.holdAfter(0, toLavrov);
    const first = startWorker("first worker");
    await waitFor("the first worker to be mid-send with the digest", () => sink.held > 0);
    const held = await db().addresseeDigest.findFirstOrThrow({ where: { addresseeId: lavrov.id } });
    expect(held).toMatchObject({ status: "sending", letterCount: 4, attempts: 1 });
    first.kill("SIGKILL");
    await new Promise((resolve) => first.once("exit", resolve));
    const killedAt = new Date();
    // The server must see the connection gone before it decides: then the held message is never accepted.
    await waitFor("the server to see the killed worker's connection close", () => openConnections() === 0);
    // smtp-server reports the closed session one turn of the event loop later (setImmediate): after that turn.
    await new Promise((resolve) => setImmediate(resolve));
    sink.release();
    await waitFor("the held message to be refused", () => sink.held === 0);
    expect(sink.received.filter(toLavrov)).toHaveLength(0);

    // Two workers at once; whichever finds the hold stale sends it, once.
    startWorker("second worker");
    startWorker("third worker");
    await waitFor(
      "the digest to be sent",
      async () => (await db().addresseeDigest.count({ where: { status: "sent" } })) === 1,
    );
    // The live workers' digest runs are over (each ran at start; the dead worker's job stays locked): nothing more goes.
    await waitFor(
      "both workers' digest runs to finish",
      async () =>
        Number(
          (
            await db().$queryRaw<{ n: bigint }[]>`
              SELECT count(*) AS n FROM graphile_worker.jobs WHERE task_identifier = 'send-daily-digests' AND locked_at > ${killedAt}`
          )[0]!.n,
        ) === 0,
    );
    const arrived = sink.received.filter(toLavrov);
    expect(arrived).toHaveLength(1);
    expect(arrived[0]!.parsed.messageId).toBe(held.messageIdHeader);
    expect(arrived[0]!.parsed.text).toContain("4 people from 3 countries wrote to you");
    const digest = await db().addresseeDigest.findUniqueOrThrow({ where: { id: held.id } });
    expect(digest).toMatchObject({ status: "sent", attempts: 2 });
    expect(await db().letter.count({ where: { addresseeId: lavrov.id, status: "sent", digestId: held.id } })).toBe(4);
  });
});
