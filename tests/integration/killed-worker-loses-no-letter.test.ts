// A delivery worker killed (SIGKILL) in the middle of a batch: a second worker
// takes over, and every letter arrives, none twice.
import type { ChildProcess } from "node:child_process";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { confirmedPlatformSignature } from "../helpers/delivery";
import { seedLaunchCampaign } from "../helpers/factories";
import { SmtpSink } from "../helpers/smtp-sink";
import { startWorkerProcess, useMailServerAndWorkers, waitFor } from "../helpers/worker-process";

// Each message takes the SMTP server 150 ms to accept, so a kill lands with
// several messages in the middle of their SMTP conversation.
const sink = new SmtpSink(150);
const workers: ChildProcess[] = [];
const staleSeconds = 5;

function startWorker(name: string): ChildProcess {
  const worker = startWorkerProcess(name, { smtpUrl: sink.url, staleSeconds });
  workers.push(worker.child);
  return worker.child;
}

describe("a delivery worker killed mid-batch", () => {
  useMailServerAndWorkers(sink, workers);

  it("loses no letter and sends none twice once a second worker takes over", { timeout: 300_000 }, async () => {
    const campaign = await seedLaunchCampaign();
    for (let i = 0; i < 15; i++) await confirmedPlatformSignature(campaign);
    const messages = await db().deliveryMessage.findMany({ select: { messageIdHeader: true } });
    expect(messages).toHaveLength(60); // 15 signatures × 4 distinct addresses
    const ours = new Set(messages.map((m) => m.messageIdHeader));
    const arrivedLetters = () => sink.received.filter((m) => ours.has(m.parsed.messageId ?? ""));

    // After 12 letters the server stops answering the end of each message,
    // so the kill lands with conversations surely in the middle, on a fast
    // machine or a busy one.
    sink.holdAfter(12, (mail) => ours.has(mail.parsed.messageId ?? ""));
    const first = startWorker("first worker");
    await waitFor(
      "the first worker to deliver some letters and be mid-send",
      () => arrivedLetters().length >= 12 && sink.held > 0,
    );
    first.kill("SIGKILL");
    await new Promise((resolve) => first.once("exit", resolve));
    sink.release();
    // It is gone: no process answers to its id.
    expect(() => process.kill(first.pid!, 0)).toThrow();

    const afterKill = await db().deliveryMessage.groupBy({ by: ["status"], _count: true });
    const held = afterKill.find((g) => g.status === "sending")?._count ?? 0;
    const deliveredBeforeKill = arrivedLetters().length;
    expect(deliveredBeforeKill).toBeGreaterThanOrEqual(12);
    expect(deliveredBeforeKill).toBeLessThan(60);

    // The second worker finds what the first held once the hold is stale.
    await new Promise((resolve) => setTimeout(resolve, staleSeconds * 1000));
    startWorker("second worker");
    await waitFor(
      "every letter to be sent",
      async () => (await db().deliveryMessage.count({ where: { status: "sent" } })) === 60,
    );

    const arrived = arrivedLetters().map((m) => m.parsed.messageId);
    expect(new Set(arrived).size).toBe(60);
    // The server accepts (250) only while the client is connected, so a
    // message cut off mid-conversation never arrived and is sent once by
    // the second worker. A kill in the millisecond between the 250 and our
    // "sent" update would resend that one message with the same Message-ID;
    // at most the held messages could be affected.
    expect(arrived.length - 60).toBeLessThanOrEqual(held);
    console.info(
      `killed with ${deliveredBeforeKill} letters delivered and ${held} held mid-send; ${arrived.length} arrivals for 60 letters`,
    );
    expect(await db().letter.count({ where: { channel: "platform_email", status: { not: "sent" } } })).toBe(0);
  });
});
