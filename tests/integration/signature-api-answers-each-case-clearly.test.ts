import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { confirmationToken } from "@/lib/signatures/confirmation-email";
import { confirmSupporterEmail } from "@/lib/signatures/confirm-supporter-email";
import { signatureAnswerSchema } from "@/lib/signatures/schema";
import { countRows, resetDatabase } from "../helpers/db";
import { seedLaunchCampaign } from "../helpers/factories";
import { postSignature, solvedProofOfWork } from "../helpers/signature-api";
import { submissionFor } from "../helpers/submissions";

// Clients told apart by a proxy header, as in production; each request here
// comes from a client of its own unless a test says otherwise.
process.env.CLIENT_IP_HEADER = "x-client";
let nextClient = 0;
const post = (body: unknown) => postSignature(body, undefined, { "x-client": `198.51.100.${nextClient++ % 250}` });

describe("POST /api/campaigns/{slug}/signatures", () => {
  let campaign: Awaited<ReturnType<typeof seedLaunchCampaign>>;
  beforeAll(async () => {
    await resetDatabase();
    campaign = await seedLaunchCampaign();
  });

  it("records a signature and answers its id, what was queued and the letters, and the links only when asked", async () => {
    const bare = await post(submissionFor(campaign, { channel: "own_email_client" }));
    expect(bare.status).toBe(201);
    const answer = await bare.json();
    expect(Object.keys(answer)).toEqual(["signatureId", "duplicate", "queued", "letters"]);
    expect(signatureAnswerSchema.strict().parse(answer).letters).toHaveLength(7);
    expect(answer.letters.filter((l: { channel: string }) => l.channel === "x_post")).toHaveLength(2);

    const response = await postSignature(
      submissionFor(campaign, { channel: "own_email_client" }),
      undefined,
      { "x-client": `198.51.100.${nextClient++ % 250}` },
      "include=links",
    );
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(signatureAnswerSchema.strict().parse(body)).toEqual(body);
    expect(body.signatureId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.duplicate).toBe(false);
    expect(body.queued).toEqual({ platformEmails: 0, awaitingConfirmation: false });
    expect(body.links.mailto).toMatch(
      /^mailto:ministry@mid\.ru,pressa@genproc\.gov\.ru,fsb@fsb\.ru,mission\.russian@vtxnet\.ch\?subject=/,
    );
    expect(body.links.x.map((x: { handle: string }) => x.handle)).toEqual(["KremlinRussia_E", "GovernmentRF"]);
    expect(body.links.x[0].url).toMatch(/^https:\/\/x\.com\/intent\/post\?text=%40KremlinRussia_E/);
    expect(body.links.pdf).toMatchObject({
      method: "POST",
      url: expect.stringMatching(/\/c\/russia-amnesty-undesirable\/letters\/pdf$/),
    });
  });

  it("answers an address that signed before exactly like a new one, and a honeypot hit and a flooded address alike", async () => {
    const platform = (email: string, extra: Record<string, unknown> = {}) =>
      submissionFor(campaign, { channel: "platform_email", consentIdentity: true, email, ...extra });
    // The victim signed and confirmed.
    const signed = await (await post(platform("victim@example.org"))).json();
    expect((await confirmSupporterEmail(confirmationToken(signed.signatureId, new Date()))).outcome).toBe("confirmed");
    // The address of someone who signed, one who did not, the honeypot, and an address used ten times this hour.
    for (let i = 0; i < 10; i++) await post(platform("flooded@example.org"));
    const answers = [
      await post(platform("VICTIM@example.org")),
      await post(platform("never.signed@example.org")),
      await post(platform("someone@example.org", { website: "http://spam.example" })),
      await post(platform("flooded@example.org")),
    ];
    const seen = await Promise.all(answers.map(async (a) => ({ status: a.status, body: await a.json() })));
    const brief = ({ status, body }: (typeof seen)[number]) =>
      JSON.stringify({
        status,
        signatureId: body.signatureId,
        duplicate: body.duplicate,
        queued: body.queued,
        letters: body.letters.length,
      });
    console.info(`[oracle] signed before: ${brief(seen[0]!)}\n[oracle] never signed: ${brief(seen[1]!)}`);
    const shape = ({ status, body }: { status: number; body: { signatureId: string } }) => ({
      status,
      body: { ...body, signatureId: body.signatureId.replace(/[0-9a-f]/g, "x") },
    });
    for (const answer of seen.slice(1)) expect(shape(answer)).toEqual(shape(seen[0]!));
    expect(seen[0]).toMatchObject({
      status: 201,
      body: { duplicate: false, queued: { platformEmails: 5, awaitingConfirmation: true } },
    });
    expect(new Set(seen.map((s) => s.body.signatureId)).size).toBe(4);
    expect(seen.map((s) => s.body.signatureId)).not.toContain(signed.signatureId);
  });

  it("answers a form sent again, its proof of work spent by the first, as the duplicate it is", async () => {
    const form = {
      ...submissionFor(campaign, { channel: "own_email_client", submissionKey: "answer-lost-on-the-way-01" }),
      altcha: await solvedProofOfWork(),
    };
    const first = await post(form);
    expect(first.status).toBe(201);
    const { signatureId } = await first.json();
    // The answer was lost on the way: the client sends exactly the same form again.
    const again = await post(form);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ signatureId, duplicate: true });
    // The spent proof with any other form is still refused, and nothing more is written.
    const other = await post({ ...form, submissionKey: "another-form-same-proof-1" });
    expect(other.status).toBe(422);
    expect((await other.json()).error.fields).toHaveProperty("altcha");
    expect(await countRows(`SELECT count(*) AS n FROM "Signature" WHERE "submissionKey" LIKE $1`, "%-form%")).toBe(0);
    expect(
      await countRows(`SELECT count(*) AS n FROM "Signature" WHERE "submissionKey" = $1`, form.submissionKey),
    ).toBe(1);
  });

  it("answers 422 naming each invalid field", async () => {
    const response = await post({ ...submissionFor(campaign), channel: "platform_email", country: "XX" });
    expect(response.status).toBe(422);
    const { error } = await response.json();
    expect(Object.keys(error.fields).sort()).toEqual(["consentIdentity", "country", "email"]);
    expect(error.fields.country).toEqual(["Choose your country, or “I prefer not to say”."]);
  });

  it("answers 400 for an unknown query parameter or include, and records nothing", async () => {
    const before = await countRows(`SELECT count(*) AS n FROM "Signature"`);
    for (const query of ["include=everything", "debug=1"]) {
      const answer = await postSignature(submissionFor(campaign), undefined, { "x-client": "192.0.2.9" }, query);
      expect(answer.status).toBe(400);
      expect((await answer.json()).error.code).toBe("bad_request");
    }
    expect(await countRows(`SELECT count(*) AS n FROM "Signature"`)).toBe(before);
  });

  it("answers 400 for unknown fields and for a body that is not JSON", async () => {
    const unknown = await post({ ...submissionFor(campaign), role: "admin" });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.fields).toEqual({ role: ["Unknown field: role."] });
    const broken = await post("{not json");
    expect(broken.status).toBe(400);
    expect((await broken.json()).error.message).toBe("The body is not valid JSON.");
  });

  it("answers 413 for a body over 64 KiB without reading it into a signature", async () => {
    const response = await post({ ...submissionFor(campaign), body: "x".repeat(70_000) });
    expect(response.status).toBe(413);
  });

  it("sends an address at most five confirmation emails an hour, however often it is typed, and records every submission", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      const answer = await post(
        submissionFor(campaign, { channel: "platform_email", consentIdentity: true, email: "hammer@example.org" }),
      );
      expect(answer.status).toBe(201);
      ids.push((await answer.json()).signatureId);
    }
    expect(await countRows(`SELECT count(*) AS n FROM "Signature" WHERE id = ANY($1::uuid[])`, ids)).toBe(8);
    expect(
      await countRows(
        `SELECT count(*) AS n FROM "OutboxMessage" WHERE kind = 'address_confirmation' AND "signatureId" = ANY($1::uuid[])`,
        ids,
      ),
    ).toBe(5);
  });

  it("answers 429 with Retry-After once one client has signed too often", async () => {
    const client = { "x-client": "203.0.113.7" };
    const statuses: number[] = [];
    // Every API signature carries a proof of work, so the client's allowance is the larger one: 20 an hour.
    for (let i = 0; i < 20; i++)
      statuses.push((await postSignature(submissionFor(campaign), undefined, client)).status);
    expect(statuses).toEqual(Array(20).fill(201));
    const limited = await postSignature(submissionFor(campaign), undefined, client);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await limited.json()).error.message).toMatch(/^Too many signatures from here in a short time/);
  });

  it("answers 409 once the campaign's closing time has passed, and records nothing", async () => {
    const before = await countRows(`SELECT count(*) AS n FROM "Signature"`);
    await db().campaign.update({ where: { id: campaign.id }, data: { closesAt: new Date(Date.now() - 60_000) } });
    try {
      const response = await post(submissionFor(campaign, { channel: "own_email_client" }));
      expect(response.status).toBe(409);
      expect((await response.json()).error).toEqual({
        code: "closed",
        message: "This campaign has closed; signatures are no longer collected.",
      });
      expect(await countRows(`SELECT count(*) AS n FROM "Signature"`)).toBe(before);
    } finally {
      await db().campaign.update({ where: { id: campaign.id }, data: { closesAt: null } });
    }
  });

  it("answers 403 to a post from another website's page, and records nothing", async () => {
    const before = await countRows(`SELECT count(*) AS n FROM "Signature"`);
    const fromElsewhere = await postSignature(submissionFor(campaign), undefined, {
      origin: "https://evil.example",
      "x-client": "192.0.2.1",
    });
    expect(fromElsewhere.status).toBe(403);
    expect((await fromElsewhere.json()).error).toEqual({
      code: "cross_site",
      message:
        "Signatures cannot be posted from another website's page. Sign on the campaign's own page, or call the API from a server.",
    });
    const noOrigin = await postSignature(submissionFor(campaign), undefined, {
      "sec-fetch-site": "cross-site",
      "x-client": "192.0.2.2",
    });
    expect(noOrigin.status).toBe(403);
    expect(await countRows(`SELECT count(*) AS n FROM "Signature"`)).toBe(before);
    // Our own origin, and a server calling the API (no Origin at all), sign as usual.
    expect(
      (
        await postSignature(submissionFor(campaign), undefined, {
          origin: new URL(process.env.PUBLIC_URL ?? "http://localhost:3000").origin,
          "x-client": "192.0.2.3",
        })
      ).status,
    ).toBe(201);
    expect((await post(submissionFor(campaign))).status).toBe(201);
  });
});
