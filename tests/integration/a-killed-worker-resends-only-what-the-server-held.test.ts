// A delivery worker killed (SIGKILL) while it holds a claimed batch: no
// letter is lost, and the only letters that can arrive twice are those the
// SMTP server had received in full but not yet accepted (no 250 sent) when
// the worker died: the server may deliver those, and the worker, which never
// heard the 250, must send them again. That is the window SMTP itself leaves
// open; our own bookkeeping adds none. The counts stay exact.
import type { ChildProcess } from "node:child_process";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { getCampaignTotals } from "@/lib/tallies/get-campaign-totals";
import { confirmedPlatformSignature } from "../helpers/delivery";
import { seedLaunchCampaign } from "../helpers/factories";
import { SmtpSink } from "../helpers/smtp-sink";
import { startWorkerProcess, useMailServerAndWorkers, waitFor } from "../helpers/worker-process";

const signatures = 20;
const letterEmails = signatures * 4;
const staleSeconds = 5;
const sink = new SmtpSink(30);
const workers: ChildProcess[] = [];

describe("a delivery worker killed with a batch in hand", () => {
  useMailServerAndWorkers(sink, workers);

  it(
    "resends only what the server held unaccepted, loses nothing, counts each letter once",
    { timeout: 300_000 },
    async () => {
      const campaign = await seedLaunchCampaign();
      for (let i = 0; i < signatures; i++) await confirmedPlatformSignature(campaign);
      const messages = await db().deliveryMessage.findMany({ select: { messageIdHeader: true } });
      expect(messages).toHaveLength(letterEmails);
      const ours = new Set(messages.map((m) => m.messageIdHeader));
      const arrivedLetters = () => sink.received.filter((m) => ours.has(m.parsed.messageId ?? ""));

      // After 20 letters the server takes in each message but holds back its 250.
      sink.holdAfter(20, (mail) => ours.has(mail.parsed.messageId ?? ""));
      const first = startWorkerProcess("first worker", { smtpUrl: sink.url, staleSeconds }).child;
      workers.push(first);
      await waitFor("the first worker to be mid-send", () => arrivedLetters().length >= 20 && sink.held > 0);
      first.kill("SIGKILL");
      await new Promise((resolve) => first.once("exit", resolve));
      // What the dead worker had already written reaches the server now, if at all.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const heldAtDeath = sink.held;
      const claimedAtDeath = await db().deliveryMessage.count({ where: { status: "sending" } });
      sink.release();

      // A second worker takes over the dead one's holds once they are stale.
      workers.push(startWorkerProcess("second worker", { smtpUrl: sink.url, staleSeconds }).child);
      await waitFor(
        "every letter to be sent",
        async () => (await db().deliveryMessage.count({ where: { status: { not: "sent" } } })) === 0,
      );

      const arrived = arrivedLetters().map((m) => m.parsed.messageId);
      console.info(
        `killed holding ${claimedAtDeath} claimed messages, ${heldAtDeath} of them in full at the server without a 250; ${arrived.length} arrivals for ${letterEmails} letters`,
      );
      expect(claimedAtDeath).toBeGreaterThan(heldAtDeath);
      expect(new Set(arrived).size).toBe(letterEmails);
      expect(arrived.length - letterEmails).toBeLessThanOrEqual(heldAtDeath);

      // Sent twice or not, each letter counts once, and each supporter hears once.
      const platformLetters = await db().letter.count({ where: { channel: "platform_email" } });
      expect(await db().letter.count({ where: { channel: "platform_email", status: { not: "sent" } } })).toBe(0);
      expect((await getCampaignTotals(campaign.slug))?.lettersSent).toBe(platformLetters);
      await waitFor(
        "every delivery summary to be queued",
        async () => (await db().outboxMessage.count({ where: { kind: "delivery_summary" } })) === signatures,
      );
    },
  );
});
