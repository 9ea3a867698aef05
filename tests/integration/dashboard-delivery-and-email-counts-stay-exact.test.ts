// The dashboard's delivery messages and supporter emails by status are
// counted by triggers into pending deltas that the tally roll-up folds
// (migration 20261204113626_status_counts_for_the_dashboard). While two real
// workers drain the queue, a mail server refuses one address, roll-ups run,
// new supporters sign and others delete their data, every read of the live
// tallies equals a count over the raw rows in the same snapshot; after a
// purge of personal data too. A database from before the triggers gets its
// counts from the migration.
import { readFileSync } from "node:fs";
import type { ChildProcess } from "node:child_process";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, pool } from "@/lib/core/db";
import { deletionPath } from "@/lib/privacy/deletion-link";
import { purgePersonalData } from "@/lib/privacy/purge-personal-data";
import { deleteSupporterDataWithLink } from "@/lib/signatures/delete-supporter-data";
import { getDashboard } from "@/lib/staff/get-dashboard";
import { rollUpTallies } from "@/lib/tallies/roll-up-tallies";
import { liveTallySql } from "@/lib/tallies/tally-sql";
import { resetDatabase } from "../helpers/db";
import { confirmedPlatformSignature } from "../helpers/delivery";
import { seedLaunchCampaign, staffMember } from "../helpers/factories";
import { SmtpSink } from "../helpers/smtp-sink";
import { startWorkerProcess, waitFor } from "../helpers/worker-process";

const migrationFile = "prisma/migrations/20261204113626_status_counts_for_the_dashboard/migration.sql";
const statusDimensions = ["delivery_by_status", "supporter_emails_by_status"];
const rawSql = `
  SELECT 'delivery_by_status' AS dimension, status::text AS key, count(*)::int AS count
  FROM "DeliveryMessage" WHERE "campaignId" = $1::uuid GROUP BY 2
  UNION ALL
  SELECT 'supporter_emails_by_status', o.status::text, count(*)::int
  FROM "OutboxMessage" o JOIN "Signature" s ON s.id = o."signatureId" WHERE s."campaignId" = $1::uuid GROUP BY 2`;

type Row = { dimension: string; key: string; count: number | string | bigint };
/** "dimension key=count" lines, zero counts left out (a status every row has left sums to 0). */
const lines = (rows: Row[]) =>
  rows
    .filter((r) => statusDimensions.includes(r.dimension) && Number(r.count) !== 0)
    .map((r) => `${r.dimension} ${r.key}=${Number(r.count)}`)
    .sort();

/** The live tallies and the raw counts read in one snapshot. */
async function snapshot(client: pg.PoolClient, campaignId: string) {
  await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ");
  try {
    const live = await client.query<Row>(liveTallySql, [campaignId]);
    const raw = await client.query<Row>(rawSql, [campaignId]);
    return { live: lines(live.rows), raw: lines(raw.rows) };
  } finally {
    await client.query("COMMIT");
  }
}

async function dashboardAgainstRawRows(slug: string, campaignId: string) {
  const dashboard = await getDashboard(await staffMember("staff"), slug);
  const shown = [
    ...dashboard.delivery.map((d) => ({ dimension: "delivery_by_status", key: d.status, count: d.count })),
    ...dashboard.supporterEmails.map((d) => ({
      dimension: "supporter_emails_by_status",
      key: d.status,
      count: d.count,
    })),
  ];
  const raw = await pool().query<Row>(rawSql, [campaignId]);
  return { shown: lines(shown), raw: lines(raw.rows) };
}

const sink = new SmtpSink(20);
const workers: ChildProcess[] = [];

describe("the dashboard's delivery and supporter-email counts", () => {
  let campaign: Awaited<ReturnType<typeof seedLaunchCampaign>>;
  beforeAll(async () => {
    delete process.env.SMTP_URL;
    process.env.PERSONAL_DATA_RETENTION_DAYS = "30";
    await sink.start();
    await resetDatabase();
    campaign = await seedLaunchCampaign();
  });
  afterAll(async () => {
    for (const worker of workers) worker.kill("SIGKILL");
    await sink.stop();
  });

  it(
    "equal the raw rows at every read while two workers drain, roll-ups run, supporters sign and delete their data, and after a purge",
    { timeout: 300_000 },
    async () => {
      // One addressee's mail server refuses its address: those messages fail.
      sink.refuse.add(campaign.addressees.find((a) => a.addressee.emails.length > 0)!.addressee.emails[0]!);
      const signatures: string[] = [];
      for (let i = 0; i < 10; i++) signatures.push(await confirmedPlatformSignature(campaign));
      const deleteData = async (signatureId: string) => {
        const token = new URL(deletionPath(signatureId, "en"), "http://localhost").searchParams.get("token")!;
        expect((await deleteSupporterDataWithLink(token)).outcome).toBe("deleted");
      };
      // One supporter deletes their data before anything is sent: their messages are cancelled.
      await deleteData(signatures[0]!);

      const client = await pool().connect();
      let draining = true;
      let reads = 0;
      const differences: string[] = [];
      const reader = (async () => {
        while (draining) {
          const { live, raw } = await snapshot(client, campaign.id);
          reads++;
          if (live.join() !== raw.join()) differences.push(`live ${live.join(", ")} / raw ${raw.join(", ")}`);
          await new Promise((resolve) => setTimeout(resolve, 15));
        }
      })();
      const rollUps = (async () => {
        while (draining) {
          await rollUpTallies();
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
      })();
      try {
        for (const name of ["first worker", "second worker"])
          workers.push(startWorkerProcess(name, { smtpUrl: sink.url }).child);
        // While the workers send: more supporters sign, two delete their data
        // (their emails are deleted, their unsent messages cancelled).
        for (let i = 0; i < 4; i++) signatures.push(await confirmedPlatformSignature(campaign));
        for (const signatureId of signatures.slice(-3, -1)) await deleteData(signatureId);
        await waitFor(
          "every message and supporter email to be sent, failed or cancelled",
          async () =>
            (await db().deliveryMessage.count({ where: { status: { in: ["queued", "sending", "deferred"] } } })) ===
              0 && (await db().outboxMessage.count({ where: { status: "queued" } })) === 0,
        );
      } finally {
        draining = false;
        await Promise.all([reader, rollUps]);
        client.release();
        // Gone before the last comparisons, which read the dashboard and the rows one after the other.
        await Promise.all(
          workers.map(async (worker) => {
            const exited = new Promise((resolve) => worker.once("exit", resolve));
            worker.kill("SIGTERM");
            if (worker.exitCode === null && worker.signalCode === null) await exited;
          }),
        );
      }

      expect(differences).toEqual([]);
      expect(reads).toBeGreaterThan(10);
      const statuses = await db().deliveryMessage.groupBy({ by: ["status"], _count: true });
      expect(statuses.map((s) => s.status).sort()).toEqual(["cancelled", "failed", "sent"]);

      await rollUpTallies();
      const drained = await dashboardAgainstRawRows(campaign.slug, campaign.id);
      expect(drained.shown).toEqual(drained.raw);
      expect(drained.shown.filter((line) => line.startsWith("supporter_emails")).length).toBeGreaterThan(0);

      // The purge deletes every email to a supporter and keeps the messages.
      expect(await purgePersonalData(new Date(Date.now() + 60 * 86_400_000))).toBeGreaterThan(0);
      expect(await db().outboxMessage.count()).toBe(0);
      const purged = await dashboardAgainstRawRows(campaign.slug, campaign.id);
      expect(purged.shown).toEqual(purged.raw);
      expect(purged.shown.some((line) => line.startsWith("supporter_emails"))).toBe(false);
      await rollUpTallies();
      expect((await dashboardAgainstRawRows(campaign.slug, campaign.id)).shown).toEqual(purged.raw);
    },
  );

  it("come from the migration for rows written before it, and changes after it count", async () => {
    await confirmedPlatformSignature(campaign);
    // A database from before the triggers: none, and no status counts.
    const triggers = await pool().query<{ tgname: string; table: string }>(
      `SELECT tgname, tgrelid::regclass::text AS table FROM pg_trigger
       WHERE NOT tgisinternal AND tgrelid IN ('"DeliveryMessage"'::regclass, '"OutboxMessage"'::regclass)`,
    );
    expect(triggers.rows).toHaveLength(8);
    // The migration's last statement (Prisma runs it split at semicolons, as here).
    const upgrade = readFileSync(migrationFile, "utf8")
      .split(";")
      .map((s) => s.trim())
      .find((s) => /^DO E'/m.test(s) && s.includes("CREATE TRIGGER"))!;
    try {
      for (const t of triggers.rows) await pool().query(`DROP TRIGGER "${t.tgname}" ON ${t.table}`);
      for (const table of ["Tally", "PendingTally"])
        await pool().query(`DELETE FROM "${table}" WHERE dimension = ANY($1)`, [statusDimensions]);
      expect((await dashboardAgainstRawRows(campaign.slug, campaign.id)).shown).toEqual([]);
    } finally {
      // Even after a failure: later test files in this database need the triggers.
      await pool().query(upgrade);
    }
    const upgraded = await dashboardAgainstRawRows(campaign.slug, campaign.id);
    expect(upgraded.shown).toEqual(upgraded.raw);
    expect(upgraded.raw.length).toBeGreaterThan(0);

    await confirmedPlatformSignature(campaign);
    await rollUpTallies();
    const after = await dashboardAgainstRawRows(campaign.slug, campaign.id);
    expect(after.shown).toEqual(after.raw);
  });
});
