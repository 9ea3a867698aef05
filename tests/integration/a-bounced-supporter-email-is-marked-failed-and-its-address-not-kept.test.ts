// A supporter's email (here the confirmation) that the relay took and the
// supporter's mail server later sent back is marked failed; a 4.x.x queues it
// again. Nothing about the supporter's address is kept: no address health
// row, no address in the stored reason.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BounceListener } from "@/lib/bounces/bounce-listener";
import { db } from "@/lib/core/db";
import { closeMailer } from "@/lib/delivery/mailer";
import { sendSupporterEmail } from "@/lib/delivery/send-supporter-email";
import { deliveryReport, listenForBounces, sendReport } from "../helpers/bounces";
import { resetDatabase } from "../helpers/db";
import { confirmedPlatformSignature, useAsMailServer } from "../helpers/delivery";
import { seedLaunchCampaign } from "../helpers/factories";
import { SmtpSink } from "../helpers/smtp-sink";

process.env.DELIVERY_PACING = "off";
process.env.MAIL_RETURN_PATH_DOMAIN = "campaigns.example";

const sink = new SmtpSink();
let listener: BounceListener;

describe("a supporter email that bounces", () => {
  beforeAll(async () => {
    await useAsMailServer(sink);
    await resetDatabase();
    listener = await listenForBounces();
  });
  afterAll(async () => {
    closeMailer();
    await listener.close();
    await sink.stop();
  });

  it("is marked failed on a 5.x.x and queued again on a 4.x.x, keeping nothing of the address", async () => {
    const campaign = await seedLaunchCampaign();
    const address = "moved.away@example.org";
    const signatureId = await confirmedPlatformSignature(campaign, { email: address });
    const [first, second] = await db().outboxMessage.findMany({
      where: { signatureId },
      orderBy: { createdAt: "asc" },
    });
    for (const email of [first!, second!]) expect(await sendSupporterEmail(email.id)).toBe("sent");
    const returnPathOf = (id: string) => sink.received.find((m) => m.parsed.messageId?.includes(id))!.envelopeFrom;

    const hard = returnPathOf(first!.id);
    await sendReport(listener, hard, deliveryReport({ returnPath: hard, recipient: address, status: "5.1.1" }));
    const failed = await db().outboxMessage.findUniqueOrThrow({ where: { id: first!.id } });
    expect(failed.status).toBe("failed");
    expect(failed.lastError).toBe("Bounced: 5.1.1: 550 5.1.1 <[address]>: refused");

    const soft = returnPathOf(second!.id);
    await sendReport(listener, soft, deliveryReport({ returnPath: soft, recipient: address, status: "4.2.2" }));
    expect((await db().outboxMessage.findUniqueOrThrow({ where: { id: second!.id } })).status).toBe("queued");
    // Its job is back, at the back-off's time.
    const jobs = await db().$queryRaw<{ key: string }[]>`
      SELECT key FROM graphile_worker.jobs WHERE key = ${`outbox:${second!.id}`}`;
    expect(jobs).toHaveLength(1);

    expect(await db().mailAddressHealth.count()).toBe(0);
  });
});
