// One email address submitted 1,000 times at once through the real
// POST /api/campaigns/{slug}/signatures handler gives one signature.
//
// With the real rate limits (what a client meets), the per-email limit
// (5 an hour) answers 429 to all but five, so only five race into the signing
// transaction: every answer is 201 (one), 200 (a duplicate naming the same
// signature) or 429, never 5xx. That alone proves little about uniqueness, so
// the second run switches the limit check off (in this file only; nothing
// else changes) and all 1,000 reach the signing transaction: the unique
// (campaign, email hash) index and the duplicate handling must keep it to
// one signature, one set of letters and one confirmation email.
//
// 1,000 full signing transactions at once are more than one process serves
// within DATABASE_CONNECT_TIMEOUT_MS (5 s) on a small machine; requests that
// wait longer for a connection are shed with 503 and Retry-After, by design.
// The second run accepts such 503s only if retrying each, as the answer
// says, gives the same one signature.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getTotals } from "@/app/api/campaigns/[slug]/totals/route";
import { emailHash } from "@/lib/privacy/encryption";
import { countRows, resetDatabase } from "../helpers/db";
import { seedLaunchCampaign } from "../helpers/factories";
import { launchSlug, postSignature } from "../helpers/signature-api";
import { submissionFor } from "../helpers/submissions";

const limits = vi.hoisted(() => ({ off: false }));
vi.mock("@/lib/signatures/rate-limits", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/signatures/rate-limits")>();
  return {
    ...real,
    checkSigningRateLimits: (options: Parameters<typeof real.checkSigningRateLimits>[0]) =>
      limits.off ? Promise.resolve({ limited: false as const }) : real.checkSigningRateLimits(options),
  };
});

const submissions = 1_000;
type Answer = { status: number; signatureId?: string | null; duplicate?: boolean; retryAfter: string | null; code?: string; ms: number };

async function totals(): Promise<{ signatures: number; letters: number }> {
  const response = await getTotals(new Request(`http://localhost/api/campaigns/${launchSlug}/totals`), { params: Promise.resolve({ slug: launchSlug }) });
  return response.json();
}

async function submitAtOnce(body: (i: number) => unknown): Promise<{ answers: Answer[]; ms: number }> {
  const started = performance.now();
  const answers = await Promise.all(
    Array.from({ length: submissions }, async (_, i) => {
      const sent = performance.now();
      const response = await postSignature(body(i));
      const json = (await response.json()) as { signatureId?: string | null; duplicate?: boolean; error?: { code: string } };
      const ms = performance.now() - sent;
      return { status: response.status, signatureId: json.signatureId, duplicate: json.duplicate, retryAfter: response.headers.get("retry-after"), code: json.error?.code, ms };
    }),
  );
  return { answers, ms: performance.now() - started };
}

/** Answer times: the median and the slowest, in milliseconds. */
function times(answers: Answer[]): string {
  const sorted = answers.map((a) => a.ms).sort((a, b) => a - b);
  return `median answer ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms, slowest ${sorted.at(-1)!.toFixed(0)} ms`;
}

function tally(answers: Answer[]): Record<number, number> {
  const byStatus: Record<number, number> = {};
  for (const a of answers) byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
  return byStatus;
}

/** What every run must show: one 201, the rest duplicates of it (or rate-limited, or shed as allowed); one row. */
async function expectOneSignature(answers: Answer[], email: string, allowed: number[]) {
  expect(answers.filter((a) => !allowed.includes(a.status)).map((a) => a.status)).toEqual([]);
  const recorded = answers.filter((a) => a.status === 201);
  expect(recorded).toHaveLength(1);
  const id = recorded[0]!.signatureId!;
  // Every duplicate names the one signature; every refusal says when to retry.
  for (const a of answers.filter((a) => a.status === 200)) expect(a).toMatchObject({ duplicate: true, signatureId: id });
  for (const a of answers.filter((a) => a.status === 429)) {
    expect(a.code).toBe("rate_limited");
    expect(a.retryAfter).toMatch(/^\d+$/);
  }
  for (const a of answers.filter((a) => a.status === 503)) {
    expect(a.code).toBe("unavailable");
    expect(a.retryAfter).toMatch(/^\d+$/);
  }
  expect(await countRows(`SELECT count(*) AS n FROM "Signature" WHERE "emailHash" = $1`, Buffer.from(emailHash(email)))).toBe(1);
  // One set of letters and one confirmation email: the losers' transactions left nothing.
  expect(await countRows(`SELECT count(*) AS n FROM "Letter" WHERE "signatureId" = $1::uuid`, id)).toBe(letterCount);
  expect(await countRows(`SELECT count(*) AS n FROM "OutboxMessage" WHERE "signatureId" = $1::uuid`, id)).toBe(1);
  return id;
}

let letterCount = 0;

describe("one email address submitted 1,000 times at once", () => {
  let campaign: Awaited<ReturnType<typeof seedLaunchCampaign>>;
  const platform = (email: string) => submissionFor(campaign, { channel: "platform_email", consentIdentity: true, email });

  beforeAll(async () => {
    await resetDatabase();
    campaign = await seedLaunchCampaign();
    letterCount = campaign.addressees.length;
  });

  it("with the rate limits: one 201, the few let through are 200 duplicates, the rest 429; one signature counted", async () => {
    const email = "same.person@example.org";
    const { answers, ms } = await submitAtOnce(() => platform(email));
    const byStatus = tally(answers);
    console.info(`[reliability] ${submissions} submissions of one email with rate limits in ${ms.toFixed(0)} ms (${times(answers)}): ${JSON.stringify(byStatus)}`);
    await expectOneSignature(answers, email, [200, 201, 429]);
    // The per-email limit (5 an hour) let at most five through to recordSignature.
    expect((byStatus[201] ?? 0) + (byStatus[200] ?? 0)).toBeLessThanOrEqual(5);
    expect(await totals()).toMatchObject({ signatures: 1, letters: letterCount });
    expect(await countRows(`SELECT count(*) AS n FROM "Signature"`)).toBe(1);
  });

  it("with every submission reaching the signing transaction: one 201, the rest duplicates of it; one signature counted", async () => {
    limits.off = true;
    try {
      const email = "another.person@example.org";
      // The same person, typing their address in capitals now and then.
      const { answers, ms } = await submitAtOnce((i) => platform(i % 3 === 0 ? ` ${email.toUpperCase()}` : email));
      const byStatus = tally(answers);
      console.info(`[reliability] ${submissions} submissions of one email without rate limits in ${ms.toFixed(0)} ms (${times(answers)}): ${JSON.stringify(byStatus)}`);
      const id = await expectOneSignature(answers, email, [200, 201, 503]);
      // A client told to retry does, and learns it has signed: the same signature.
      const shed = answers.filter((a) => a.status === 503);
      const retries = await Promise.all(shed.map(() => postSignature(platform(email))));
      for (const retry of retries) expect({ status: retry.status, ...(await retry.json()) }).toMatchObject({ status: 200, duplicate: true, signatureId: id });
      if (shed.length > 0) console.info(`[reliability]   ${shed.length} shed with 503 (waited over DATABASE_CONNECT_TIMEOUT_MS for a connection); each retry answered 200 with the same signature`);
      expect(await totals()).toMatchObject({ signatures: 2, letters: 2 * letterCount });
      expect(await countRows(`SELECT count(*) AS n FROM "Signature"`)).toBe(2);
    } finally {
      limits.off = false;
    }
  });
});
