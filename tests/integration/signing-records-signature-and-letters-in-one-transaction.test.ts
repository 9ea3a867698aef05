import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { decryptText } from "@/lib/privacy/encryption";
import { confirmationToken } from "@/lib/signatures/confirmation-email";
import { confirmSupporterEmail } from "@/lib/signatures/confirm-supporter-email";
import { getCampaignTotals } from "@/lib/tallies/get-campaign-totals";
import { recordSignature } from "@/lib/signatures/record-signature";
import { getLetterBuilder } from "@/lib/letters/get-letter-builder";
import { confirmationAllowance } from "@/lib/signatures/rate-limits";
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

    const letters = await db().letter.findMany({
      where: { signatureId: result.signatureId },
      include: { addressee: true },
    });
    expect(letters).toHaveLength(7);
    const byChannel = Object.groupBy(letters, (l) => l.channel);
    expect(byChannel.x_post?.map((l) => l.addressee.xHandle).sort()).toEqual(["GovernmentRF", "KremlinRussia_E"]);
    expect(byChannel.own_email_client).toHaveLength(5);
    expect(letters.every((l) => l.status === "recorded")).toBe(true);
    // Export-only, no email: nothing personal is stored at all.
    expect(
      await countRows(
        `SELECT count(*) AS n FROM "SupporterContact" WHERE "signatureId" = $1::uuid`,
        result.signatureId,
      ),
    ).toBe(0);

    const after = await getCampaignTotals(slug);
    expect(after!.signatures).toBe(before!.signatures + 1);
    expect(after!.lettersByChannel.x_post).toBe(before!.lettersByChannel.x_post + 2);
    expect(after!.signaturesByCountry.AT).toBe(1);
  });

  it("writes with the content as it is at that moment, never with a letter builder kept from before an edit", async () => {
    // Signing keeps the builder and lets its statement check the content's version (record-signature.ts).
    const first = await recordSignature(slug, submissionFor(campaign));
    expect(first.outcome).toBe("recorded");
    const id = campaign.addressees[0]!.addressee.id;
    const salutation = `Dear edited ${randomUUID()},`;
    await db().addressee.update({ where: { id }, data: { salutation } });
    await db().addresseeTranslation.updateMany({ where: { addresseeId: id }, data: { salutation } });
    const edited = await recordSignature(slug, submissionFor(campaign));
    expect(edited.outcome).toBe("recorded");
    if (edited.outcome !== "recorded") return;
    expect(edited.letters.find((l) => l.addressee.id === id)!.text).toContain(salutation);

    await db().campaign.update({ where: { id: campaign.id }, data: { status: "closed" } });
    try {
      expect((await recordSignature(slug, submissionFor(campaign))).outcome).toBe("campaign_closed");
    } finally {
      await db().campaign.update({ where: { id: campaign.id }, data: { status: "open" } });
    }
    expect((await recordSignature(slug, submissionFor(campaign))).outcome).toBe("recorded");
  });

  it("keeps platform letters waiting, encrypted, until the address is confirmed", async () => {
    const email = "Supporter.Platform@Example.org";
    const result = await recordSignature(
      slug,
      submissionFor(campaign, {
        channel: "platform_email",
        email,
        consentIdentity: true,
        identity: "name_country",
        name: "Jana Novák",
      }),
    );
    expect(result.outcome).toBe("recorded");
    if (result.outcome !== "recorded") return;
    expect(result.confirmationQueued).toBe(true);

    const letters = await db().letter.findMany({
      where: { signatureId: result.signatureId, channel: "platform_email" },
      include: { content: true },
    });
    expect(letters).toHaveLength(5);
    expect(letters.every((l) => l.status === "awaiting_confirmation")).toBe(true);
    expect(
      decryptText(letters[0]!.content!.bodyEncrypted, {
        table: "PlatformLetter",
        column: "bodyEncrypted",
        row: letters[0]!.id,
      }),
    ).toContain("Jana Novák, Germany");

    const contact = await db().supporterContact.findUniqueOrThrow({ where: { signatureId: result.signatureId } });
    expect(Buffer.from(contact.emailEncrypted!).toString("utf8")).not.toContain("Example.org");
    expect(
      decryptText(contact.emailEncrypted!, {
        table: "SupporterContact",
        column: "emailEncrypted",
        row: contact.signatureId,
      }),
    ).toBe(email);

    const [outbox] = await db().outboxMessage.findMany({ where: { signatureId: result.signatureId } });
    const text = decryptText(outbox!.textEncrypted, {
      table: "OutboxMessage",
      column: "textEncrypted",
      row: outbox!.id,
    });
    const link = text.match(/https?:\/\/\S+\/confirm\?token=\S+/)?.[0];
    expect(link).toBeDefined();

    const token = decodeURIComponent(new URL(link!).searchParams.get("token")!);
    expect(await confirmSupporterEmail(token.slice(0, -2) + "xx")).toEqual({ outcome: "invalid", letters: 0 });
    expect(await confirmSupporterEmail(token, new Date(Date.now() + 73 * 3600 * 1000))).toEqual({
      outcome: "expired",
      letters: 0,
    });
    expect(await confirmSupporterEmail(token)).toEqual({ outcome: "confirmed", letters: 5 });
    expect(await confirmSupporterEmail(token)).toEqual({ outcome: "already_confirmed", letters: 0 });
    expect(
      await countRows(
        `SELECT count(*) AS n FROM "Letter" WHERE "signatureId" = $1::uuid AND status = 'queued'`,
        result.signatureId,
      ),
    ).toBe(5);
  });

  it("counts an address once its owner confirms it, and a second confirmed signature with it not at all", async () => {
    const platform = (email: string) =>
      submissionFor(campaign, { channel: "platform_email", consentIdentity: true, email });
    const before = await getCampaignTotals(slug);
    const first = await recordSignature(slug, platform("twice@example.org"));
    const second = await recordSignature(slug, platform("  TWICE@example.org "));
    // Both recorded alike: nothing at submission tells whether the address was used before.
    expect(first.outcome).toBe("recorded");
    expect(second.outcome).toBe("recorded");
    if (first.outcome !== "recorded" || second.outcome !== "recorded") return;
    expect(second.signatureId).not.toBe(first.signatureId);
    expect((await getCampaignTotals(slug))!.signatures).toBe(before!.signatures);

    expect(await confirmSupporterEmail(confirmationToken(first.signatureId, new Date()))).toEqual({
      outcome: "confirmed",
      letters: 5,
    });
    // Only the owner of the mailbox learns that the address had signed.
    expect(await confirmSupporterEmail(confirmationToken(second.signatureId, new Date()))).toEqual({
      outcome: "already_signed",
      letters: 0,
    });
    expect((await getCampaignTotals(slug))!.signatures).toBe(before!.signatures + 1);
    expect(
      await countRows(
        `SELECT count(*) AS n FROM "Letter" WHERE "signatureId" = $1::uuid AND status = 'cancelled'`,
        second.signatureId,
      ),
    ).toBe(5);
    expect(
      await countRows(
        `SELECT count(*) AS n FROM "SupporterContact" WHERE "signatureId" = $1::uuid`,
        second.signatureId,
      ),
    ).toBe(0);
  });

  it("lets an address's owner sign and send although someone else typed their address first", async () => {
    const platform = (name: string) =>
      submissionFor(campaign, {
        channel: "platform_email",
        consentIdentity: true,
        identity: "full",
        name,
        city: "Kazan",
        country: "RU",
        replyToMe: true,
        email: "owner@example.org",
      });
    const impostor = await recordSignature(slug, platform("Someone Else"));
    const owner = await recordSignature(slug, platform("The Owner"));
    expect(impostor.outcome).toBe("recorded");
    expect(owner.outcome).toBe("recorded");
    if (owner.outcome !== "recorded") return;
    // The owner confirms their own letters; the impostor's are never sent.
    expect(await confirmSupporterEmail(confirmationToken(owner.signatureId, new Date()))).toEqual({
      outcome: "confirmed",
      letters: 5,
    });
    if (impostor.outcome === "recorded") {
      expect(
        await countRows(
          `SELECT count(*) AS n FROM "Letter" WHERE "signatureId" = $1::uuid AND status = 'awaiting_confirmation'`,
          impostor.signatureId,
        ),
      ).toBe(5);
      expect(
        await countRows(
          `SELECT count(*) AS n FROM "DeliveryMessage" WHERE "signatureId" = $1::uuid`,
          impostor.signatureId,
        ),
      ).toBe(0);
    }
  });

  it("recognises a resubmitted form by its submission key", async () => {
    const submission = submissionFor(campaign, { submissionKey: "form-key-0123456789abcdef" });
    const first = await recordSignature(slug, submission);
    const again = await recordSignature(slug, submission);
    expect(first.outcome).toBe("recorded");
    expect(again.outcome).toBe("duplicate");
  });

  it("records a form sent twenty times at once as one signature, one confirmation email and one allowance spent", async () => {
    const submission = submissionFor(campaign, {
      submissionKey: "form-key-sent-twenty-times-at-once",
      channel: "platform_email",
      consentIdentity: true,
      email: "impatient@example.org",
    });
    const results = await Promise.all(Array.from({ length: 20 }, () => recordSignature(slug, submission)));
    const recorded = results.filter((r) => r.outcome === "recorded");
    expect(recorded).toHaveLength(1);
    const id = recorded[0]!.outcome === "recorded" ? recorded[0]!.signatureId : "";
    // The other nineteen name the one that was recorded, whether they saw it or waited on the unique index for it.
    expect(
      results.filter((r) => r.outcome === "duplicate").map((r) => r.outcome === "duplicate" && r.signatureId),
    ).toEqual(Array(19).fill(id));
    const rows = (table: string) =>
      countRows(`SELECT count(*) AS n FROM "${table}" WHERE "signatureId" = $1::uuid`, id);
    expect(await rows("Letter")).toBe(7);
    expect(await rows("SupporterContact")).toBe(1);
    expect(await rows("OutboxMessage")).toBe(1);
    expect(
      await countRows(`SELECT count(*) AS n FROM "Signature" WHERE "submissionKey" = $1`, submission.submissionKey),
    ).toBe(1);
    const { allowance } = confirmationAllowance(submission.email!);
    expect(await countRows(`SELECT coalesce(sum(points), 0) AS n FROM rate_limit WHERE key = $1`, allowance.key)).toBe(
      1,
    );
  });

  it("writes nothing of a signature, nor spends its proof of work or allowance, when its statement fails at the end", async () => {
    const builder = (await getLetterBuilder(slug, "en"))!;
    // An addressee the (stale) builder offers but the database does not hold: the
    // letters' foreign key fails when the statement ends, after every other part ran.
    const gone = { ...builder.addressees[0]!, id: randomUUID() };
    const stale = { ...builder, addressees: [...builder.addressees, gone] };
    const tables = ["Signature", "SupporterContact", "Letter", "PlatformLetter", "OutboxMessage", "PendingTally"];
    const count = async () =>
      Object.fromEntries(
        await Promise.all(tables.map(async (t) => [t, await countRows(`SELECT count(*) AS n FROM "${t}"`)] as const)),
      );
    const before = await count();
    const jobsBefore = await countRows(`SELECT count(*) AS n FROM graphile_worker.jobs`);
    const submission = submissionFor(campaign, {
      addressees: [builder.addressees[0]!.id, gone.id],
      channel: "platform_email",
      consentIdentity: true,
      email: "unlucky@example.org",
    });
    const gate = {
      challengeId: "challenge-of-a-failed-statement",
      challengeLifetimeSeconds: 600,
      client: { key: "sign-client:failed-statement", previousKey: null, points: 20, durationMs: 3_600_000 },
    };
    await expect(recordSignature(stale, submission, new Date(), undefined, gate)).rejects.toThrow();
    expect(await count()).toEqual(before);
    expect(await countRows(`SELECT count(*) AS n FROM graphile_worker.jobs`)).toBe(jobsBefore);
    expect(await countRows(`SELECT count(*) AS n FROM "ProofOfWorkUse" WHERE id = $1`, gate.challengeId)).toBe(0);
    const { allowance } = confirmationAllowance(submission.email!);
    for (const key of [gate.client.key, allowance.key])
      expect(await countRows(`SELECT count(*) AS n FROM rate_limit WHERE key = $1`, key)).toBe(0);
  });

  it("records nothing when the honeypot is filled, yet answers as usual", async () => {
    const before = await countRows(`SELECT count(*) AS n FROM "Signature"`);
    const result = await recordSignature(slug, submissionFor(campaign, { website: "http://spam.example" }));
    expect(result.outcome).toBe("ignored");
    expect(await countRows(`SELECT count(*) AS n FROM "Signature"`)).toBe(before);
  });

  it("refuses addressees from outside the campaign and leaves no partial rows", async () => {
    const before = await countRows(`SELECT count(*) AS n FROM "Letter"`);
    const result = await recordSignature(slug, {
      ...submissionFor(campaign),
      addressees: ["00000000-0000-4000-8000-000000000000"],
    });
    expect(result).toMatchObject({
      outcome: "invalid",
      fieldErrors: { addressees: [expect.stringContaining("not part of this campaign")] },
    });
    expect(await countRows(`SELECT count(*) AS n FROM "Letter"`)).toBe(before);
  });
});
