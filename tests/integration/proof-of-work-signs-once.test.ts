// The ALTCHA proof of work, solved here as a browser would, through the real
// challenge route and the signing API.
import { solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/sha";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as challengeRoute } from "@/app/api/proof-of-work/route";
import { resetDatabase } from "../helpers/db";
import { seedLaunchCampaign } from "../helpers/factories";
import { postSignature } from "../helpers/signature-api";
import { submissionFor } from "../helpers/submissions";

const sign = (body: unknown) => postSignature(body);

async function solvedPayload(): Promise<string> {
  const response = await challengeRoute(new Request("http://localhost/api/proof-of-work"));
  expect(response.headers.get("cache-control")).toBe("no-store");
  const challenge = await response.json();
  const solution = await solveChallenge({ challenge, deriveKey });
  expect(solution).not.toBeNull();
  return btoa(JSON.stringify({ challenge, solution }));
}

describe("proof of work on signing", () => {
  let campaign: Awaited<ReturnType<typeof seedLaunchCampaign>>;
  beforeAll(async () => {
    await resetDatabase();
    campaign = await seedLaunchCampaign();
  });

  it("accepts a solved challenge once, and refuses the same solution a second time", async () => {
    const altcha = await solvedPayload();
    const first = await sign(submissionFor(campaign, { altcha }));
    expect(first.status).toBe(201);
    const replay = await sign(submissionFor(campaign, { altcha }));
    expect(replay.status).toBe(422);
    expect((await replay.json()).error.fields).toEqual({ altcha: ["Solve a fresh challenge from GET /api/proof-of-work."] });
  });

  it("refuses a forged or tampered solution", async () => {
    const altcha = await solvedPayload();
    const decoded = JSON.parse(atob(altcha));
    decoded.solution.counter += 1;
    const forged = await sign(submissionFor(campaign, { altcha: btoa(JSON.stringify(decoded)) }));
    expect(forged.status).toBe(422);
    const garbage = await sign(submissionFor(campaign, { altcha: "not-a-payload" }));
    expect(garbage.status).toBe(422);
  });
});
