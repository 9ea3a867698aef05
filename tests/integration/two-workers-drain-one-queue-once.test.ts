// Two delivery workers started together on one queue: each claims batches
// of messages (FOR UPDATE SKIP LOCKED), and every letter reaches the SMTP
// server exactly once, counted by the server; each worker's share is counted
// on its own connection path, so the test knows both really sent.
import type { ChildProcess } from "node:child_process";
import net from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { getCampaignTotals } from "@/lib/tallies/get-campaign-totals";
import { rollUpTallies } from "@/lib/tallies/roll-up-tallies";
import { countRows } from "../helpers/db";
import { confirmedPlatformSignature } from "../helpers/delivery";
import { seedLaunchCampaign } from "../helpers/factories";
import { SmtpSink } from "../helpers/smtp-sink";
import { startWorkerProcess, useMailServerAndWorkers, waitFor } from "../helpers/worker-process";

const signatures = 60;
// The launch campaign's email addressees have 4 distinct addresses (two share one).
const letterEmails = signatures * 4;

/**
 * A TCP path from one worker to the SMTP server that keeps what the worker
 * sent through it, so the test can tell which worker sent which message.
 */
async function countingPath(targetPort: number) {
  const streams: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, "127.0.0.1");
    sockets.add(client).add(upstream);
    const stream = streams.push("") - 1;
    client.on("data", (chunk: Buffer) => (streams[stream] += chunk.toString("latin1")));
    client.pipe(upstream);
    upstream.pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on("error", close).on("close", close);
    upstream.on("error", close).on("close", close);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `smtp://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    /** The Message-IDs of the messages this worker sent. */
    messageIds: () =>
      streams.flatMap((text) => [...text.matchAll(/\r\nMessage-ID: (<[^>\r\n]+>)/gi)].map((m) => m[1]!)),
    close: () => {
      for (const socket of sockets) socket.destroy();
      server.close();
    },
  };
}

// 20 ms per message: one worker alone would take seconds, so both are at work together.
const sink = new SmtpSink(20);
const workers: ChildProcess[] = [];
const paths: Awaited<ReturnType<typeof countingPath>>[] = [];

describe("two delivery workers on one queue", () => {
  useMailServerAndWorkers(sink, workers);
  afterAll(() => {
    for (const path of paths) path.close();
  });

  it("send each letter exactly once between them, and count each once", { timeout: 300_000 }, async () => {
    const campaign = await seedLaunchCampaign();
    for (let i = 0; i < signatures; i += 10) {
      await Promise.all(Array.from({ length: 10 }, () => confirmedPlatformSignature(campaign)));
    }
    const messages = await db().deliveryMessage.findMany({ select: { messageIdHeader: true } });
    expect(messages).toHaveLength(letterEmails);
    const ours = new Set(messages.map((m) => m.messageIdHeader));

    for (const name of ["first worker", "second worker"]) {
      const path = await countingPath(sink.port);
      paths.push(path);
      workers.push(startWorkerProcess(name, { smtpUrl: path.url }).child);
    }
    await waitFor(
      "every letter to be sent",
      async () => (await db().deliveryMessage.count({ where: { status: { not: "sent" } } })) === 0,
    );
    // Each supporter's delivery summary follows their last letter.
    await waitFor(
      "every supporter email to be sent",
      async () =>
        (await db().outboxMessage.count({ where: { kind: "delivery_summary", status: "sent" } })) === signatures,
    );

    const arrived = sink.received.map((m) => m.parsed.messageId ?? "").filter((id) => ours.has(id));
    const shares = paths.map((path) => path.messageIds().filter((id) => ours.has(id)));
    console.info(
      `${letterEmails} letters: ${arrived.length} arrivals, ${new Set(arrived).size} distinct; sent by each worker: ${shares.map((share) => share.length).join(" and ")}`,
    );
    expect(arrived).toHaveLength(letterEmails);
    expect(new Set(arrived).size).toBe(letterEmails);
    // Both workers sent letters, and no letter went through both.
    expect(shares.every((share) => share.length > 0)).toBe(true);
    expect(shares[0]!.length + shares[1]!.length).toBe(letterEmails);
    expect(new Set([...shares[0]!, ...shares[1]!]).size).toBe(letterEmails);

    // Every letter sent, and counted once in "letters sent" (tally rows, before and after a roll-up).
    const platformLetters = await db().letter.count({ where: { channel: "platform_email" } });
    expect(await db().letter.count({ where: { channel: "platform_email", status: { not: "sent" } } })).toBe(0);
    expect(await countRows(`SELECT count(*) AS n FROM "PendingTally" WHERE "sentLetterId" IS NOT NULL`)).toBe(
      platformLetters,
    );
    expect((await getCampaignTotals(campaign.slug))?.lettersSent).toBe(platformLetters);
    await rollUpTallies();
    expect((await getCampaignTotals(campaign.slug))?.lettersSent).toBe(platformLetters);
    // One summary per supporter, never two.
    expect(await db().outboxMessage.count({ where: { kind: "delivery_summary" } })).toBe(signatures);
    expect(await db().deliveryMessage.count({ where: { attempts: { not: 1 } } })).toBe(0);
  });
});
