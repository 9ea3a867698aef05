// Someone types a supporter's address into the letter form again and again.
// The address gets at most five confirmation emails an hour; what comes
// after is held, not dropped: when the hour ends, one email lists every held
// submission, each with its own link to the page that shows its exact text.
// So the owner's own submission, made in the middle of the flood, still
// reaches them, and nothing is sent in their name without them.
import { beforeAll, describe, expect, it } from "vitest";
import { tasks } from "@/lib/worker/worker";
import { db } from "@/lib/core/db";
import { decryptText } from "@/lib/privacy/encryption";
import { confirmSupporterEmail, lettersAwaitingConfirmation } from "@/lib/signatures/confirm-supporter-email";
import { resetDatabase } from "../helpers/db";
import { seedLaunchCampaign } from "../helpers/factories";
import { postSignature } from "../helpers/signature-api";
import { submissionFor } from "../helpers/submissions";

// Each submission from its own client: the per-client limit is another test.
process.env.CLIENT_IP_HEADER = "x-client";
const owner = "flooded.owner@example.org";

async function emailsTo(address: string, kind: "address_confirmation" | "held_confirmations") {
  const rows = await db().outboxMessage.findMany({ where: { kind }, orderBy: { createdAt: "asc" } });
  return rows
    .filter((m) => decryptText(m.toEncrypted, { table: "OutboxMessage", column: "toEncrypted", row: m.id }) === address)
    .map((m) => ({
      subject: m.subject,
      text: decryptText(m.textEncrypted, { table: "OutboxMessage", column: "textEncrypted", row: m.id }),
    }));
}

describe("an address typed again and again", () => {
  let campaign: Awaited<ReturnType<typeof seedLaunchCampaign>>;
  beforeAll(async () => {
    await resetDatabase();
    campaign = await seedLaunchCampaign();
  });

  it("still brings the owner's own submission to them, in one email when the hour ends", async () => {
    const submission = (sentence: string) =>
      submissionFor(campaign, {
        channel: "platform_email",
        consentIdentity: true,
        email: owner,
        body: `{{salutation}}\n\n${sentence}\n\n{{signer}}`,
      });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push(
        (await postSignature(submission(`Flood sentence ${i}.`), undefined, { "x-client": `203.0.113.${i}` })).status,
      );
    statuses.push(
      (await postSignature(submission("Owner sentence 5512."), undefined, { "x-client": "198.51.100.5" })).status,
    );
    statuses.push(
      (await postSignature(submission("Flood sentence after the owner."), undefined, { "x-client": "203.0.113.99" }))
        .status,
    );
    // Every answer alike: the requester learns nothing about the address.
    expect(statuses).toEqual(Array(7).fill(201));

    // Five confirmation emails, then nothing more this hour: the inbox is not flooded.
    expect(await emailsTo(owner, "address_confirmation")).toHaveLength(5);
    const held = await db().heldConfirmation.findMany();
    expect(held).toHaveLength(2);
    expect(new Set(held.map((h) => h.addressKey)).size).toBe(1);
    expect(held[0]!.addressKey).not.toContain("flooded");
    // One job for the address, at the end of its hour.
    // (Jobs of other files on this worker's database are not emptied between files: this address's only.)
    // As epoch milliseconds from PostgreSQL itself: a timestamp parsed on the way would depend on the time zone.
    const jobs = await db().$queryRawUnsafe<{ run_at: number }[]>(
      `SELECT (extract(epoch FROM run_at) * 1000)::float8 AS run_at FROM graphile_worker.jobs WHERE task_identifier = 'send-held-confirmations' AND key = 'held:' || $1`,
      held[0]!.addressKey,
    );
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.run_at).toBeGreaterThan(Date.now());
    expect(jobs[0]!.run_at).toBeLessThanOrEqual(Date.now() + 3600_000);

    // The hour ends: the worker runs the job.
    await tasks["send-held-confirmations"]!({ addressKey: held[0]!.addressKey }, {} as never);
    const digests = await emailsTo(owner, "held_confirmations");
    expect(digests).toHaveLength(1);
    expect(digests[0]!.subject).toBe("Letters in your name are waiting: see them before anything is sent");
    expect(digests[0]!.text).toContain(
      "Someone else may have typed your address: confirm only what you wrote yourself.",
    );
    const links = [...digests[0]!.text.matchAll(/\/confirm\?token=([^&\s]+)/g)].map((m) => decodeURIComponent(m[1]!));
    expect(links).toHaveLength(2);
    expect(digests[0]!.text.match(/This was not me: delete it:/g)).toHaveLength(2);

    // The owner opens each link: the page shows the exact text; they confirm theirs only.
    const shown = await Promise.all(
      links.map(async (token) => ({ token, letters: await lettersAwaitingConfirmation(token, "en") })),
    );
    const own = shown.find((s) => s.letters?.text.includes("Owner sentence 5512."));
    const other = shown.find((s) => s.letters?.text.includes("Flood sentence after the owner."));
    expect(own && other).toBeTruthy();
    expect((await confirmSupporterEmail(own!.token)).outcome).toBe("confirmed");
    expect(await lettersAwaitingConfirmation(other!.token, "en")).not.toBeNull();

    // Nothing is listed twice: the job run again finds nothing and sends nothing.
    await tasks["send-held-confirmations"]!({ addressKey: held[0]!.addressKey }, {} as never);
    expect(await emailsTo(owner, "held_confirmations")).toHaveLength(1);
    expect(await db().heldConfirmation.count()).toBe(0);
  });
});
