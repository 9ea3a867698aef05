// A burst of signatures, with roll-ups running in the middle of it: every
// figure on the staff dashboard equals a plain count over the raw rows.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { rollUpTallies } from "@/lib/tallies/roll-up-tallies";
import { confirmationToken } from "@/lib/signatures/confirmation-email";
import { confirmSupporterEmail } from "@/lib/signatures/confirm-supporter-email";
import { recordSignature } from "@/lib/signatures/record-signature";
import { getDashboard } from "@/lib/staff/get-dashboard";
import { aggregatesCsv, consentedSupportersCsv } from "@/lib/staff/export-csv";
import { resetDatabase } from "../helpers/db";
import { seedLaunchCampaign, staffMember } from "../helpers/factories";
import { submissionFor } from "../helpers/submissions";

const countries = ["DE", "FR", "RU", "BR", "JP"];
const channels = ["pdf_print", "own_email_client", "self_reported", "platform_email"] as const;

async function rawCounts(campaignId: string, sql: string): Promise<Record<string, number>> {
  const rows = await db().$queryRawUnsafe<{ key: string; n: bigint }[]>(sql, campaignId);
  return Object.fromEntries(rows.map((r) => [r.key, Number(r.n)]));
}

describe("the dashboard after a burst", () => {
  let campaign: Awaited<ReturnType<typeof seedLaunchCampaign>>;
  beforeAll(async () => {
    await resetDatabase();
    campaign = await seedLaunchCampaign();
  });

  it("shows figures exactly equal to counts over the raw rows", { timeout: 120_000 }, async () => {
    const staff = await staffMember("staff");
    const ids = campaign.addressees.map((a) => a.addressee.id);
    const burst = Array.from({ length: 240 }, (_, i) =>
      recordSignature(
        campaign.slug,
        submissionFor(campaign, {
          country: countries[i % countries.length],
          channel: channels[i % channels.length],
          addressees: ids.slice(0, 1 + (i % ids.length)),
          email: channels[i % channels.length] === "platform_email" ? `burst${i}@example.org` : undefined,
          consentIdentity: true,
        }),
      ),
    );
    // Roll-ups run while the burst is being written, as the timer would.
    const rollUps = Array.from({ length: 6 }, async (_, i) => {
      await new Promise((resolve) => setTimeout(resolve, i * 40));
      await rollUpTallies();
    });
    const results = await Promise.all([...burst, ...rollUps]);
    expect(results.slice(0, 240).every((r) => (r as { outcome: string }).outcome === "recorded")).toBe(true);
    // Signatures that ask us to send count once their address is confirmed:
    // the supporters click their links, while roll-ups run again.
    // (A signature whose chosen addressees have no email address sends
    // nothing through us, so it counts at once.)
    const awaiting = (results.slice(0, 240) as Awaited<ReturnType<typeof recordSignature>>[]).flatMap((r) =>
      r.outcome === "recorded" && r.confirmationQueued ? [r.signatureId] : [],
    );
    expect(awaiting.length).toBeGreaterThan(0);
    expect((await getDashboard(staff, campaign.slug)).signatures).toBe(240 - awaiting.length);
    const confirmations = awaiting.map((id) => confirmSupporterEmail(confirmationToken(id, new Date())));
    await Promise.all([...confirmations, ...Array.from({ length: 3 }, () => rollUpTallies())]);

    const dashboard = await getDashboard(staff, campaign.slug);
    const toMap = (counts: { key: string; count: number }[]) => Object.fromEntries(counts.map((c) => [c.key, c.count]));
    expect(dashboard.signatures).toBe(await db().signature.count({ where: { campaignId: campaign.id } }));
    expect(dashboard.letters).toBe(await db().letter.count({ where: { campaignId: campaign.id } }));
    expect(toMap(dashboard.byCountry)).toEqual(
      await rawCounts(
        campaign.id,
        `SELECT country AS key, count(*) AS n FROM "Signature" WHERE "campaignId" = $1::uuid GROUP BY 1`,
      ),
    );
    expect(toMap(dashboard.byChannel)).toEqual(
      await rawCounts(
        campaign.id,
        `SELECT channel::text AS key, count(*) AS n FROM "Letter" WHERE "campaignId" = $1::uuid GROUP BY 1`,
      ),
    );
    expect(toMap(dashboard.byAddressee)).toEqual(
      await rawCounts(
        campaign.id,
        `SELECT "addresseeId"::text AS key, count(*) AS n FROM "Letter" WHERE "campaignId" = $1::uuid GROUP BY 1`,
      ),
    );
    expect(toMap(dashboard.byDay)).toEqual(
      await rawCounts(
        campaign.id,
        `SELECT to_char("createdAt", 'YYYY-MM-DD') AS key, count(*) AS n FROM "Signature" WHERE "campaignId" = $1::uuid GROUP BY 1`,
      ),
    );
    expect(dashboard.signatures).toBe(240);

    const csv = await aggregatesCsv(staff, campaign.slug);
    expect(csv).toContain(`signatures,,All signatures,240\r\n`);
  });

  it("exports only supporters who consented to be contacted and confirmed their address, safe for spreadsheets", async () => {
    const admin = await staffMember("admin");
    const make = async (name: string, email: string, consentContact: boolean, confirm: boolean) => {
      const recorded = await recordSignature(
        campaign.slug,
        submissionFor(campaign, {
          identity: "full",
          name,
          city: "Lyon",
          email,
          consentIdentity: true,
          consentContact,
          channel: "platform_email",
          country: "FR",
        }),
      );
      if (recorded.outcome !== "recorded") throw new Error(recorded.outcome);
      if (confirm)
        expect((await confirmSupporterEmail(confirmationToken(recorded.signatureId, new Date()))).outcome).toBe(
          "confirmed",
        );
    };
    await make('=HYPERLINK("http://evil.example","click")', "consented@example.org", true, true);
    await make("Not Consenting", "no-contact@example.org", false, true);
    // Someone ticked the box with another person's address; its owner never confirmed.
    await make("Typed By Someone Else", "not-confirmed@example.org", true, false);
    const csv = (await consentedSupportersCsv(admin, campaign.slug))!;
    expect(csv).toContain("consented@example.org");
    expect(csv).not.toContain("no-contact@example.org");
    expect(csv).not.toContain("not-confirmed@example.org");
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    const audit = await db().auditEntry.findFirstOrThrow({ where: { action: "supporters.export", actorId: admin.id } });
    expect(audit.after).toEqual({ rows: 1 });
  });
});
