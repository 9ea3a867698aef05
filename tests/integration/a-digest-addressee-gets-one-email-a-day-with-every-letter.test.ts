// An addressee in daily_digest mode gets no email per letter; once its day
// has ended in its own time zone (Moscow) and its office has opened, one
// digest carries every letter (a PDF page each), the counts by country and
// the link to the public totals, once, even with two runners at once.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { closeMailer } from "@/lib/delivery/mailer";
import { readReturnPath, returnPathAddress, returnPathOfMessageId } from "@/lib/delivery/return-path";
import { sendDailyDigests } from "@/lib/digests/send-daily-digests";
import { getCampaignTotals } from "@/lib/tallies/get-campaign-totals";
import { rollUpTallies } from "@/lib/tallies/roll-up-tallies";
import { resetDatabase } from "../helpers/db";
import { confirmedPlatformSignature, useAsMailServer } from "../helpers/delivery";
import { seedLaunchCampaign } from "../helpers/factories";
import { SmtpSink } from "../helpers/smtp-sink";

const sink = new SmtpSink();
let campaign: Awaited<ReturnType<typeof seedLaunchCampaign>>;
const hour = 3_600_000;
// As the worker sends them (lib/worker/worker.ts): bounces come back naming the digest.
const withReturnPath = {
  envelopeFrom: (messageId: string) => {
    const ref = returnPathOfMessageId(messageId);
    return ref ? returnPathAddress(ref) : null;
  },
};

/** Moscow is UTC+3 all year: 10:00 there on the first weekday after `after`'s Moscow day. */
function nextMoscowWorkdayAt(after: Date, moscowHour: number): Date {
  const moscow = new Date(after.getTime() + 3 * hour);
  const day = new Date(Date.UTC(moscow.getUTCFullYear(), moscow.getUTCMonth(), moscow.getUTCDate() + 1));
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
  return new Date(day.getTime() + (moscowHour - 3) * hour);
}

/** The PDF's page count and text, as poppler reads them. */
function readPdf(content: Buffer): { pages: number; text: string } {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "digest-")), "letters.pdf");
  writeFileSync(file, content);
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  return {
    pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]),
    text: execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }),
  };
}

describe("a daily digest per addressee", () => {
  beforeAll(async () => {
    await useAsMailServer(sink);
    process.env.PUBLIC_URL = "https://letters.example.org";
    await resetDatabase();
    campaign = await seedLaunchCampaign();
  });
  afterAll(async () => {
    closeMailer();
    await sink.stop();
  });

  it("sends no email per letter, then one digest after the day ends, once", async () => {
    const lavrov = campaign.addressees.find((a) => a.addressee.emails.includes("ministry@mid.ru"))!.addressee;
    const other = campaign.addressees.find((a) => a.addressee.id !== lavrov.id && a.addressee.emails.length > 0)!;
    await db().addressee.update({
      where: { id: lavrov.id },
      data: {
        deliveryMode: "daily_digest",
        digestFormat: "pdf_attachment",
        timeZone: "Europe/Moscow",
        officeHours: "9-18",
        officeDays: [1, 2, 3, 4, 5],
      },
    });
    const written = new Date();
    const supporters = [
      { country: "DE", identity: "name_country" as const, name: "Greta Weiss" },
      { country: "DE", identity: "anonymous" as const },
      { country: "FR", identity: "initials_country" as const, name: "Jean Dupont" },
    ];
    for (const supporter of supporters)
      await confirmedPlatformSignature(campaign, { addressees: [lavrov.id, other.addressee.id], ...supporter });

    // No message for the digest addressee; the other addressee's letters go as always.
    expect(await db().deliveryMessage.count({ where: { addresseeId: lavrov.id } })).toBe(0);
    expect(await db().deliveryMessage.count({ where: { addresseeId: other.addressee.id } })).toBe(3);

    // While the day lasts, and after it ends but before the office opens: nothing.
    expect((await sendDailyDigests(written)).sent).toBe(0);
    expect((await sendDailyDigests(nextMoscowWorkdayAt(written, 7))).sent).toBe(0);
    expect(await db().addresseeDigest.count()).toBe(0);

    // Office hours the next working day: two runners at once make one email.
    const now = nextMoscowWorkdayAt(written, 10);
    const runs = await Promise.all([sendDailyDigests(now, withReturnPath), sendDailyDigests(now, withReturnPath)]);
    expect(runs.map((r) => r.sent).sort()).toEqual([0, 1]);
    expect((await sendDailyDigests(new Date(now.getTime() + hour))).sent).toBe(0);

    const toLavrov = sink.received.filter((m) => m.envelopeTo.includes("ministry@mid.ru"));
    expect(toLavrov).toHaveLength(1);
    const mail = toLavrov[0]!.parsed;
    const digest = await db().addresseeDigest.findFirstOrThrow({ where: { addresseeId: lavrov.id } });
    expect(mail.messageId).toBe(digest.messageIdHeader);
    expect(digest.messageIdHeader).toMatch(/@letters\.example\.org>$/);
    expect(readReturnPath(toLavrov[0]!.envelopeFrom)).toEqual({ kind: "digest", id: digest.id });
    expect(digest).toMatchObject({ status: "sent", letterCount: 3, toAddress: "ministry@mid.ru" });
    expect(mail.subject).toMatch(/^3 letters to you/);
    expect(mail.text).toContain("3 people from 2 countries wrote to you");
    expect(mail.text).toContain("Germany: 2");
    expect(mail.text).toContain("France: 1");
    expect(mail.text).toContain("https://letters.example.org/c/russia-amnesty-undesirable");

    const pdf = mail.attachments.find((a) => a.contentType === "application/pdf")!;
    const { pages, text } = readPdf(pdf.content);
    expect(pages).toBe(3);
    expect(text).toContain("Greta Weiss, Germany");
    expect(text).toContain("J. D., France");
    // The anonymous supporter's name is nowhere: only the identity each chose.
    expect(text).not.toContain("Jean Dupont");
    expect(text.match(/Please act\./g)).toHaveLength(3);

    // The letters count as sent, like letters delivered one by one.
    const letters = await db().letter.findMany({ where: { addresseeId: lavrov.id } });
    expect(letters.map((l) => [l.status, l.digestId])).toEqual(letters.map(() => ["sent", digest.id]));
    await rollUpTallies();
    const totals = await getCampaignTotals("russia-amnesty-undesirable");
    expect(totals?.lettersByAddressee.find((a) => a.key === lavrov.key)?.sent).toBe(3);
  });

  it("carries the letters as text in the email when the addressee asked for inline text", async () => {
    const addressee = campaign.addressees.find((a) => a.addressee.emails.includes("pressa@genproc.gov.ru"))!.addressee;
    await db().addressee.update({
      where: { id: addressee.id },
      data: { deliveryMode: "daily_digest", digestFormat: "inline_text", timeZone: "Europe/Moscow", officeDays: [] },
    });
    const written = new Date();
    await confirmedPlatformSignature(campaign, { addressees: [addressee.id], language: "ru", country: "RU" });
    const now = nextMoscowWorkdayAt(written, 9);
    expect((await sendDailyDigests(now)).sent).toBe(1);
    const mail = sink.received.filter((m) => m.envelopeTo.includes("pressa@genproc.gov.ru")).at(-1)!.parsed;
    expect(mail.attachments).toHaveLength(0);
    // The cover speaks the letters' language.
    expect(mail.text).toContain("1 человек из 1 страны написал(а) вам");
    expect(mail.text).toContain("Россия: 1");
    expect(mail.text).toContain("Письмо 1 из 1");
    expect(mail.text).toContain("Please act.");
  });

  it("still sends the letters that were waiting when the addressee is switched back to one email per letter", async () => {
    const addressee = campaign.addressees.find((a) => a.addressee.emails.includes("fsb@fsb.ru"))!.addressee;
    await db().addressee.update({
      where: { id: addressee.id },
      data: { deliveryMode: "daily_digest", timeZone: "Europe/Moscow", officeDays: [] },
    });
    const written = new Date();
    const waiting = await confirmedPlatformSignature(campaign, { addressees: [addressee.id] });
    await db().addressee.update({ where: { id: addressee.id }, data: { deliveryMode: "each_letter" } });
    // A letter signed now gets its own email again.
    const now = await confirmedPlatformSignature(campaign, { addressees: [addressee.id] });
    expect(await db().deliveryMessage.count({ where: { signatureId: now } })).toBe(1);
    expect(await db().deliveryMessage.count({ where: { signatureId: waiting } })).toBe(0);
    // The one that waited goes in one last digest, not never.
    expect((await sendDailyDigests(nextMoscowWorkdayAt(written, 9))).sent).toBe(1);
    const letter = await db().letter.findFirstOrThrow({ where: { signatureId: waiting } });
    expect(letter.status).toBe("sent");
    expect(await db().letter.count({ where: { signatureId: now, digestId: { not: null } } })).toBe(0);
  });
});
