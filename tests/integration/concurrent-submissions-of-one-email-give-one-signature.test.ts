import { beforeAll, describe, expect, it } from "vitest";
import { recordSignature } from "@/lib/signatures/record-signature";
import { countRows, resetDatabase } from "../helpers/db";
import { seedLaunchCampaign } from "../helpers/factories";
import { submissionFor } from "../helpers/submissions";

describe("200 concurrent submissions of one email address", () => {
  let campaign: Awaited<ReturnType<typeof seedLaunchCampaign>>;
  beforeAll(async () => {
    await resetDatabase();
    campaign = await seedLaunchCampaign();
  });

  it("record exactly one signature; every other answer says it is a duplicate", async () => {
    const results = await Promise.all(
      Array.from({ length: 200 }, () =>
        recordSignature("russia-amnesty-undesirable", submissionFor(campaign, { email: "same.person@example.org", channel: "own_email_client" })),
      ),
    );
    const outcomes = results.map((r) => r.outcome);
    expect(outcomes.filter((o) => o === "recorded")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "duplicate")).toHaveLength(199);
    expect(await countRows(`SELECT count(*) AS n FROM "Signature"`)).toBe(1);
    expect(await countRows(`SELECT count(*) AS n FROM "Letter"`)).toBe(7);
    expect(await countRows(`SELECT count(*) AS n FROM "PendingTally"`)).toBe(8);
  });
});
