// The emails a supporter receives, through a real SMTP server: the address
// confirmation, a thank-you once confirmed, and one delivery summary when
// every letter has ended, each with text and HTML parts and the delete link.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { deliverMessage } from "@/lib/delivery/deliver-message";
import { closeMailer } from "@/lib/delivery/mailer";
import { sendSupporterEmail } from "@/lib/delivery/send-supporter-email";
import { confirmedPlatformSignature, messageIdsOf, mailServerForThisFile } from "../helpers/delivery";
import { seedLaunchCampaign } from "../helpers/factories";
import { SmtpSink } from "../helpers/smtp-sink";

const sink = new SmtpSink();

async function sendOutbox(signatureId: string) {
  const queued = await db().outboxMessage.findMany({
    where: { signatureId, status: "queued" },
    orderBy: { createdAt: "asc" },
  });
  for (const message of queued) expect(await sendSupporterEmail(message.id)).toBe("sent");
  return sink.received.filter((m) => m.envelopeTo[0] === "ana.ruiz@example.org");
}

describe("emails to a supporter", () => {
  mailServerForThisFile(sink);

  it("confirmation, thank-you, then one delivery summary, each in text and HTML with a delete link", async () => {
    const campaign = await seedLaunchCampaign();
    const signatureId = await confirmedPlatformSignature(campaign, { email: "ana.ruiz@example.org", language: "ru" });
    let inbox = await sendOutbox(signatureId);
    expect(inbox.map((m) => m.parsed.subject)).toEqual([
      "Подтвердите адрес эл. почты, чтобы отправить письма",
      "Спасибо: ваши письма отправляются",
    ]);

    const ids = await messageIdsOf(signatureId);
    await db().deliveryMessage.update({ where: { id: ids[0] }, data: { attempts: 7 } });
    process.env.DELIVERY_MAX_ATTEMPTS = "8";
    await sink.stop();
    closeMailer();
    expect(await deliverMessage(ids[0]!)).toBe("failed");
    await sink.start(sink.port);
    for (const id of ids.slice(1)) expect(await deliverMessage(id)).toBe("sent");
    // A retried job after the end changes nothing: still one summary.
    expect(await deliverMessage(ids[1]!)).toBe("already_done");
    expect(await db().outboxMessage.count({ where: { signatureId, kind: "delivery_summary" } })).toBe(1);

    inbox = await sendOutbox(signatureId);
    expect(inbox).toHaveLength(3);
    const summary = inbox[2]!;
    expect(summary.parsed.subject).toBe("Ваши письма: отчёт о доставке");
    expect(summary.parsed.text).toMatch(/не удалось доставить/);
    // The date the letters went out, in Russian and in UTC, whatever today is.
    const delivered = await db().deliveryMessage.findUniqueOrThrow({ where: { id: ids[1]! } });
    const deliveredOn = new Intl.DateTimeFormat("ru", { dateStyle: "long", timeZone: "UTC" }).format(delivered.sentAt!);
    expect(deliveredOn).toMatch(/^\d{1,2} [а-я]+ \d{4} г\.$/);
    expect(summary.parsed.text).toContain(`отправлено ${deliveredOn} и принято почтовыми серверами`);
    for (const mail of inbox) {
      expect(mail.parsed.text).toMatch(/\/privacy\/delete\?token=[^\s]+&lang=ru/);
      expect(mail.parsed.html).toMatch(/<a href="[^"]*\/privacy\/delete\?token=[^"]+&amp;lang=ru">/);
      expect(mail.parsed.from?.value[0]).toMatchObject({ address: "letters@campaigns.example" });
    }
  });

  it("keeps no supporter address in clear when their mail server refuses an email", async () => {
    const campaign = await seedLaunchCampaign();
    sink.refuse.add("gone.away@example.org");
    const signatureId = await confirmedPlatformSignature(campaign, { email: "gone.away@example.org" });
    const confirmation = await db().outboxMessage.findFirstOrThrow({
      where: { signatureId, kind: "address_confirmation" },
    });
    expect(await sendSupporterEmail(confirmation.id)).toBe("failed");
    const stored = await db().outboxMessage.findUniqueOrThrow({ where: { id: confirmation.id } });
    expect(stored.lastError).toContain("550 <[address]>: Recipient address rejected: User unknown");
    expect(stored.lastError).not.toContain("gone.away");
  });
});
