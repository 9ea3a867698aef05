import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { countRows, resetDatabase } from "../helpers/db";
import { seedLaunchCampaign } from "../helpers/factories";
import { postSignature } from "../helpers/signature-api";
import { submissionFor } from "../helpers/submissions";

const post = (body: unknown) => postSignature(body);

describe("POST /api/campaigns/{slug}/signatures", () => {
  let campaign: Awaited<ReturnType<typeof seedLaunchCampaign>>;
  beforeAll(async () => {
    await resetDatabase();
    campaign = await seedLaunchCampaign();
  });

  it("records a signature and answers its id, what was queued and the links for other channels", async () => {
    const response = await post(submissionFor(campaign, { channel: "own_email_client" }));
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.signatureId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.duplicate).toBe(false);
    expect(body.queued).toEqual({ platformEmails: 0, awaitingConfirmation: false });
    expect(body.links.mailto).toMatch(/^mailto:ministry@mid\.ru,pressa@genproc\.gov\.ru,fsb@fsb\.ru,mission\.russian@vtxnet\.ch\?subject=/);
    expect(body.links.x.map((x: { handle: string }) => x.handle)).toEqual(["KremlinRussia_E", "GovernmentRF"]);
    expect(body.links.x[0].url).toMatch(/^https:\/\/x\.com\/intent\/post\?text=%40KremlinRussia_E/);
    expect(body.links.pdf).toMatchObject({ method: "POST", url: expect.stringMatching(/\/c\/russia-amnesty-undesirable\/letters\/pdf$/) });
  });

  it("answers a duplicate with the first signature's id and no second count", async () => {
    const first = await (await post(submissionFor(campaign, { email: "api.twice@example.org" }))).json();
    const again = await post(submissionFor(campaign, { email: "API.twice@example.org" }));
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ signatureId: first.signatureId, duplicate: true });
  });

  it("answers 422 naming each invalid field", async () => {
    const response = await post({ ...submissionFor(campaign), channel: "platform_email", country: "XX" });
    expect(response.status).toBe(422);
    const { error } = await response.json();
    expect(Object.keys(error.fields).sort()).toEqual(["consentIdentity", "country", "email"]);
    expect(error.fields.country).toEqual(["Choose your country from the list."]);
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

  it("answers 429 with Retry-After once one email has signed too often", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      statuses.push((await post(submissionFor(campaign, { email: "hammer@example.org" }))).status);
    }
    expect(statuses.slice(0, 5)).toEqual([201, 200, 200, 200, 200]);
    const limited = await post(submissionFor(campaign, { email: "hammer@example.org" }));
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
      expect((await response.json()).error).toEqual({ code: "closed", message: "This campaign has closed; signatures are no longer collected." });
      expect(await countRows(`SELECT count(*) AS n FROM "Signature"`)).toBe(before);
    } finally {
      await db().campaign.update({ where: { id: campaign.id }, data: { closesAt: null } });
    }
  });
});
