import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { decryptText } from "@/lib/privacy/encryption";
import { confirmSupporterEmail } from "@/lib/signatures/confirm-supporter-email";
import { getCampaignTotals } from "@/lib/signatures/get-campaign-totals";
import { recordSignature } from "@/lib/signatures/record-signature";
import { countRows, resetDatabase } from "../helpers/db";
import { seedLaunchCampaign } from "../helpers/factories";
import { submissionFor } from "../helpers/submissions";

const slug = "russia-amnesty-undesirable";
type Campaign = Awaited<ReturnType<typeof seedLaunchCampaign>>;
let campaign: Campaign;

describe("recording a signature", () => {
  beforeAll(async () => {
    await resetDatabase();
    campaign = await seedLaunchCampaign();
  });

  it("writes the signature, one letter per addressee and channel, and counts it at once", async () => {
    const before = await getCampaignTotals(slug);
    const result = await recordSignature(slug, submissionFor(campaign, { channel: "own_email_client", country: "AT" }));
    expect(result.outcome).toBe("recorded");
    if (result.outcome !== "recorded") return;

    const letters = await db().letter.findMany({ where: { signatureId: result.signatureId }, include: { addressee: true } });
    expect(letters).toHaveLength(7);
    const byChannel = Object.groupBy(letters, (l) => l.channel);
    expect(byChannel.x_post?.map((l) => l.addressee.xHandle).sort()).toEqual(["GovernmentRF", "KremlinRussia_E"]);
    expect(byChannel.own_email_client).toHaveLength(5);
    expect(letters.every((l) => l.status === "recorded")).toBe(true);
    // Export-only, no email: nothing personal is stored at all.
    expect(await countRows(`SELECT count(*) AS n FROM "SupporterContact" WHERE "signatureId" = $1::uuid`, result.signatureId)).toBe(0);

    const after = await getCampaignTotals(slug);
    expect(after!.signatures).toBe(before!.signatures + 1);
    expect(after!.lettersByChannel.x_post).toBe(before!.lettersByChannel.x_post + 2);
    expect(after!.signaturesByCountry.AT).toBe(1);
  });

  it("keeps platform letters waiting, encrypted, until the address is confirmed", async () => {
    const email = "Supporter.Platform@Example.org";
    const result = await recordSignature(
      slug,
      submissionFor(campaign, { channel: "platform_email", email, consentIdentity: true, identity: "name_country", name: "Jana Novák" }),
    );
    expect(result.outcome).toBe("recorded");
    if (result.outcome !== "recorded") return;
    expect(result.confirmationQueued).toBe(true);

    const letters = await db().letter.findMany({ where: { signatureId: result.signatureId, channel: "platform_email" }, include: { content: true } });
    expect(letters).toHaveLength(5);
    expect(letters.every((l) => l.status === "awaiting_confirmation")).toBe(true);
    expect(decryptText(letters[0]!.content!.bodyEncrypted)).toContain("Jana Novák, Germany");

    const contact = await db().supporterContact.findUniqueOrThrow({ where: { signatureId: result.signatureId } });
    expect(Buffer.from(contact.emailEncrypted!).toString("utf8")).not.toContain("Example.org");
    expect(decryptText(contact.emailEncrypted!)).toBe(email);

    const [outbox] = await db().outboxMessage.findMany({ where: { signatureId: result.signatureId } });
    const text = decryptText(outbox!.textEncrypted);
    const link = text.match(/https?:\/\/\S+\/confirm\?token=\S+/)?.[0];
    expect(link).toBeDefined();

    const token = decodeURIComponent(new URL(link!).searchParams.get("token")!);
    expect(await confirmSupporterEmail(token.slice(0, -2) + "xx")).toEqual({ outcome: "invalid", letters: 0 });
    expect(await confirmSupporterEmail(token, new Date(Date.now() + 73 * 3600 * 1000))).toEqual({ outcome: "expired", letters: 0 });
    expect(await confirmSupporterEmail(token)).toEqual({ outcome: "confirmed", letters: 5 });
    expect(await confirmSupporterEmail(token)).toEqual({ outcome: "already_confirmed", letters: 0 });
    expect(await countRows(`SELECT count(*) AS n FROM "Letter" WHERE "signatureId" = $1::uuid AND status = 'queued'`, result.signatureId)).toBe(5);
  });

  it("recognises a second signature with the same email, however it is written, without counting it", async () => {
    const first = await recordSignature(slug, submissionFor(campaign, { email: "twice@example.org" }));
    const second = await recordSignature(slug, submissionFor(campaign, { email: "  TWICE@example.org " }));
    expect(first.outcome).toBe("recorded");
    expect(second).toMatchObject({ outcome: "duplicate" });
    if (first.outcome === "recorded" && second.outcome === "duplicate") expect(second.signatureId).toBe(first.signatureId);
  });

  it("recognises a resubmitted form by its submission key", async () => {
    const submission = submissionFor(campaign, { submissionKey: "form-key-0123456789abcdef" });
    const first = await recordSignature(slug, submission);
    const again = await recordSignature(slug, submission);
    expect(first.outcome).toBe("recorded");
    expect(again.outcome).toBe("duplicate");
  });

  it("records nothing when the honeypot is filled, yet answers as usual", async () => {
    const before = await countRows(`SELECT count(*) AS n FROM "Signature"`);
    const result = await recordSignature(slug, submissionFor(campaign, { website: "http://spam.example" }));
    expect(result.outcome).toBe("ignored");
    expect(await countRows(`SELECT count(*) AS n FROM "Signature"`)).toBe(before);
  });

  it("refuses addressees from outside the campaign and leaves no partial rows", async () => {
    const before = await countRows(`SELECT count(*) AS n FROM "Letter"`);
    const result = await recordSignature(slug, { ...submissionFor(campaign), addressees: ["00000000-0000-4000-8000-000000000000"] });
    expect(result).toMatchObject({ outcome: "invalid", fieldErrors: { addressees: [expect.stringContaining("not part of this campaign")] } });
    expect(await countRows(`SELECT count(*) AS n FROM "Letter"`)).toBe(before);
  });
});
