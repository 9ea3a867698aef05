// A supporter who signs on the onion address gets every email (the
// confirmation made at signing, the thank-you and the delivery summary the
// worker makes later) with the onion link first and the usual address beside
// it. Where they signed is kept sealed in their contact row, nowhere in clear,
// and goes with the contact when they delete their data or it is purged.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { canonicalOrigin } from "@/lib/core/origins";
import { deliverMessage } from "@/lib/delivery/deliver-message";
import { sendSupporterEmail } from "@/lib/delivery/send-supporter-email";
import { openLinkOrigin } from "@/lib/privacy/email-links";
import { decryptText } from "@/lib/privacy/encryption";
import { queueConfirmationReminders } from "@/lib/follow-ups/remind-unconfirmed";
import { purgePersonalData } from "@/lib/privacy/purge-personal-data";
import { confirmSupporterEmail } from "@/lib/signatures/confirm-supporter-email";
import { deleteSupporterDataWithLink } from "@/lib/signatures/delete-supporter-data";
import { recordSignature } from "@/lib/signatures/record-signature";
import { messageIdsOf, mailServerForThisFile } from "../helpers/delivery";
import { seedLaunchCampaign } from "../helpers/factories";
import { launchSlug, postSignature } from "../helpers/signature-api";
import { SmtpSink } from "../helpers/smtp-sink";
import { submissionFor } from "../helpers/submissions";

const onionHost = `${"abcdefghijklmnopqrstuvwxyz234567".repeat(2).slice(0, 56)}.onion`;
const onion = `http://${onionHost}`;
// Read when the settings are first parsed, in this file's fresh modules.
const onionBefore = process.env.ONION_URL;
process.env.ONION_URL = onion;

const sink = new SmtpSink();
const day = 86_400_000;

type Campaign = Awaited<ReturnType<typeof seedLaunchCampaign>>;

/** Signs through the JSON API as a client on the onion address would. */
async function signOnTheOnion(campaign: Campaign, email: string): Promise<string> {
  const response = await postSignature(
    submissionFor(campaign, { channel: "platform_email", consentIdentity: true, email }),
    launchSlug,
    { host: onionHost },
  );
  expect(response.status).toBe(201);
  const contacts = await db().supporterContact.findMany({ select: { signatureId: true, emailEncrypted: true } });
  const mine = contacts.find(
    (c) =>
      c.emailEncrypted &&
      decryptText(c.emailEncrypted, { table: "SupporterContact", column: "emailEncrypted", row: c.signatureId }) ===
        email,
  );
  return mine!.signatureId;
}

type Kind = "address_confirmation" | "confirmation_reminder" | "thank_you" | "delivery_summary";

async function outboxText(signatureId: string, kind: Kind) {
  const message = await db().outboxMessage.findFirstOrThrow({ where: { signatureId, kind } });
  return decryptText(message.textEncrypted!, { table: "OutboxMessage", column: "textEncrypted", row: message.id });
}

const urls = (text: string) => text.match(/https?:\/\/[^\s"<]+/g) ?? [];

describe("a supporter who signed over Tor", () => {
  mailServerForThisFile(sink);
  afterAll(() => {
    if (onionBefore === undefined) delete process.env.ONION_URL;
    else process.env.ONION_URL = onionBefore;
  });

  it("keeps the onion origin sealed and gives the onion link first in the confirmation, thank-you and summary", async () => {
    const canonical = canonicalOrigin().origin;
    expect(canonical).not.toBe(onion);
    const campaign = await seedLaunchCampaign();
    const signatureId = await signOnTheOnion(campaign, "tor.reader@example.org");

    // Sealed: the row holds a ciphertext, not the origin; it opens to the onion origin.
    const contact = await db().supporterContact.findUniqueOrThrow({ where: { signatureId } });
    const sealed = Buffer.from(contact.linkOriginEncrypted!);
    expect(sealed.toString("latin1")).not.toContain(".onion");
    expect(sealed.toString("latin1")).not.toContain("abcdefghij");
    expect(openLinkOrigin(contact.linkOriginEncrypted, signatureId)).toBe(onion);

    // The confirmation made at signing: the onion link first, the usual one beside it, labelled.
    const confirmation = await outboxText(signatureId, "address_confirmation");
    expect(urls(confirmation)[0]).toMatch(new RegExp(`^${onion}/c/${launchSlug}/confirm\\?token=`));
    expect(confirmation).toContain(`Tor Browser (onion address): ${onion}/c/${launchSlug}/confirm?token=`);
    expect(confirmation).toContain(`Usual address: ${canonical}/c/${launchSlug}/confirm?token=`);
    expect(confirmation).toContain(`Tor Browser (onion address): ${onion}/privacy/delete?token=`);
    expect(confirmation).toContain(`Usual address: ${canonical}/privacy/delete?token=`);

    // The supporter follows the onion link.
    const token = new URL(urls(confirmation)[0]!).searchParams.get("token")!;
    expect((await confirmSupporterEmail(token)).outcome).toBe("confirmed");
    // The worker delivers every letter; the summary follows.
    for (const id of await messageIdsOf(signatureId)) expect(await deliverMessage(id)).toBe("sent");

    for (const kind of ["thank_you", "delivery_summary"] as const) {
      const text = await outboxText(signatureId, kind);
      expect(urls(text)[0], kind).toMatch(new RegExp(`^${onion}/privacy/delete\\?token=`));
      expect(text, kind).toContain(`Usual address: ${canonical}/privacy/delete?token=`);
    }

    // What arrives by mail, in both parts: the onion first.
    const queued = await db().outboxMessage.findMany({ where: { signatureId }, orderBy: { createdAt: "asc" } });
    for (const message of queued) expect(await sendSupporterEmail(message.id)).toBe("sent");
    const inbox = sink.received.filter((m) => m.envelopeTo[0] === "tor.reader@example.org");
    expect(inbox).toHaveLength(3);
    for (const mail of inbox) {
      expect(urls(mail.parsed.text ?? "")[0]).toMatch(new RegExp(`^${onion}/`));
      expect(String(mail.parsed.html).match(/href="([^"]+)"/)?.[1]).toMatch(new RegExp(`^${onion}/`));
      expect(mail.parsed.text).toContain(`${canonical}/privacy/delete?token=`);
    }
  });

  it("gives a supporter who signed on the usual address that link first, the onion beside it", async () => {
    const canonical = canonicalOrigin().origin;
    const campaign = await seedLaunchCampaign();
    const result = await recordSignature(
      launchSlug,
      submissionFor(campaign, { channel: "platform_email", consentIdentity: true, email: "clear.net@example.org" }),
      new Date(),
      "es",
      undefined,
      canonical,
    );
    if (result.outcome !== "recorded") throw new Error(result.outcome);
    // The sealed origins of a Tor reader and of this one are alike in length: the row tells no one who used Tor.
    const torReader = await signOnTheOnion(campaign, "another.tor.reader@example.org");
    const sealedLength = async (signatureId: string) =>
      (await db().supporterContact.findUniqueOrThrow({ where: { signatureId } })).linkOriginEncrypted!.length;
    expect(await sealedLength(result.signatureId)).toBe(await sealedLength(torReader));
    const confirmation = await outboxText(result.signatureId, "address_confirmation");
    expect(urls(confirmation)[0]).toMatch(new RegExp(`^${canonical}/c/${launchSlug}/confirm\\?token=`));
    expect(confirmation).toContain(`Dirección habitual: ${canonical}/c/`);
    expect(confirmation).toContain(`Tor Browser (dirección onion): ${onion}/c/`);
  });

  it("starts the reminder the worker makes later at the onion too", async () => {
    const campaign = await seedLaunchCampaign();
    const signatureId = await signOnTheOnion(campaign, "slow.reader@example.org");
    // Its confirmation went out (a held one gets no reminder).
    const confirmation = await db().outboxMessage.findFirstOrThrow({
      where: { signatureId, kind: "address_confirmation" },
    });
    expect(await sendSupporterEmail(confirmation.id)).toBe("sent");
    // 55 of the link's 72 hours later, unconfirmed.
    await queueConfirmationReminders(new Date(Date.now() + 55 * 3_600_000));
    const reminder = await outboxText(signatureId, "confirmation_reminder");
    expect(urls(reminder)[0]).toMatch(new RegExp(`^${onion}/c/${launchSlug}/confirm\\?token=`));
    expect(reminder).toContain(`Usual address: ${canonicalOrigin().origin}/c/${launchSlug}/confirm?token=`);
  });

  it("stores no origin for a supporter who gave no address", async () => {
    const campaign = await seedLaunchCampaign();
    const before = await db().supporterContact.count();
    const response = await postSignature(submissionFor(campaign), launchSlug, { host: onionHost });
    expect(response.status).toBe(201);
    expect(await db().supporterContact.count()).toBe(before);
  });

  it("erases the sealed origin with the contact when the supporter deletes their data", async () => {
    const campaign = await seedLaunchCampaign();
    const signatureId = await signOnTheOnion(campaign, "deletes.me@example.org");
    const confirmation = await outboxText(signatureId, "address_confirmation");
    const deleteLink = urls(confirmation).find((url) => url.startsWith(`${onion}/privacy/delete`))!;
    const result = await deleteSupporterDataWithLink(new URL(deleteLink).searchParams.get("token")!);
    expect(result.outcome).toBe("deleted");
    expect(await db().supporterContact.count({ where: { signatureId } })).toBe(0);
    expect(await db().outboxMessage.count({ where: { signatureId } })).toBe(0);
  });

  it("erases the sealed origin with the contact when personal data is purged", async () => {
    const campaign = await seedLaunchCampaign();
    const signatureId = await signOnTheOnion(campaign, "never.confirms@example.org");
    expect(
      (await db().supporterContact.findUniqueOrThrow({ where: { signatureId } })).linkOriginEncrypted,
    ).not.toBeNull();
    // Never confirmed: its data is due once the link expired and the retention period passed.
    await purgePersonalData(new Date(Date.now() + 400 * day));
    expect(await db().supporterContact.count({ where: { signatureId } })).toBe(0);
    expect(await db().supporterContact.count({ where: { linkOriginEncrypted: { not: null } } })).toBe(0);
  });
});
