// Staff's one outcome update per campaign and language goes, through the
// outbox and a real SMTP server, only to supporters who agreed to be
// contacted and confirmed their address, in the language we wrote to them
// in, with the delete link; it is recorded with its count and audited, and
// names no one to staff. Their contact (and only theirs) is kept past
// delivery until the retention period after the campaign closes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffIdentity } from "@/lib/auth/staff-identity";
import { db } from "@/lib/core/db";
import { deliverMessage } from "@/lib/delivery/deliver-message";
import { closeMailer } from "@/lib/delivery/mailer";
import { sendSupporterEmail } from "@/lib/delivery/send-supporter-email";
import {
  listUpdateCampaigns,
  previewOutcomeUpdate,
  sendOutcomeUpdate,
  type UpdateDraft,
} from "@/lib/follow-ups/send-outcome-update";
import { contactKeptAtMostDays } from "@/lib/privacy/data";
import { purgePersonalData } from "@/lib/privacy/purge-personal-data";
import { deleteSupporterData } from "@/lib/signatures/delete-supporter-data";
import { recordSignature } from "@/lib/signatures/record-signature";
import { resetDatabase } from "../helpers/db";
import { confirmedPlatformSignature, messageIdsOf, useAsMailServer } from "../helpers/delivery";
import { seedLaunchCampaign, staffMember } from "../helpers/factories";
import { SmtpSink } from "../helpers/smtp-sink";
import { submissionFor } from "../helpers/submissions";

const sink = new SmtpSink();
const day = 86_400_000;

describe("the outcome update", () => {
  let campaign: Awaited<ReturnType<typeof seedLaunchCampaign>>;
  let staff: StaffIdentity;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    await useAsMailServer(sink);
    process.env.PERSONAL_DATA_RETENTION_DAYS = "30";
    await resetDatabase();
    campaign = await seedLaunchCampaign();
    staff = await staffMember("staff");
    ids.consenting = await confirmedPlatformSignature(campaign, {
      email: "camille@example.org",
      language: "fr",
      consentContact: true,
      identity: "full",
      name: "Camille Martin",
      city: "Lyon",
    });
    ids.notConsenting = await confirmedPlatformSignature(campaign, { email: "paul@example.org", language: "fr" });
    ids.english = await confirmedPlatformSignature(campaign, {
      email: "ann@example.org",
      language: "en",
      consentContact: true,
    });
    ids.deleted = await confirmedPlatformSignature(campaign, {
      email: "gone@example.org",
      language: "fr",
      consentContact: true,
    });
    await deleteSupporterData(ids.deleted);
    // Ticked "you may contact me" but never confirmed the address (a download needs no confirmation).
    const unconfirmed = await recordSignature(
      campaign.slug,
      submissionFor(campaign, { language: "fr", email: "nobody@example.org", consentContact: true }),
    );
    if (unconfirmed.outcome !== "recorded") throw new Error(unconfirmed.outcome);
    ids.unconfirmed = unconfirmed.signatureId;
  });
  afterAll(async () => {
    closeMailer();
    await sink.stop();
  });

  const draft = (): UpdateDraft => ({
    campaignId: campaign.id,
    language: "fr",
    subject: "Amnesty International : des nouvelles",
    body: "Le ministère a répondu.\n\nMerci pour vos lettres.",
  });

  it("counts, per language, only supporters who agreed to be contacted and confirmed their address", async () => {
    const [listed] = await listUpdateCampaigns(staff, "en");
    expect(listed!.languages).toEqual(
      expect.arrayContaining([
        { language: "fr", recipients: 1, sent: null },
        { language: "en", recipients: 1, sent: null },
        { language: "ru", recipients: 0, sent: null },
      ]),
    );
  });

  it("shows the exact email before sending, and refuses an empty or multi-line subject", async () => {
    expect(await previewOutcomeUpdate(staff, { ...draft(), subject: " ", body: "" })).toEqual({
      outcome: "invalid",
      problems: ["subjectMissing", "bodyMissing"],
    });
    expect(await previewOutcomeUpdate(staff, { ...draft(), subject: "A\nBcc: x@example.org" })).toMatchObject({
      outcome: "invalid",
      problems: ["subjectOneLine"],
    });
    expect(await previewOutcomeUpdate(staff, { ...draft(), language: "de" })).toEqual({ outcome: "not_found" });
    const preview = await previewOutcomeUpdate(staff, draft());
    if (preview.outcome !== "preview") throw new Error(preview.outcome);
    expect(preview.recipients).toBe(1);
    expect(preview.email.subject).toBe("Amnesty International : des nouvelles");
    expect(preview.email.text).toContain("accepté que nous vous contactions");
    expect(preview.email.text).toContain("Le ministère a répondu.\n\nMerci pour vos lettres.");
    expect(preview.email.text).toContain("/privacy/delete?token=…&lang=fr");
    expect(await db().outcomeUpdate.count()).toBe(0);
    expect(await db().outboxMessage.count({ where: { kind: "outcome_update" } })).toBe(0);
  });

  it("sends nothing when the number confirmed is no longer right, then sends once to the one supporter, audited", async () => {
    expect(await sendOutcomeUpdate(staff, draft(), 2)).toEqual({ outcome: "count_changed", recipients: 1 });
    expect(await db().outcomeUpdate.count()).toBe(0);
    expect(await db().outboxMessage.count({ where: { kind: "outcome_update" } })).toBe(0);

    expect(await sendOutcomeUpdate(staff, draft(), 1)).toEqual({ outcome: "sent", queued: 1 });
    expect(await sendOutcomeUpdate(staff, draft(), 1)).toEqual({ outcome: "already_sent" });
    expect(await previewOutcomeUpdate(staff, draft())).toEqual({ outcome: "already_sent" });
    const update = await db().outcomeUpdate.findFirstOrThrow();
    expect(update).toMatchObject({ language: "fr", queuedCount: 1, campaignId: campaign.id });
    const audit = await db().auditEntry.findFirstOrThrow({ where: { action: "outcome_update.send" } });
    expect(audit).toMatchObject({ actorEmail: staff.email, entityId: update.id });
    expect(JSON.stringify(audit)).not.toContain("camille");

    const outbox = await db().outboxMessage.findMany({ where: { kind: "outcome_update" } });
    expect(outbox.map((o) => o.signatureId)).toEqual([ids.consenting]);
    expect(await sendSupporterEmail(outbox[0]!.id)).toBe("sent");
    const mail = sink.received.find((m) => m.parsed.subject === "Amnesty International : des nouvelles")!;
    expect(mail.envelopeTo).toEqual(["camille@example.org"]);
    expect(mail.parsed.text).toContain("Merci pour vos lettres.");
    expect(mail.parsed.text).toMatch(/\/privacy\/delete\?token=[^\s…]+&lang=fr/);
    expect(mail.parsed.html).toContain("<p>Le ministère a répondu.</p>");

    const [listed] = await listUpdateCampaigns(staff, "en");
    expect(listed!.languages.find((l) => l.language === "fr")).toMatchObject({
      recipients: 0,
      sent: { queuedCount: 1 },
    });
  });

  it("refuses a caller without a verified staff session", async () => {
    const forged = Object.freeze({ ...staff }) as StaffIdentity;
    await expect(listUpdateCampaigns(forged, "en")).rejects.toThrow(/Sign in/);
    await expect(previewOutcomeUpdate(forged, draft())).rejects.toThrow(/Sign in/);
    await expect(sendOutcomeUpdate(forged, draft(), 0)).rejects.toThrow(/Sign in/);
  });

  it("keeps only the consenting supporters' contact past delivery, until 30 days after their update or the campaign's close", async () => {
    for (const signatureId of [ids.consenting!, ids.notConsenting!, ids.english!])
      for (const id of await messageIdsOf(signatureId)) await deliverMessage(id);
    for (const o of await db().outboxMessage.findMany({ where: { status: "queued" } })) await sendSupporterEmail(o.id);
    const held = async (signatureId: string) => ({
      contact: await db().supporterContact.count({ where: { signatureId } }),
      texts: await db().platformLetter.count({ where: { letter: { signatureId } } }),
      emails: await db().outboxMessage.count({ where: { signatureId } }),
    });

    expect(await purgePersonalData(new Date(Date.now() + 31 * day))).toBeGreaterThanOrEqual(3);
    // Camille got the French update (above) 30 days ago: her address has served and goes like anyone's.
    expect(await held(ids.consenting!)).toEqual({ contact: 0, texts: 0, emails: 0 });
    // Ann's language has had no update yet: her address alone waits for it, name and city gone with the letters.
    expect(await held(ids.english!)).toEqual({ contact: 1, texts: 0, emails: 0 });
    expect(await db().supporterContact.findUniqueOrThrow({ where: { signatureId: ids.english! } })).toMatchObject({
      nameEncrypted: null,
      cityEncrypted: null,
      emailEncrypted: expect.any(Uint8Array),
    });
    expect(await held(ids.notConsenting!)).toEqual({ contact: 0, texts: 0, emails: 0 });
    expect(await held(ids.unconfirmed!)).toEqual({ contact: 0, texts: 0, emails: 0 });
    // Nothing left to purge but the kept contacts: the next run leaves them.
    expect(await purgePersonalData(new Date(Date.now() + 32 * day))).toBe(0);
    expect(await held(ids.english!)).toEqual({ contact: 1, texts: 0, emails: 0 });

    const closedAt = new Date(Date.now() + 40 * day);
    await db().campaign.update({ where: { id: campaign.id }, data: { status: "closed", closedAt } });
    expect(await purgePersonalData(new Date(closedAt.getTime() + 29 * day))).toBe(0);
    expect(await purgePersonalData(new Date(closedAt.getTime() + 31 * day))).toBe(1);
    expect(await held(ids.english!)).toEqual({ contact: 0, texts: 0, emails: 0 });
  });

  it("lets no address wait for an update more than a year after signing, when nobody closes the campaign", async () => {
    await db().campaign.update({
      where: { id: campaign.id },
      data: { status: "open", closedAt: null, closesAt: null },
    });
    const waiting = await confirmedPlatformSignature(campaign, {
      email: "waits@example.org",
      language: "en",
      consentContact: true,
    });
    for (const id of await messageIdsOf(waiting)) await deliverMessage(id);
    for (const o of await db().outboxMessage.findMany({ where: { status: "queued" } })) await sendSupporterEmail(o.id);
    const contact = () => db().supporterContact.count({ where: { signatureId: waiting } });
    await purgePersonalData(new Date(Date.now() + (contactKeptAtMostDays - 1) * day));
    expect(await contact()).toBe(1);
    await purgePersonalData(new Date(Date.now() + (contactKeptAtMostDays + 1) * day));
    expect(await contact()).toBe(0);
  });
});
