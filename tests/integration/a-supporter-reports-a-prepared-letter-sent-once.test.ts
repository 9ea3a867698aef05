// "I sent it": a letter the supporter sends themselves counts as prepared
// until they say it went; then it gets one "sent" tally row, however often
// they say so, and only the browser that got the thank-you view can say it.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { reportLettersSent, reportValidDays, sentReportToken } from "@/lib/letters/report-letters-sent";
import { confirmSupporterEmail } from "@/lib/signatures/confirm-supporter-email";
import { confirmationToken } from "@/lib/signatures/confirmation-email";
import { recordSignature } from "@/lib/signatures/record-signature";
import { getCampaignTotals } from "@/lib/tallies/get-campaign-totals";
import { POST } from "@/app/(site)/c/[slug]/letters/report/route";
import { resetDatabase } from "../helpers/db";
import { seedLaunchCampaign } from "../helpers/factories";
import { submissionFor } from "../helpers/submissions";

const slug = "russia-amnesty-undesirable";
type Campaign = Awaited<ReturnType<typeof seedLaunchCampaign>>;
let campaign: Campaign;

async function signed(channel: "own_email_client" | "platform_email" = "own_email_client") {
  const result = await recordSignature(
    slug,
    submissionFor(campaign, {
      channel,
      ...(channel === "platform_email"
        ? { email: "someone@example.org", consentIdentity: true, identity: "name_country", name: "Ana" }
        : {}),
    }),
  );
  if (result.outcome !== "recorded") throw new Error(result.outcome);
  const letters = await db().letter.findMany({ where: { signatureId: result.signatureId } });
  return { signatureId: result.signatureId, letters };
}

const sentRows = (letterIds: string[]) => db().pendingTally.count({ where: { sentLetterId: { in: letterIds } } });

describe("reporting prepared letters as sent", () => {
  beforeAll(async () => {
    await resetDatabase();
    campaign = await seedLaunchCampaign();
  });

  it("counts a reported letter once, however often it is reported", async () => {
    const { signatureId, letters } = await signed();
    const emailed = letters.filter((l) => l.channel === "own_email_client").slice(0, 2);
    const input = { slug, token: sentReportToken(signatureId), letters: [emailed.map((l) => l.addresseeId).join(" ")] };
    const now = new Date("2025-06-02T10:00:00Z");

    expect(await reportLettersSent(input, now)).toEqual({ outcome: "counted", counted: 2, already: 0 });
    expect(await reportLettersSent(input, new Date("2025-06-03T10:00:00Z"))).toEqual({ outcome: "already" });
    // Twice at once too: the row lock lets one of them mark the letters.
    await Promise.all([reportLettersSent(input), reportLettersSent(input)]);

    expect(await sentRows(emailed.map((l) => l.id))).toBe(2);
    const after = await db().letter.findMany({ where: { signatureId }, orderBy: { id: "asc" } });
    for (const letter of after) {
      const reported = emailed.some((l) => l.id === letter.id);
      expect(letter.reportedSentAt).toEqual(reported ? now : null);
    }
  });

  it("changes nothing for a wrong or altered token, or another signature's token", async () => {
    const { signatureId, letters } = await signed();
    const other = await signed();
    const ids = letters.map((l) => l.addresseeId);
    const good = sentReportToken(signatureId);
    const altered = good.slice(0, -2) + (good.endsWith("AA") ? "BB" : "AA");
    for (const token of [altered, `sent.${signatureId}.forged`, "", "x".repeat(400)])
      expect(await reportLettersSent({ slug, token, letters: ids })).toEqual({ outcome: "refused" });
    // A real token names its own signature only: another's letters stay as they were.
    expect(await reportLettersSent({ slug, token: sentReportToken(other.signatureId), letters: ids })).toEqual({
      outcome: "counted",
      counted: other.letters.length,
      already: 0,
    });
    expect(await sentRows(letters.map((l) => l.id))).toBe(0);
    expect(await db().letter.count({ where: { signatureId, reportedSentAt: { not: null } } })).toBe(0);
  });

  it("refuses a report from a thank-you page older than the report window, and counts nothing", async () => {
    const signedAt = new Date("2026-03-01T12:00:00Z");
    const { signatureId, letters } = await signed();
    const token = sentReportToken(signatureId, signedAt);
    const ids = letters.map((l) => l.addresseeId);
    const lastMoment = new Date(signedAt.getTime() + reportValidDays * 86_400_000 - 1_000);
    const tooLate = new Date(signedAt.getTime() + reportValidDays * 86_400_000);
    expect(await reportLettersSent({ slug, token, letters: ids }, tooLate)).toEqual({ outcome: "expired" });
    expect(await db().letter.count({ where: { signatureId, reportedSentAt: { not: null } } })).toBe(0);
    expect((await reportLettersSent({ slug, token, letters: ids }, lastMoment)).outcome).toBe("counted");
  });

  it("leaves letters our server sends to the server's own count", async () => {
    const { signatureId, letters } = await signed("platform_email");
    const platform = letters.filter((l) => l.channel === "platform_email");
    expect(platform.length).toBeGreaterThan(0);
    await reportLettersSent({ slug, token: sentReportToken(signatureId), letters: letters.map((l) => l.addresseeId) });
    expect(await sentRows(platform.map((l) => l.id))).toBe(0);
  });

  it("counts no letter as sent for a signature that does not count yet, so sent stays a part of prepared", async () => {
    // Our server sends the letters with an email address; the X and postal ones are the supporter's to send.
    const { signatureId, letters } = await signed("platform_email");
    const own = letters.filter((l) => l.channel !== "platform_email");
    expect(own.length).toBeGreaterThan(0);
    const answer = await reportLettersSent({
      slug,
      token: sentReportToken(signatureId),
      letters: own.map((l) => l.addresseeId),
    });
    expect(answer).toEqual({ outcome: "counted", counted: own.length, already: 0 });
    expect(await sentRows(own.map((l) => l.id))).toBe(0);
    expect(await db().pendingTally.count({ where: { letterId: { in: own.map((l) => l.id) } } })).toBe(0);
  });

  it("counts letters said sent before the address was confirmed as sent once the signature counts", async () => {
    const { signatureId, letters } = await signed("platform_email");
    const own = letters.filter((l) => l.channel !== "platform_email");
    await reportLettersSent({ slug, token: sentReportToken(signatureId), letters: own.map((l) => l.addresseeId) });
    expect(await sentRows(own.map((l) => l.id))).toBe(0);
    expect((await confirmSupporterEmail(confirmationToken(signatureId, new Date()))).outcome).toBe("confirmed");
    expect(await sentRows(own.map((l) => l.id))).toBe(own.length);
  });

  it("counts “I have sent them myself already” as sent with the signature, with nothing left to report", async () => {
    const before = (await getCampaignTotals(slug))!;
    const result = await recordSignature(slug, submissionFor(campaign, { channel: "self_reported" }));
    if (result.outcome !== "recorded") throw new Error(result.outcome);
    const letters = await db().letter.findMany({ where: { signatureId: result.signatureId } });
    const selfReported = letters.filter((l) => l.channel === "self_reported");
    expect(selfReported.length).toBeGreaterThan(0);
    expect(selfReported.every((l) => l.reportedSentAt !== null)).toBe(true);
    const after = (await getCampaignTotals(slug))!;
    expect(after.lettersSent - before.lettersSent).toBe(selfReported.length);
    expect(after.lettersSentByChannel.self_reported ?? 0).toBe(
      (before.lettersSentByChannel.self_reported ?? 0) + selfReported.length,
    );
    // Reporting them again counts nothing.
    const again = await reportLettersSent({
      slug,
      token: sentReportToken(result.signatureId),
      letters: selfReported.map((l) => l.addresseeId),
    });
    expect(again).toEqual({ outcome: "already" });
  });

  it("answers the plain form with the page that says what was counted, in the supporter's language", async () => {
    const { signatureId, letters } = await signed();
    const post = (token: string) =>
      POST(
        new Request(`http://localhost/c/${slug}/letters/report`, {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams([
            ["token", token],
            ["lang", "ru"],
            ["letters", letters[0]!.addresseeId],
          ]),
        }),
        { params: Promise.resolve({ slug }) },
      );
    const first = await post(sentReportToken(signatureId));
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe(`/c/${slug}/letters/sent?result=counted&letters=1&lang=ru`);
    expect((await post(sentReportToken(signatureId))).headers.get("location")).toBe(
      `/c/${slug}/letters/sent?result=already&lang=ru`,
    );
    expect((await post("forged")).headers.get("location")).toBe(`/c/${slug}/letters/sent?result=refused&lang=ru`);
    expect(await sentRows([letters[0]!.id])).toBe(1);
  });
});
