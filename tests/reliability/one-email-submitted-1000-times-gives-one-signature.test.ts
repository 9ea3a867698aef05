// One email address submitted 1,000 times at once through the real
// POST /api/campaigns/{slug}/signatures handler, then all 1,000
// confirmation links clicked at once, gives one counted signature.
//
// Every submission gets the same answer (201, a fresh id): whether the
// address was used before must not show in any answer, or a state holding a
// list of addresses could test each one. The address gets at most five
// confirmation emails an hour, however often it is typed. Uniqueness is kept
// where the owner of the mailbox acts: of 1,000 confirmations racing, the
// unique (campaign, email hash) index lets one signature count and send; the
// rest are told, on the owner's own screen, that the address had signed.
//
// Requests that wait too long for a database connection may be shed with 503
// and Retry-After, by design; they are counted and allowed.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getTotals } from "@/app/api/campaigns/[slug]/totals/route";
import { confirmationToken } from "@/lib/signatures/confirmation-email";
import { confirmSupporterEmail } from "@/lib/signatures/confirm-supporter-email";
import { countRows, resetDatabase } from "../helpers/db";
import { seedLaunchCampaign } from "../helpers/factories";
import { launchSlug, postSignature } from "../helpers/signature-api";
import { submissionFor } from "../helpers/submissions";

const submissions = 1_000;
type Answer = {
  status: number;
  signatureId?: string;
  duplicate?: boolean;
  retryAfter: string | null;
  code?: string;
  ms: number;
};

async function totals(): Promise<{ signatures: number; letters: number }> {
  const response = await getTotals(new Request(`http://localhost/api/campaigns/${launchSlug}/totals`), {
    params: Promise.resolve({ slug: launchSlug }),
  });
  return response.json();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

describe("one email address submitted 1,000 times at once", () => {
  let campaign: Awaited<ReturnType<typeof seedLaunchCampaign>>;

  beforeAll(async () => {
    await resetDatabase();
    campaign = await seedLaunchCampaign();
  });

  it("answers every submission alike, emails the address five times, and counts one signature once the links are clicked", async () => {
    const email = "same.person@example.org";
    const started = performance.now();
    const answers: Answer[] = await Promise.all(
      Array.from({ length: submissions }, async (_, i) => {
        const sent = performance.now();
        // The same person, typing their address in capitals now and then.
        const response = await postSignature(
          submissionFor(campaign, {
            channel: "platform_email",
            consentIdentity: true,
            email: i % 3 === 0 ? ` ${email.toUpperCase()}` : email,
          }),
        );
        const json = (await response.json()) as { signatureId?: string; duplicate?: boolean; error?: { code: string } };
        return {
          status: response.status,
          signatureId: json.signatureId,
          duplicate: json.duplicate,
          retryAfter: response.headers.get("retry-after"),
          code: json.error?.code,
          ms: performance.now() - sent,
        };
      }),
    );
    const byStatus: Record<number, number> = {};
    for (const a of answers) byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
    console.info(
      `[reliability] ${submissions} submissions of one email in ${(performance.now() - started).toFixed(0)} ms (median answer ${median(answers.map((a) => a.ms)).toFixed(0)} ms): ${JSON.stringify(byStatus)}`,
    );

    expect(answers.filter((a) => a.status !== 201 && a.status !== 503).map((a) => a.status)).toEqual([]);
    for (const a of answers.filter((a) => a.status === 503))
      expect(a).toMatchObject({ code: "unavailable", retryAfter: expect.stringMatching(/^\d+$/) });
    const recorded = answers.filter((a) => a.status === 201);
    for (const a of recorded) expect(a.duplicate).toBe(false);
    const ids = recorded.map((a) => a.signatureId!);
    expect(new Set(ids).size).toBe(recorded.length);
    expect(await countRows(`SELECT count(*) AS n FROM "Signature" WHERE id = ANY($1::uuid[])`, ids)).toBe(
      recorded.length,
    );
    expect(await countRows(`SELECT count(*) AS n FROM "OutboxMessage" WHERE kind = 'address_confirmation'`)).toBe(5);
    expect(await totals()).toMatchObject({ signatures: 0, letters: 0 });

    const confirmedAt = performance.now();
    const outcomes = await Promise.all(ids.map((id) => confirmSupporterEmail(confirmationToken(id, new Date()))));
    const byOutcome: Record<string, number> = {};
    for (const o of outcomes) byOutcome[o.outcome] = (byOutcome[o.outcome] ?? 0) + 1;
    console.info(
      `[reliability] ${ids.length} confirmations at once in ${(performance.now() - confirmedAt).toFixed(0)} ms: ${JSON.stringify(byOutcome)}`,
    );
    expect(byOutcome).toEqual({ confirmed: 1, already_signed: ids.length - 1 });
    expect(await countRows(`SELECT count(*) AS n FROM "Signature" WHERE "countedAt" IS NOT NULL`)).toBe(1);
    expect(await countRows(`SELECT count(*) AS n FROM "DeliveryMessage"`)).toBe(4); // Geneva and Brussels share one address
    expect(await totals()).toMatchObject({ signatures: 1, letters: campaign.addressees.length });
  });
});
