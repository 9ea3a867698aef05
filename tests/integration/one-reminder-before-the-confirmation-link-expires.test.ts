// A supporter who never confirms their address used to lose their letters
// without a word. Now exactly one reminder goes when three quarters of the
// link's 72 hours have passed, in their language, through a real SMTP server,
// with a link to the page that shows the exact text (valid until the first
// link's deadline) and the delete link; then nothing more. The clock is set:
// every time below is counted from a fixed signing time.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { closeMailer } from "@/lib/delivery/mailer";
import { sendSupporterEmail } from "@/lib/delivery/send-supporter-email";
import { queueConfirmationReminders } from "@/lib/follow-ups/remind-unconfirmed";
import { confirmSupporterEmail, readConfirmationToken } from "@/lib/signatures/confirm-supporter-email";
import { confirmationToken } from "@/lib/signatures/confirmation-email";
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

/** Signs for platform sending at `signedAt`; the confirmation email is sent unless `send` is false. */
const sign = (email: string, language = "en", send = true) =>
  signWithConfirmation(campaign, { channel: "platform_email", consentIdentity: true, email, language }, signedAt, send);
const sendReminders = sendQueuedReminders;

const inboxOf = (address: string) => sink.received.filter((m) => m.envelopeTo[0] === address);

describe("the confirmation reminder", () => {
  beforeAll(async () => {
    await useAsMailServer(sink);
    await resetDatabase();
    campaign = await seedLaunchCampaign();
  });
  afterAll(async () => {
    closeMailer();
    await sink.stop();
  });

  it("goes once, in the supporter's language, 54 hours after signing, with a link that works until the first one's deadline", async () => {
    const signatureId = await sign("olga@example.org", "ru");
    expect(await queueConfirmationReminders(at(53.9))).toBe(0);
    expect(await queueConfirmationReminders(at(54))).toBe(1);
    // Later runs, and a second worker at the same time, file nothing more.
    expect(await Promise.all([queueConfirmationReminders(at(60)), queueConfirmationReminders(at(60))])).toEqual([0, 0]);
    expect(await queueConfirmationReminders(at(71))).toBe(0);
    await sendReminders();

    const inbox = inboxOf("olga@example.org");
    expect(inbox.map((m) => m.parsed.subject)).toEqual([
      "Подтвердите адрес эл. почты, чтобы отправить письма",
      "Напоминание: ваши письма ждут подтверждения",
    ]);
    const reminder = inbox[1]!.parsed;
    const deadline = new Intl.DateTimeFormat("ru", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(
      at(72),
    );
    expect(reminder.text).toContain(`Ссылка действует до ${deadline} (UTC).`);
    expect(reminder.text).toContain("Это единственное напоминание");
    expect(reminder.text).toMatch(/\/privacy\/delete\?token=[^\s]+&lang=ru/);
    expect(reminder.html).toMatch(/<a href="[^"]*\/privacy\/delete\?token=[^"]+&amp;lang=ru">/);
    // The link opens the page that shows the exact text, until the first link's deadline and not after.
    const link = reminder.text!.match(/(https?:\/\/\S+\/c\/[^/\s]+\/confirm\?token=\S+)/)![1]!;
    expect(link).toContain(`/c/${campaign.slug}/confirm?`);
    expect(link).toContain("lang=ru");
    const token = decodeURIComponent(new URL(link).searchParams.get("token")!);
    expect(readConfirmationToken(token, at(71.9))).toBe("valid");
    expect(readConfirmationToken(token, at(72.01))).toBe("expired");
    expect(await confirmSupporterEmail(token, at(70))).toMatchObject({ outcome: "confirmed" });
    expect(await db().outboxMessage.count({ where: { signatureId, kind: "confirmation_reminder" } })).toBe(1);
  });

  it("does not go to a supporter who confirmed, nor once the link has expired", async () => {
    const confirmed = await sign("confirmed@example.org");
    expect(await confirmSupporterEmail(confirmationToken(confirmed, signedAt), at(1))).toMatchObject({
      outcome: "confirmed",
    });
    const late = await sign("late@example.org");
    expect(await queueConfirmationReminders(at(72.01))).toBe(0);
    expect(await queueConfirmationReminders(at(55))).toBe(1);
    expect(await db().outboxMessage.count({ where: { signatureId: confirmed, kind: "confirmation_reminder" } })).toBe(
      0,
    );
    expect(await db().outboxMessage.count({ where: { signatureId: late, kind: "confirmation_reminder" } })).toBe(1);

    // Confirmed after the reminder was filed but before it went: it does not go.
    expect(await confirmSupporterEmail(confirmationToken(late, signedAt), at(55.1))).toMatchObject({
      outcome: "confirmed",
    });
    const reminder = await db().outboxMessage.findFirstOrThrow({
      where: { signatureId: late, kind: "confirmation_reminder" },
    });
    expect(await sendSupporterEmail(reminder.id)).toBe("already_done");
    expect(inboxOf("late@example.org").map((m) => m.parsed.subject)).not.toContain(
      "Reminder: your letters are waiting for your confirmation",
    );
  });

  it("does not go where the confirmation email never went out: a refused address, or a submission held while its address was flooded", async () => {
    sink.refuse.add("nobody@example.org");
    const refused = await sign("nobody@example.org", "en", false);
    const confirmation = await db().outboxMessage.findFirstOrThrow({
      where: { signatureId: refused, kind: "address_confirmation" },
    });
    expect(await sendSupporterEmail(confirmation.id)).toBe("failed");

    // Five confirmations an hour per address; the sixth submission is held.
    const flooded: string[] = [];
    for (let i = 0; i < 6; i++) flooded.push(await sign("flooded@example.org", "fr", false));
    const held = flooded[5]!;
    expect(await db().outboxMessage.count({ where: { signatureId: held } })).toBe(0);

    await queueConfirmationReminders(at(56));
    expect(await db().outboxMessage.count({ where: { signatureId: refused, kind: "confirmation_reminder" } })).toBe(0);
    expect(await db().outboxMessage.count({ where: { signatureId: held, kind: "confirmation_reminder" } })).toBe(0);
    // Confirmation emails that were never sent get no reminder either.
    expect(
      await db().outboxMessage.count({ where: { kind: "confirmation_reminder", signatureId: { in: flooded } } }),
    ).toBe(0);
  });

  it("spends the address's hourly allowance of confirmation emails, so a flood cannot double what its inbox gets", async () => {
    // Five confirmation emails to one address this hour: its allowance is spent.
    const address = "ruth@example.org";
    const signatures = [];
    for (let i = 0; i < 5; i++) signatures.push(await sign(address));
    // Their reminders fall due while the allowance is still spent: none is filed…
    expect(await queueConfirmationReminders(at(55))).toBe(0);
    expect(
      await db().outboxMessage.count({ where: { kind: "confirmation_reminder", signatureId: { in: signatures } } }),
    ).toBe(0);
    // …while another address, with its allowance, gets its one.
    await sign("sam@example.org");
    expect(await queueConfirmationReminders(at(55))).toBe(1);
  });
});
