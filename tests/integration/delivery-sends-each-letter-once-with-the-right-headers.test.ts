// Platform letters through a real SMTP server (smtp-server in this process).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { deliverMessage } from "@/lib/delivery/deliver-message";
import { closeMailer } from "@/lib/delivery/mailer";
import { sendSupporterEmail } from "@/lib/delivery/send-supporter-email";
import { resetDatabase } from "../helpers/db";
import { confirmedPlatformSignature, messageIdsOf, useAsMailServer } from "../helpers/delivery";
import { seedLaunchCampaign } from "../helpers/factories";
import { SmtpSink } from "../helpers/smtp-sink";

const sink = new SmtpSink();
let campaign: Awaited<ReturnType<typeof seedLaunchCampaign>>;

describe("delivery of platform letters", () => {
  beforeAll(async () => {
    await useAsMailServer(sink);
    await resetDatabase();
    campaign = await seedLaunchCampaign();
  });
  afterAll(async () => {
    closeMailer();
    await sink.stop();
  });

  it("sends one message per distinct address, from the campaign address in the supporter's chosen name", async () => {
    const signatureId = await confirmedPlatformSignature(campaign, {
      identity: "name_country",
      name: "Ana Ruiz",
      country: "ES",
    });
    const ids = await messageIdsOf(signatureId);
    // Lavrov, Krasnov, Bortnikov, and one message for Geneva and Brussels, which share an address.
    expect(ids).toHaveLength(4);
    for (const id of ids) expect(await deliverMessage(id)).toBe("sent");

    const mine = sink.received.filter((m) => m.parsed.from?.value[0]?.name?.startsWith("Ana Ruiz, Spain"));
    expect(
      mine
        .map((m) => m.envelopeTo)
        .flat()
        .sort(),
    ).toEqual(["fsb@fsb.ru", "ministry@mid.ru", "mission.russian@vtxnet.ch", "pressa@genproc.gov.ru"]);
    const lavrov = mine.find((m) => m.envelopeTo[0] === "ministry@mid.ru")!;
    expect(lavrov.parsed.from?.value[0]).toEqual({
      name: "Ana Ruiz, Spain (via Letter campaigns)",
      address: "letters@campaigns.example",
    });
    expect(lavrov.parsed.to).toMatchObject({ value: [{ address: "ministry@mid.ru", name: "Sergey Lavrov" }] });
    expect(lavrov.parsed.replyTo).toBeUndefined();
    expect(lavrov.parsed.subject).toBe("Remove Amnesty International from the list");
    expect(lavrov.parsed.text).toContain("Dear Minister,");
    expect(lavrov.parsed.text).toContain("Ana Ruiz, Spain");
    const stored = await db().deliveryMessage.findFirstOrThrow({
      where: { signatureId, toAddress: "ministry@mid.ru" },
    });
    expect(lavrov.parsed.messageId).toBe(stored.messageIdHeader);
    // Until a bounce says otherwise, what we know is that the relay took it.
    expect(stored.outcome).toBe("relayed");

    // Delivering again changes nothing: the row says it is sent.
    expect(await deliverMessage(ids[0]!)).toBe("already_done");
    expect(sink.received.filter((m) => m.parsed.from?.value[0]?.name?.startsWith("Ana Ruiz"))).toHaveLength(4);
    const letters = await db().letter.findMany({ where: { signatureId, channel: "platform_email" } });
    expect(letters.every((l) => l.status === "sent")).toBe(true);
  });

  it("adds Reply-To only when the supporter asked for replies", async () => {
    const signatureId = await confirmedPlatformSignature(campaign, {
      email: "replies.welcome@example.org",
      replyToMe: true,
    });
    const [first] = await messageIdsOf(signatureId);
    await deliverMessage(first!);
    const mail = sink.received.at(-1)!;
    expect(mail.parsed.replyTo?.value[0]?.address).toBe("replies.welcome@example.org");
  });

  it("sends the supporter's confirmation email from the outbox", async () => {
    const outbox = await db().outboxMessage.findFirstOrThrow({
      where: { kind: "address_confirmation", status: "queued" },
    });
    expect(await sendSupporterEmail(outbox.id)).toBe("sent");
    const mail = sink.received.at(-1)!;
    expect(mail.parsed.subject).toBe("Confirm your email address to send your letters");
    expect(mail.parsed.text).toMatch(/\/c\/russia-amnesty-undesirable\/confirm\?token=/);
  });

  it("holds letters while the campaign is paused, and sends them after", async () => {
    const signatureId = await confirmedPlatformSignature(campaign);
    const [id] = await messageIdsOf(signatureId);
    await db().campaign.update({ where: { id: campaign.id }, data: { deliveryPaused: true } });
    expect(await deliverMessage(id!)).toBe("rescheduled");
    expect(await db().deliveryMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "deferred",
      lastError: "Sending is paused for this campaign.",
    });
    await db().campaign.update({ where: { id: campaign.id }, data: { deliveryPaused: false } });
    expect(await deliverMessage(id!)).toBe("sent");
  });

  it("defers while the mail server is down and delivers each message exactly once when it is back", async () => {
    const signatureIds = [];
    for (let i = 0; i < 5; i++) signatureIds.push(await confirmedPlatformSignature(campaign));
    const ids = (await Promise.all(signatureIds.map(messageIdsOf))).flat();
    const port = sink.port;
    await sink.stop();
    closeMailer();
    for (const id of ids) expect(await deliverMessage(id)).toBe("deferred");
    const deferred = await db().deliveryMessage.findMany({ where: { id: { in: ids } } });
    expect(
      deferred.every((m) => m.status === "deferred" && m.attempts === 1 && /ECONNREFUSED/.test(m.lastError ?? "")),
    ).toBe(true);

    await sink.start(port);
    const before = sink.received.length;
    for (const id of ids) expect(await deliverMessage(id)).toBe("sent");
    for (const id of ids) expect(await deliverMessage(id)).toBe("already_done");
    const delivered = sink.received.slice(before).map((m) => m.parsed.messageId);
    expect(delivered).toHaveLength(ids.length);
    expect(new Set(delivered).size).toBe(ids.length);
  });

  it("keeps a dead letter with its reason after the last attempt", async () => {
    process.env.DELIVERY_MAX_ATTEMPTS = "8";
    const signatureId = await confirmedPlatformSignature(campaign);
    const [id] = await messageIdsOf(signatureId);
    await db().deliveryMessage.update({ where: { id }, data: { attempts: 7 } });
    const port = sink.port;
    await sink.stop();
    closeMailer();
    expect(await deliverMessage(id!)).toBe("failed");
    const dead = await db().deliveryMessage.findUniqueOrThrow({ where: { id } });
    expect(dead.status).toBe("failed");
    expect(dead.lastError).toMatch(/^Gave up after 8 attempts\. Last error: .*ECONNREFUSED/);
    expect(dead.outcome).toBe("refused");
    await sink.start(port);
  });
});
