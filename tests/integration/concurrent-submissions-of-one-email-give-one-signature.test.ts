// One address submitted 200 times at once, then every confirmation link
// clicked at once: each submission is recorded alike (nothing at submission
// may tell that the address was used before), and exactly one signature is
// counted and sends its letters.
import { beforeAll, describe, expect, it } from "vitest";
import { confirmationToken } from "@/lib/signatures/confirmation-email";
import { confirmSupporterEmail } from "@/lib/signatures/confirm-supporter-email";
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

  it("are each recorded alike, and once all are confirmed at once, one signature counts and sends", async () => {
    const results = await Promise.all(
      Array.from({ length: 200 }, () =>
        recordSignature(
          "russia-amnesty-undesirable",
          submissionFor(campaign, {
            email: "same.person@example.org",
            channel: "platform_email",
            consentIdentity: true,
          }),
        ),
      ),
    );
    expect(new Set(results.map((r) => r.outcome))).toEqual(new Set(["recorded"]));
    const ids = results.flatMap((r) => (r.outcome === "recorded" ? [r.signatureId] : []));
    expect(new Set(ids).size).toBe(200);
    // Nothing counts before its address is confirmed. (Rows with a dimension
    // are status counts of emails and delivery messages, written by triggers.)
    expect(await countRows(`SELECT count(*) AS n FROM "PendingTally" WHERE dimension IS NULL`)).toBe(0);

    const outcomes = await Promise.all(ids.map((id) => confirmSupporterEmail(confirmationToken(id, new Date()))));
    expect(outcomes.filter((o) => o.outcome === "confirmed")).toEqual([{ outcome: "confirmed", letters: 5 }]);
    expect(outcomes.filter((o) => o.outcome === "already_signed")).toHaveLength(199);
    expect(await countRows(`SELECT count(*) AS n FROM "Signature" WHERE "countedAt" IS NOT NULL`)).toBe(1);
    expect(await countRows(`SELECT count(*) AS n FROM "Letter" WHERE status = 'queued'`)).toBe(5);
    // One signature and its seven letters go into the totals.
    expect(await countRows(`SELECT count(*) AS n FROM "PendingTally" WHERE dimension IS NULL`)).toBe(8);
  });
});
