// A real worker process delivers letters and supporter emails while mail
// servers refuse some of them with errors that quote the address (as real
// servers do): what it writes to its output holds nothing the supporter typed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { resetDatabase } from "../helpers/db";
import { confirmedPlatformSignature } from "../helpers/delivery";
import { seedLaunchCampaign } from "../helpers/factories";
import { SmtpSink } from "../helpers/smtp-sink";
import { startWorkerProcess, waitFor, type WorkerProcess } from "../helpers/worker-process";

const sink = new SmtpSink();
let worker: WorkerProcess | undefined;

const supporter = {
  name: "Fyodor Logcheck-Ivanov",
  city: "Logchester",
  email: "fyodor.logcheck@example.org",
  subject: "Logcheck subject for the worker",
  sentence: "Worker logcheck sentence seven-two-two",
};

describe("the delivery worker's log", () => {
  beforeAll(async () => {
    await sink.start();
    await resetDatabase();
  });
  afterAll(async () => {
    worker?.child.kill("SIGKILL");
    await sink.stop();
  });

  it(
    "holds no name, city, address, subject or letter text, even when servers refuse",
    { timeout: 60_000 },
    async () => {
      const campaign = await seedLaunchCampaign();
      // The supporter's own mail server refuses the thank-you (550 quoting their address).
      sink.refuse.add(supporter.email);
      const signatureId = await confirmedPlatformSignature(campaign, {
        email: supporter.email,
        identity: "full",
        name: supporter.name,
        city: supporter.city,
        subject: supporter.subject,
        body: `{{salutation}}\n\n${supporter.sentence}\n\n{{signer}}`,
        replyToMe: true,
      });
      worker = startWorkerProcess("worker", { smtpUrl: sink.url });
      await waitFor("the letters to be sent and the thank-you refused", async () => {
        const letters = await db().deliveryMessage.count({ where: { signatureId, status: "sent" } });
        const refused = await db().outboxMessage.count({ where: { signatureId, kind: "thank_you", status: "failed" } });
        return letters === 4 && refused === 1;
      });
      // The letters did carry the supporter's words to the addressees...
      expect(sink.received.some((m) => m.parsed.text?.includes(supporter.sentence))).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const log = worker.output();
      // ...and the process wrote its output, but none of them.
      expect(log).toContain("Delivery worker running.");
      for (const [what, value] of Object.entries(supporter))
        expect(log, `${what} in the worker's log`).not.toContain(value);
    },
  );
});
