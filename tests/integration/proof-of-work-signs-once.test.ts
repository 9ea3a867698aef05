// The ALTCHA proof of work, solved here as an API client would, through the
// real challenge route and the signing API. The cost is pinned low for tests
// (tests/setup/integration-worker.ts); bench/proof-of-work-solve-time.ts
// measures the default in a browser.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as challengeRoute } from "@/app/api/proof-of-work/route";
import { altchaVerdict, provenChallenge } from "@/lib/signatures/proof-of-work";
import { resetDatabase } from "../helpers/db";
import { seedLaunchCampaign } from "../helpers/factories";
import { postSignature, solvedProofOfWork } from "../helpers/signature-api";
import { submissionFor } from "../helpers/submissions";

type Payload = { challenge: { parameters: Record<string, unknown> }; solution: Record<string, unknown> };

const sign = (body: unknown) => postSignature(body);
const signatureRows = async () => (await import("@/lib/core/db")).db().signature.count();

describe("proof of work on signing", () => {
  let campaign: Awaited<ReturnType<typeof seedLaunchCampaign>>;
  beforeAll(async () => {
    await resetDatabase();
    campaign = await seedLaunchCampaign();
  });

  it("hands out PBKDF2 challenges that nobody may cache", async () => {
    const response = await challengeRoute(new Request("http://localhost/api/proof-of-work"));
    expect(response.headers.get("cache-control")).toBe("no-store");
    const challenge = await response.json();
    expect(challenge.parameters).toMatchObject({
      algorithm: "PBKDF2/SHA-256",
      cost: Number(process.env.PROOF_OF_WORK_ITERATIONS),
    });
    expect(challenge.signature).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses an API signature without a proof of work, saying where to get one, and records nothing", async () => {
    const before = await signatureRows();
    const answer = await sign(submissionFor(campaign, { altcha: undefined }));
    expect(answer.status).toBe(422);
    expect((await answer.json()).error.fields).toEqual({
      altcha: ["Required: solve a challenge from GET /api/proof-of-work (ALTCHA) and send the solution as altcha."],
    });
    expect(await signatureRows()).toBe(before);
  });

  it("accepts a solved challenge once, and refuses the same solution a second time", async () => {
    const altcha = await solvedProofOfWork();
    const first = await sign(submissionFor(campaign, { altcha }));
    expect(first.status).toBe(201);
    const replay = await sign(submissionFor(campaign, { altcha }));
    expect(replay.status).toBe(422);
    expect((await replay.json()).error.fields).toEqual({
      altcha: ["Solve a fresh challenge from GET /api/proof-of-work."],
    });
  });

  it("refuses a forged or tampered solution", async () => {
    // What proves the work is the derived key, checked against the key's
    // signature in the challenge (the counter that found it is not re-run).
    const tamperings = [
      (d: Payload) => ({ ...d, solution: { ...d.solution, derivedKey: "00".repeat(32) } }),
      (d: Payload) => ({
        ...d,
        challenge: { ...d.challenge, parameters: { ...d.challenge.parameters, cost: 1, expiresAt: 4_102_444_800 } },
      }),
      (d: Payload) => ({
        ...d,
        challenge: { ...d.challenge, parameters: { ...d.challenge.parameters, keySignature: "00".repeat(32) } },
      }),
    ];
    for (const tamper of tamperings) {
      const decoded = JSON.parse(atob(await solvedProofOfWork()));
      const answer = await sign(submissionFor(campaign, { altcha: btoa(JSON.stringify(tamper(decoded))) }));
      expect(answer.status).toBe(422);
    }
    const garbage = await sign(submissionFor(campaign, { altcha: "not-a-payload" }));
    expect(garbage.status).toBe(422);
  });

  it("judges every solution as altcha-lib does, though with node:crypto's HMAC", async () => {
    const decoded = JSON.parse(atob(await solvedProofOfWork())) as Payload & { challenge: { signature: string } };
    const { parameters } = decoded.challenge;
    const variants: unknown[] = [
      decoded,
      { ...decoded, challenge: { ...decoded.challenge, signature: decoded.challenge.signature.toUpperCase() } },
      { ...decoded, challenge: { ...decoded.challenge, signature: undefined } },
      { ...decoded, challenge: { ...decoded.challenge, signature: 12 } },
      { ...decoded, challenge: { ...decoded.challenge, parameters: { ...parameters, expiresAt: 1 } } },
      { ...decoded, challenge: { ...decoded.challenge, parameters: { ...parameters, cost: 2 } } },
      { ...decoded, challenge: { ...decoded.challenge, parameters: { ...parameters, extra: "x" } } },
      { ...decoded, challenge: { ...decoded.challenge, parameters: { ...parameters, keySignature: "" } } },
      { ...decoded, challenge: { ...decoded.challenge, parameters: { ...parameters, keySignature: undefined } } },
      { ...decoded, challenge: { ...decoded.challenge, parameters: null } },
      { ...decoded, challenge: null },
      { ...decoded, solution: null },
      { ...decoded, solution: { ...decoded.solution, derivedKey: String(decoded.solution.derivedKey).toUpperCase() } },
      { ...decoded, solution: { ...decoded.solution, derivedKey: `${String(decoded.solution.derivedKey)}0` } },
      { ...decoded, solution: { ...decoded.solution, derivedKey: "00".repeat(32) } },
      { ...decoded, solution: { ...decoded.solution, derivedKey: 7 } },
      { ...decoded, solution: { ...decoded.solution, counter: -1 } },
      { ...decoded, solution: { ...decoded.solution, counter: 1.5 } },
      { ...decoded, solution: { ...decoded.solution, counter: "1" } },
      { ...decoded, solution: { ...decoded.solution, counter: 2 ** 32 } },
      { challenge: decoded.challenge },
      { verificationData: "id=1", signature: "00" },
      null,
      [],
      "text",
    ];
    const payloads = [...variants.map((v) => btoa(JSON.stringify(v))), "not base64 !", btoa("{not json")];
    for (const payload of payloads)
      expect(await provenChallenge(payload), payload.slice(0, 120)).toBe(await altchaVerdict(payload));
    expect(await provenChallenge(payloads[0]!)).toBe(String(parameters.nonce));
  });
});
