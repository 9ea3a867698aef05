// A supporter who prints their letters (no letters for our server to send)
// and ticks "the organisers may email me" counts at once, like anyone who
// sends their own letters, and gets one email, through a real SMTP server,
// asking them to confirm the address: it says that nothing is sent in their
// name and shows no letter. Confirming marks the address confirmed, so staff's
// outcome update reaches them, and changes no figure: not the totals, not
// the partner's count. A second signature with an address already confirmed
// for the campaign ("already_signed") keeps the count it got when it was made
// and loses its address, so its owner hears from the organisers once; a
// later platform signature with it is not counted and sends nothing, as for
// any address that signed before. Times are fixed: nothing depends on today.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffIdentity } from "@/lib/auth/staff-identity";
import { db } from "@/lib/core/db";
import { closeMailer } from "@/lib/delivery/mailer";
import { sendSupporterEmail } from "@/lib/delivery/send-supporter-email";
import { listUpdateCampaigns, sendOutcomeUpdate } from "@/lib/follow-ups/send-outcome-update";
import type { SignatureSubmission } from "@/lib/letters/schema";
import { decryptText } from "@/lib/privacy/encryption";
import {
  confirmSupporterEmail,
  confirmationToShow,
  lettersAwaitingConfirmation,
} from "@/lib/signatures/confirm-supporter-email";
import { recordSignature } from "@/lib/signatures/record-signature";
import { getCampaignTotals } from "@/lib/tallies/get-campaign-totals";
import { rollUpTallies } from "@/lib/tallies/roll-up-tallies";
import { countRows, resetDatabase } from "../helpers/db";
import { useAsMailServer } from "../helpers/delivery";
import { partnerCounts, seedLaunchCampaign, staffMember } from "../helpers/factories";
import { SmtpSink } from "../helpers/smtp-sink";
import { submissionFor } from "../helpers/submissions";

const sink = new SmtpSink();
const hour = 3_600_000;
const signedAt = new Date("2026-03-02T09:30:00Z");
const at = (hours: number) => new Date(signedAt.getTime() + hours * hour);
const address = "lena.weiss@example.org";

let campaign: Awaited<ReturnType<typeof seedLaunchCampaign>>;
let staff: StaffIdentity;
let first: string;

async function sign(overrides: Partial<SignatureSubmission>, now: Date): Promise<string> {
  const result = await recordSignature(campaign.slug, submissionFor(campaign, overrides), now);
  if (result.outcome !== "recorded") throw new Error(result.outcome);
  return result.signatureId;
}

const contactOnly = (now: Date, email = address) =>
  sign(
    {
      channel: "pdf_print",
      language: "fr",
      email,
      consentContact: true,
      identity: "full",
      name: "Lena Weiss",
      city: "Bern",
      source: "amnesty-be",
    },
    now,
  );

/** The confirmation link's token, read from the email the supporter received. */
function tokenIn(text: string): string {
  const link = text.match(/https?:\/\/\S+\/c\/[^/\s]+\/confirm\?token=\S+/)![0];
  return decodeURIComponent(new URL(link).searchParams.get("token")!);
}

async function sendQueued(signatureId: string) {
  const queued = await db().outboxMessage.findMany({ where: { signatureId, status: "queued" } });
  for (const message of queued) expect(await sendSupporterEmail(message.id)).toBe("sent");
}

const inbox = () => sink.received.filter((m) => m.envelopeTo[0]?.toLowerCase() === address);

/** Every figure the public and the partners see, and the raw rows behind the signature count. */
async function figures() {
  const totals = await getCampaignTotals(campaign.slug);
  return {
    signatures: totals!.signatures,
    letters: totals!.letters,
    lettersByChannel: totals!.lettersByChannel,
    lettersSent: totals!.lettersSent,
    partner: (await partnerCounts(campaign.slug))["amnesty-be"],
    countedRows: await countRows(
      `SELECT count(*) AS n FROM "Signature" WHERE "campaignId" = $1::uuid AND "countedAt" IS NOT NULL`,
      campaign.id,
    ),
  };
}

describe("a supporter without letters for us to send who agrees to be contacted", () => {
  beforeAll(async () => {
    await useAsMailServer(sink);
    await resetDatabase();
    campaign = await seedLaunchCampaign();
    staff = await staffMember("staff");
    await db().campaignSource.create({
      data: { campaignId: campaign.id, code: "amnesty-be", label: "Amnesty Belgium newsletter" },
    });
  });
  afterAll(async () => {
    closeMailer();
    await sink.stop();
  });

  it("counts at once and gets one email that asks only to confirm the address, with no letter in it", async () => {
    first = await contactOnly(signedAt);
    await rollUpTallies();
    expect(await figures()).toMatchObject({ signatures: 1, partner: 1, countedRows: 1 });
    // The address alone: no name or city (they sign letters we send, and there are none), no Reply-To, no partner code.
    const contact = await db().supporterContact.findUniqueOrThrow({ where: { signatureId: first } });
    expect(contact).toMatchObject({
      consentContact: true,
      replyToSupporter: false,
      nameEncrypted: null,
      cityEncrypted: null,
      sourceCode: null,
      emailConfirmedAt: null,
    });
    expect(
      decryptText(contact.emailEncrypted!, { table: "SupporterContact", column: "emailEncrypted", row: first }),
    ).toBe(address);

    await sendQueued(first);
    expect(inbox()).toHaveLength(1);
    const mail = inbox()[0]!.parsed;
    expect(mail.subject).toBe("Confirmez votre adresse e-mail pour avoir des nouvelles de l’appel");
    expect(mail.text).toContain("accepté que les organisateurs vous écrivent au sujet de cet appel");
    expect(mail.text).toContain("Rien n’est envoyé en votre nom : votre signature compte déjà");
    expect(mail.text).toMatch(/Confirmer mon adresse \(le lien est valable 72 heures\) :\nhttps?:\/\/\S+\/confirm\?/);
    expect(mail.text).toMatch(/Ce n’était pas moi : supprimer :\nhttps?:\/\/\S+\/privacy\/delete\?token=\S+&lang=fr/);
    // No letter: nothing "will be sent in your name".
    expect(mail.text).not.toContain("Please act.");
    expect(mail.text).not.toContain("exactement ce qui sera envoyé");
    expect(mail.html).toMatch(/<a href="[^"]*\/confirm\?token=[^"]+&amp;lang=fr">Confirmer mon adresse/);

    // The page behind the link shows the same: an address to confirm, no letters.
    const token = tokenIn(mail.text!);
    expect(await confirmationToShow(token, "fr", at(1))).toEqual({
      kind: "contact",
      deletePath: expect.stringMatching(/\/privacy\/delete\?token=.+&lang=fr$/),
    });
    expect(await lettersAwaitingConfirmation(token, "fr", at(1))).toBeNull();
  });

  it("confirming marks the address confirmed without counting anything again, and the outcome update then reaches them", async () => {
    const before = await figures();
    const pendingBefore = await db().pendingTally.count();
    const token = tokenIn(inbox()[0]!.parsed.text!);

    expect(await confirmSupporterEmail(token, at(2))).toEqual({ outcome: "confirmed", letters: 0, contactOnly: true });
    expect(await figures()).toEqual(before);
    expect(await db().pendingTally.count()).toBe(pendingBefore);
    await rollUpTallies();
    expect(await figures()).toEqual(before);
    expect(await db().supporterContact.findUniqueOrThrow({ where: { signatureId: first } })).toMatchObject({
      emailConfirmedAt: at(2),
    });
    expect(await db().signature.findUniqueOrThrow({ where: { id: first } })).toMatchObject({
      countedAt: signedAt,
      emailHash: expect.any(Uint8Array),
    });
    // No letters were waiting: no delivery, no "your letters are on their way".
    expect(await db().deliveryMessage.count({ where: { signatureId: first } })).toBe(0);
    expect(await db().outboxMessage.count({ where: { signatureId: first, kind: "thank_you" } })).toBe(0);
    // A second click, or opening the link again, says it is done.
    expect(await confirmSupporterEmail(token, at(3))).toEqual({
      outcome: "already_confirmed",
      letters: 0,
      contactOnly: true,
    });
    expect(await confirmationToShow(token, "fr", at(3))).toEqual({ kind: "contact_already_confirmed" });
    expect(await figures()).toEqual(before);

    const [listed] = await listUpdateCampaigns(staff, "en");
    expect(listed!.languages.find((l) => l.language === "fr")).toMatchObject({ recipients: 1 });
    const draft = {
      campaignId: campaign.id,
      language: "fr",
      subject: "Amnesty International : des nouvelles",
      body: "Le ministère a répondu.",
    };
    expect(await sendOutcomeUpdate(staff, draft, 1)).toEqual({ outcome: "sent", queued: 1 });
    await sendQueued(first);
    const update = inbox().find((m) => m.parsed.subject === draft.subject)!;
    expect(update.parsed.text).toContain("Le ministère a répondu.");
    expect(await figures()).toEqual(before);
  });

  it("a second signature with the confirmed address keeps its count, loses its address, and the owner hears once", async () => {
    // Printed again, a week later, with the same address (typed differently).
    const second = await contactOnly(at(7 * 24), "Lena.Weiss@Example.org");
    await rollUpTallies();
    const counted = await figures();
    expect(counted).toMatchObject({ signatures: 2, partner: 2, countedRows: 2 });
    await sendQueued(second);
    const mail = inbox().at(-1)!;
    expect(mail.parsed.subject).toBe("Confirmez votre adresse e-mail pour avoir des nouvelles de l’appel");
    expect(await confirmSupporterEmail(tokenIn(mail.parsed.text!), at(7 * 24 + 1))).toEqual({
      outcome: "already_signed",
      letters: 0,
      contactOnly: true,
    });
    // Counted when it was made, as a signature without an address would be; nothing added, nothing taken away.
    await rollUpTallies();
    expect(await figures()).toEqual(counted);
    expect(await db().supporterContact.count({ where: { signatureId: second } })).toBe(0);
    expect(await db().outboxMessage.count({ where: { signatureId: second } })).toBe(0);
    expect(await db().signature.findUniqueOrThrow({ where: { id: second } })).toMatchObject({
      countedAt: at(7 * 24),
      emailHash: null,
    });
    expect(await confirmationToShow(tokenIn(mail.parsed.text!), "fr", at(7 * 24 + 2))).toEqual({
      kind: "contact_nothing_left",
    });
    // The first confirmation stands, and no one new would get an update.
    expect(await db().supporterContact.findUniqueOrThrow({ where: { signatureId: first } })).toMatchObject({
      emailConfirmedAt: at(2),
    });
    const [listed] = await listUpdateCampaigns(staff, "en");
    expect(listed!.languages.find((l) => l.language === "fr")).toMatchObject({ recipients: 0 });
  });

  it("a later signature asking us to send letters with that address is not counted and sends nothing", async () => {
    const before = await figures();
    const platform = await sign(
      { channel: "platform_email", consentIdentity: true, email: address, language: "fr", source: "amnesty-be" },
      at(8 * 24),
    );
    await sendQueued(platform);
    const mail = inbox().find((m) => m.parsed.subject === "Confirmez votre adresse pour envoyer vos lettres")!;
    expect(await confirmSupporterEmail(tokenIn(mail.parsed.text!), at(8 * 24 + 1))).toEqual({
      outcome: "already_signed",
      letters: 0,
    });
    await rollUpTallies();
    expect(await figures()).toEqual(before);
    expect(await db().deliveryMessage.count({ where: { signatureId: platform } })).toBe(0);
    const platformLetters = { signatureId: platform, channel: "platform_email" } as const;
    expect(await db().letter.count({ where: platformLetters })).toBeGreaterThan(0);
    expect(await db().letter.count({ where: { ...platformLetters, status: { not: "cancelled" } } })).toBe(0);
  });
});
