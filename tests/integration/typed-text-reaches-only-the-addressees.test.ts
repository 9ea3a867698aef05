// Property test over the whole path: a signature with hostile text, accepted
// by the form's schema, recorded, confirmed and delivered to a real SMTP
// server, reaches the addressees and no one else, with our headers only.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverMessage } from "@/lib/delivery/deliver-message";
import { closeMailer } from "@/lib/delivery/mailer";
import { signatureSubmissionSchema } from "@/lib/letters/schema";
import { resetDatabase } from "../helpers/db";
import { confirmedPlatformSignature, messageIdsOf, useAsMailServer } from "../helpers/delivery";
import { seedLaunchCampaign } from "../helpers/factories";
import { SmtpSink } from "../helpers/smtp-sink";

const sink = new SmtpSink();
const addresseeAddresses = ["fsb@fsb.ru", "ministry@mid.ru", "mission.russian@vtxnet.ch", "pressa@genproc.gov.ru"];
const allowedHeaders = new Set([
  "from",
  "to",
  "reply-to",
  "subject",
  "message-id",
  "date",
  "mime-version",
  "content-type",
  "content-transfer-encoding",
]);

// One-line tricks for names and subjects (the schema refuses line breaks
// there), and line-break tricks for the letter's body.
const lineTrick = fc.constantFrom(
  ", extra@evil.example",
  "<extra@evil.example>",
  '"q" <q@evil.example>;',
  "Bcc: x@evil.example",
  "=?utf-8?B?QmNjOiB4QGV2aWwuZXhhbXBsZQ==?=",
  "\u202E",
  "Ⅿ",
);
const bodyTrick = fc.constantFrom(
  "\r\nBcc: victim@evil.example\r\n",
  "\n.\nRCPT TO:<y@evil.example>\n",
  "\r\n\r\nTo: z@evil.example",
  "\n.\n",
);
const line = fc
  .array(fc.oneof(lineTrick, fc.string({ minLength: 1, maxLength: 20 })), { minLength: 1, maxLength: 4 })
  .map((p) => p.join(" "));
const body = fc
  .array(fc.oneof(bodyTrick, lineTrick, fc.string({ maxLength: 40 })), { maxLength: 6 })
  .map((p) => `{{salutation}}\n${p.join("")}\n{{signer}}`);

describe("text a supporter types, sent through our SMTP path", () => {
  let campaign: Awaited<ReturnType<typeof seedLaunchCampaign>>;
  beforeAll(async () => {
    await useAsMailServer(sink);
    await resetDatabase();
    campaign = await seedLaunchCampaign();
  });
  afterAll(async () => {
    closeMailer();
    await sink.stop();
  });

  it("reaches the addressees and no one else, with no added header", { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ name: line, city: line, subject: line, body, replyToMe: fc.boolean() }),
        async (typed) => {
          const parsed = signatureSubmissionSchema.safeParse({
            ...typed,
            addressees: campaign.addressees.map((a) => a.addressee.id),
            language: "en",
            identity: "full",
            country: "FR",
            channel: "platform_email",
            email: "supporter@example.org",
            consentIdentity: true,
            consentCounted: true,
          });
          fc.pre(parsed.success);
          const signatureId = await confirmedPlatformSignature(campaign, {
            ...parsed.data!,
            email: `s${Math.random().toString(36).slice(2)}@example.org`,
          });
          const before = sink.received.length;
          for (const id of await messageIdsOf(signatureId)) expect(await deliverMessage(id)).toBe("sent");
          const arrived = sink.received.slice(before);
          expect(arrived.flatMap((m) => m.envelopeTo).sort()).toEqual(addresseeAddresses);
          for (const mail of arrived) {
            expect([...mail.parsed.headers.keys()].filter((h) => !allowedHeaders.has(h))).toEqual([]);
            expect(mail.parsed.cc).toBeUndefined();
            expect(mail.parsed.bcc).toBeUndefined();
            expect(mail.parsed.from?.value.map((a) => a.address)).toEqual(["letters@campaigns.example"]);
          }
        },
      ),
      { numRuns: Number(process.env.PROPERTY_RUNS_DB ?? 25) },
    );
  });
});
