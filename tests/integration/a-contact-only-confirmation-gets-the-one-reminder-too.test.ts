// An address given with "the organisers may email me" and no letters for our
// server to send is confirmed like any other, so it follows the same rules:
// one reminder once 54 of the link's 72 hours have passed, in the supporter's
// language, through a real SMTP server, worded for the address alone (no
// letters wait; nothing is sent in their name), with a link that works until
// the first one's deadline; none for an address confirmed meanwhile, nor
// for a confirmation that was held while the address was flooded. Held, it
// is listed with the others when the hour ends, in those same words. Every
// time below is counted from a fixed signing time.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { closeMailer } from "@/lib/delivery/mailer";
import { queueConfirmationReminders } from "@/lib/follow-ups/remind-unconfirmed";
import { decryptText } from "@/lib/privacy/encryption";
import { confirmSupporterEmail, confirmationToShow } from "@/lib/signatures/confirm-supporter-email";
import { confirmationToken } from "@/lib/signatures/confirmation-email";
import { sendHeldConfirmations } from "@/lib/signatures/held-confirmations";
import { resetDatabase } from "../helpers/db";
import { useAsMailServer } from "../helpers/delivery";
import { seedLaunchCampaign } from "../helpers/factories";
import { sendQueuedReminders, signWithConfirmation } from "../helpers/confirmations";
import { SmtpSink } from "../helpers/smtp-sink";

const sink = new SmtpSink();
const hour = 3_600_000;
const signedAt = new Date("2026-03-02T09:30:00Z");
const at = (hours: number) => new Date(signedAt.getTime() + hours * hour);

let campaign: Awaited<ReturnType<typeof seedLaunchCampaign>>;

/** Signs with "you may email me" and letters to send oneself; the confirmation email is sent unless `send` is false. */
const sign = (email: string, language = "en", send = true) =>
  signWithConfirmation(
    campaign,
    { channel: "own_email_client", email, language, consentContact: true },
    signedAt,
    send,
  );
const sendReminders = sendQueuedReminders;

const inboxOf = (address: string) => sink.received.filter((m) => m.envelopeTo[0] === address);
const reminders = (signatureId: string) =>
  db().outboxMessage.count({ where: { signatureId, kind: "confirmation_reminder" } });

describe("the confirmation reminder, for an address kept only to be contacted", () => {
  beforeAll(async () => {
    await useAsMailServer(sink);
    await resetDatabase();
    campaign = await seedLaunchCampaign();
  });
  afterAll(async () => {
    closeMailer();
    await sink.stop();
  });

  it("goes once, in the supporter's language, 54 hours after signing, worded for the address alone", async () => {
    const signatureId = await sign("irina@example.org", "ru");
    expect(await queueConfirmationReminders(at(53.9))).toBe(0);
    expect(await queueConfirmationReminders(at(54))).toBe(1);
    expect(await Promise.all([queueConfirmationReminders(at(60)), queueConfirmationReminders(at(60))])).toEqual([0, 0]);
    await sendReminders();

    const inbox = inboxOf("irina@example.org");
    expect(inbox.map((m) => m.parsed.subject)).toEqual([
      "Подтвердите адрес эл. почты, чтобы получать новости о призыве",
      "Напоминание: подтвердите адрес эл. почты, чтобы получать новости о призыве",
    ]);
    const reminder = inbox[1]!.parsed;
    const deadline = new Intl.DateTimeFormat("ru", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(
      at(72),
    );
    expect(reminder.text).toContain(`Ссылка действует до ${deadline} (UTC).`);
    expect(reminder.text).toContain("От вашего имени ничего не отправляется.");
    expect(reminder.text).toContain("Это единственное напоминание");
    // No letters wait: the letters' reminder words are not used.
    expect(reminder.text).not.toContain("Письма ждут подтверждения");
    expect(reminder.text).toMatch(/\/privacy\/delete\?token=[^\s]+&lang=ru/);
    const link = reminder.text!.match(/(https?:\/\/\S+\/c\/[^/\s]+\/confirm\?token=\S+)/)![1]!;
    const token = decodeURIComponent(new URL(link).searchParams.get("token")!);
    expect(await confirmationToShow(token, "ru", at(71.9))).toMatchObject({ kind: "contact" });
    expect(await confirmationToShow(token, "ru", at(72.01))).toEqual({ kind: "nothing_left" });
    expect(await confirmSupporterEmail(token, at(70))).toEqual({ outcome: "confirmed", letters: 0, contactOnly: true });
    expect(await reminders(signatureId)).toBe(1);
  });

  it("does not go to a supporter who confirmed, nor once the link has expired", async () => {
    const confirmed = await sign("confirmed.contact@example.org");
    expect(await confirmSupporterEmail(confirmationToken(confirmed, signedAt), at(1))).toMatchObject({
      outcome: "confirmed",
    });
    const late = await sign("late.contact@example.org");
    expect(await queueConfirmationReminders(at(72.01))).toBe(0);
    expect(await queueConfirmationReminders(at(55))).toBe(1);
    expect(await reminders(confirmed)).toBe(0);
    expect(await reminders(late)).toBe(1);
    await sendReminders();
    expect(inboxOf("late.contact@example.org").map((m) => m.parsed.subject)).toEqual([
      "Confirm your email address to hear about the appeal",
      "Reminder: confirm your email address to hear about the appeal",
    ]);
  });

  it("is held with the others while the address is flooded, listed in the same words when the hour ends, and gets no reminder", async () => {
    // Five confirmations an hour per address; the sixth submission is held.
    const flooded: string[] = [];
    for (let i = 0; i < 6; i++) flooded.push(await sign("flooded.contact@example.org", "fr", false));
    const held = flooded[5]!;
    expect(await db().outboxMessage.count({ where: { signatureId: held } })).toBe(0);
    const [row] = await db().heldConfirmation.findMany({ where: { signatureId: held } });
    expect(row).toBeDefined();

    expect(await sendHeldConfirmations(row!.addressKey, at(1))).toBe(1);
    const digest = await db().outboxMessage.findFirstOrThrow({ where: { kind: "held_confirmations" } });
    expect(digest.signatureId).toBe(held);
    const text = decryptText(digest.textEncrypted, { table: "OutboxMessage", column: "textEncrypted", row: digest.id });
    expect(digest.subject).toBe(
      "Votre adresse a été donnée dans notre formulaire : ne confirmez que ce que vous avez fait vous-même",
    );
    expect(text).toContain(
      "campagne « Russie : levez l’interdiction d’Amnesty International » : les organisateurs peuvent-ils vous écrire au sujet de cet appel ? (rien n’est envoyé en votre nom)",
    );
    expect(text).toMatch(/Confirmer mon adresse pour cet appel \(72 heures\) :\nhttps?:\/\/\S+\/confirm\?token=/);
    expect(text).not.toContain("lettres à :");

    await queueConfirmationReminders(at(56));
    expect(await reminders(held)).toBe(0);
    // The five confirmations that were never sent get no reminder either.
    expect(
      await db().outboxMessage.count({ where: { kind: "confirmation_reminder", signatureId: { in: flooded } } }),
    ).toBe(0);
  });
});
