// Staff dashboard over 1,000,000 generated signatures on the launch campaign
// (their letters, delivery messages and emails to supporters, spread over 60
// days; 50,000 more on a second campaign so every query must filter), rolled
// up as the app does. Each breakdown the dashboard shows is timed on its own,
// 200 runs through the app's Prisma client, against a primary-key lookup
// through the same client in the same run. Targets: each breakdown p95 at
// most 50 ms; every figure exactly equal to a GROUP BY over the raw rows; new
// signatures on the dashboard at most 60 s after they are recorded.
// Delivery messages and supporter emails by status are rolled-up counts
// (triggers write deltas, migration status_counts_for_the_dashboard): their
// reads are timed again while a simulated drain changes statuses, and what
// the triggers cost a write is timed against the same writes without them.
import pg from "pg";
import { freshBenchDatabase, sql } from "./lib/bench-database.ts";
import { generateSignatures, withoutIndexes } from "./lib/generate-signatures.ts";
import { printFigure } from "./lib/report.ts";
import { formatSummary, summarise, timeRuns, type Summary } from "./lib/stats.ts";

const signatureCount = Number(process.env.BENCH_SIGNATURES ?? 1_000_000);
const otherCount = Math.round(signatureCount / 20);
const runs = Number(process.env.BENCH_RUNS ?? 200);
const stalenessSignatures = Number(process.env.BENCH_STALENESS_SIGNATURES ?? 50);
// The drain simulated while status counts are read: messages per second, the
// email-drain target (0.8 of bare nodemailer's ~640 msg/s here), each one
// claimed and then marked sent, by two connections like two workers.
const drainRate = Number(process.env.BENCH_DRAIN_RATE ?? 500);
const retentionDays = 30;
const targetMs = 50;

const database = await freshBenchDatabase("dashboard");
Object.assign(process.env, {
  DATABASE_URL: database.url,
  APP_SECRET: "benchmark-secret-not-for-production-0123456789abcdef",
  MAIL_FROM_ADDRESS: "letters@campaigns.example",
  PERSONAL_DATA_RETENTION_DAYS: String(retentionDays),
  // The defaults, spelled out: the web process rolls up every 2 seconds.
  TALLY_IN_WEB_PROCESS: "true",
  TALLY_INTERVAL_SECONDS: "2",
});

const { seedCampaign } = await import("../lib/campaigns/seed-campaign.ts");
const { launchCampaign } = await import("../lib/campaigns/launch-campaign.ts");
const { campaignSeed, staffMember } = await import("../tests/helpers/factories.ts");
const { db, disconnectDb } = await import("../lib/core/db.ts");
const { getDashboard } = await import("../lib/staff/get-dashboard.ts");
const { liveTallySql } = await import("../lib/tallies/tally-sql.ts");
const { rollUpTallies } = await import("../lib/tallies/roll-up-tallies.ts");
const { startTallyTimer } = await import("../lib/tallies/tally-timer.ts");
const { recordSignature } = await import("../lib/signatures/record-signature.ts");
const { confirmSupporterEmail } = await import("../lib/signatures/confirm-supporter-email.ts");
const { confirmationToken } = await import("../lib/signatures/confirmation-email.ts");

const log = (line: string) => console.log(line);
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);
let failed = false;
let tallyTimer: ReturnType<typeof setInterval> | undefined;
const fail = (message: string) => {
  failed = true;
  console.error(`FAILED ${message}`);
};

try {
  const setupStart = performance.now();
  console.log(
    `Dashboard: ${signatureCount.toLocaleString("en")} signatures on the launch campaign (+${otherCount.toLocaleString("en")} on another), ${runs} timed runs per breakdown`,
  );
  await seedCampaign(launchCampaign);
  const other = campaignSeed({ slug: "bench-other-campaign", status: "closed" });
  await seedCampaign(other);
  // The directory: Russian embassies a supporter may add for their own country.
  const directory = ["DE", "FR", "GB", "US", "ES", "IT", "NL", "AT"];
  await db().addressee.createMany({
    data: directory.map((country) => ({
      key: `ru-embassy-${country.toLowerCase()}`,
      name: `Embassy of the Russian Federation (${country})`,
      role: "Ambassador",
      kind: "embassy" as const,
      country,
      emails: [`embassy-${country.toLowerCase()}@russianembassy.example`],
      lastVerifiedAt: new Date("2025-05-23"),
    })),
  });
  const embassies = await db().addressee.findMany({
    where: { key: { in: directory.map((c) => `ru-embassy-${c.toLowerCase()}`) } },
    select: { id: true, country: true },
  });
  const launch = await db().campaign.findUniqueOrThrow({ where: { slug: launchCampaign.slug }, select: { id: true } });
  const otherCampaign = await db().campaign.findUniqueOrThrow({ where: { slug: other.slug }, select: { id: true } });
  const end = new Date(Date.now() - 60_000);

  console.log("Generating (INSERT … SELECT over generate_series, keys and indexes rebuilt afterwards):");
  let counts: Record<string, number> = {};
  await withoutIndexes(
    database.url,
    ["Signature", "Letter", "DeliveryMessage", "OutboxMessage", "PendingTally"],
    async () => {
      counts = await generateSignatures(
        database.url,
        {
          campaignId: launch.id,
          count: signatureCount,
          days: 60,
          end,
          seed: 0.42,
          retentionDays,
          embassies: embassies.map((e) => ({ country: e.country!, id: e.id })),
        },
        log,
      );
      await generateSignatures(database.url, {
        campaignId: otherCampaign.id,
        count: otherCount,
        days: 60,
        end,
        seed: 0.24,
        retentionDays,
      });
    },
    log,
  );
  console.log(
    `  launch campaign: ${Object.entries(counts)
      .map(([table, n]) => `${n.toLocaleString("en")} ${table}`)
      .join(", ")}`,
  );

  // The roll-up as the app runs it (lib/tallies/roll-up-tallies.ts), then
  // the vacuum autovacuum would have done, so the timings are not of a table
  // full of dead rows that a running system would have cleaned long ago.
  const rollStart = performance.now();
  const moved = await rollUpTallies();
  console.log(`  roll-up: ${moved.toLocaleString("en")} pending rows into Tally in ${seconds(rollStart)} s`);
  const vacuumStart = performance.now();
  await sql(database.url, `VACUUM (ANALYZE)`);
  console.log(`  VACUUM (ANALYZE): ${seconds(vacuumStart)} s; setup ${seconds(setupStart)} s in all`);

  const staff = await staffMember("staff");
  const slug = launchCampaign.slug;
  const campaignId = launch.id;

  // --- Timings: each breakdown alone, the way getDashboard (lib/staff/get-dashboard.ts) asks for it.
  const addresseeIds = (
    await sql<{ key: string }>(
      database.url,
      `SELECT key FROM "Tally" WHERE "campaignId" = $1 AND dimension = 'letters_by_addressee'`,
      [campaignId],
    )
  ).map((r) => r.key);
  // What each read has to count, for the reason when a target is missed.
  const [volume] = await sql<{ messages: string; emails: string; signatures: string }>(
    database.url,
    `SELECT (SELECT count(*) FROM "DeliveryMessage" WHERE "campaignId" = $1) AS messages,
            (SELECT count(*) FROM "OutboxMessage" o JOIN "Signature" s ON s.id = o."signatureId" WHERE s."campaignId" = $1) AS emails,
            (SELECT count(*) FROM "Signature" WHERE "campaignId" = $1) AS signatures`,
    [campaignId],
  );
  const n = (value: string) => Number(value).toLocaleString("en");
  const breakdowns: { name: string; run: () => Promise<unknown>; why?: string }[] = [
    {
      name: "campaign list",
      run: () =>
        db().campaign.findMany({
          orderBy: [{ status: "asc" }, { createdAt: "desc" }],
          select: {
            id: true,
            slug: true,
            status: true,
            languages: true,
            signatureGoal: true,
            translations: { select: { language: true, title: true } },
          },
        }),
    },
    {
      name: "totals, by day, by hour, by country, by addressee, by channel, delivery status, supporter emails (one statement: liveTallySql)",
      run: () => db().$queryRawUnsafe(liveTallySql, campaignId),
    },
    {
      name: "addressee names",
      run: () => db().addressee.findMany({ where: { id: { in: addresseeIds } }, select: { id: true, name: true } }),
    },
    {
      name: "delivery problems",
      run: () =>
        db().deliveryMessage.groupBy({
          by: ["status", "lastError"],
          where: { campaignId, status: { in: ["deferred", "failed"] } },
          _count: { _all: true },
          orderBy: { _count: { status: "desc" } },
          take: 20,
        }),
    },
  ];

  // Baseline: one row by primary key through the same Prisma client and pool,
  // the least any dashboard query can cost here (round trip, Prisma, pg).
  const baseline = summarise(
    await timeRuns(() => db().campaign.findUnique({ where: { id: campaignId }, select: { id: true } }), runs, 20),
  );
  console.log(`baseline, primary-key lookup through Prisma: ${formatSummary(baseline)}`);
  // Reference: what counting the raw rows costs, the work the roll-up saves.
  const rawCount = summarise(
    await timeRuns(
      () => db().$queryRaw`SELECT count(*) FROM "Signature" WHERE "campaignId" = ${campaignId}::uuid`,
      Math.min(runs, 50),
      3,
    ),
  );
  console.log(`reference, count(*) of the campaign's signatures over its index: ${formatSummary(rawCount)}`);

  // Reference: delivery problems as getDashboard asked before it ordered by
  // count(status): count(id) makes PostgreSQL visit every problem row.
  const problemsById = summarise(
    await timeRuns(
      () =>
        db().deliveryMessage.groupBy({
          by: ["status", "lastError"],
          where: { campaignId, status: { in: ["deferred", "failed"] } },
          _count: { _all: true },
          orderBy: { _count: { id: "desc" } },
          take: 20,
        }),
      Math.min(runs, 50),
      3,
    ),
  );
  console.log(`reference, delivery problems ordered by count(id) as before: ${formatSummary(problemsById)}`);

  // Reference: delivery status and supporter emails counted over the raw
  // rows, as getDashboard did before the rolled-up counts.
  const rawDelivery = summarise(
    await timeRuns(
      () => db().deliveryMessage.groupBy({ by: ["status"], where: { campaignId }, _count: { _all: true } }),
      Math.min(runs, 30),
      3,
    ),
  );
  console.log(
    `reference, delivery status counted over the campaign's ${n(volume!.messages)} messages as before: ${formatSummary(rawDelivery)}`,
  );
  const rawEmails = summarise(
    await timeRuns(
      () =>
        db().$queryRaw`
          SELECT o.status::text AS status, count(*) AS count FROM "OutboxMessage" o
          JOIN "Signature" s ON s.id = o."signatureId" WHERE s."campaignId" = ${campaignId}::uuid GROUP BY 1`,
      Math.min(runs, 30),
      3,
    ),
  );
  console.log(
    `reference, supporter emails counted by joining ${n(volume!.emails)} emails to ${n(volume!.signatures)} signatures as before: ${formatSummary(rawEmails)}`,
  );

  const results: { name: string; summary: Summary; why?: string }[] = [];
  for (const b of breakdowns) {
    const summary = summarise(await timeRuns(b.run, runs, 20));
    results.push({ name: b.name, summary, why: b.why });
    console.log(`${b.name}: ${formatSummary(summary)}`);
  }
  const whole = summarise(await timeRuns(() => getDashboard(staff, slug), runs, 10));
  console.log(`whole dashboard, getDashboard (its queries in parallel): ${formatSummary(whole)}`);

  // --- Equality: every figure the dashboard shows against a GROUP BY over the raw rows.
  const now = new Date();
  const dashboard = await getDashboard(staff, slug, now);
  const mismatches = await compareWithRawRows(dashboard, campaignId, now);
  console.log(
    `equality with GROUP BY over the raw rows: ${mismatches.length === 0 ? "every figure equal" : mismatches.join("; ")}`,
  );
  console.log(
    `  shown: ${dashboard.signatures.toLocaleString("en")} signatures, ${dashboard.letters.toLocaleString("en")} letters, ${dashboard.byDay.length} days, ${dashboard.byHour.length} hours, ${dashboard.byCountry.length} countries, ${dashboard.byAddressee.length} addressees, ${dashboard.byChannel.length} channels, ${dashboard.delivery.length} delivery statuses, ${dashboard.deliveryProblems.length} problems, ${dashboard.supporterEmails.length} supporter-email statuses`,
  );
  if (mismatches.length > 0) fail("the dashboard differs from counts over the raw rows");

  // --- What the count triggers cost a write: the same statements with the
  // triggers on, and off (session_replication_role = replica skips them in
  // this session only), alternating in blocks, each rolled back so no count
  // changes.
  const writeCost = await timeTriggerCost(database.url, campaignId);
  for (const w of writeCost)
    console.log(`write cost, ${w.name}: with the triggers ${formatSummary(w.on)}; without ${formatSummary(w.off)}`);

  // The app's roll-up timer from here on, unchanged (every 2 s); its
  // interval is kept so the run can stop it before the database goes.
  const setIntervalAsApp = globalThis.setInterval;
  globalThis.setInterval = ((...args: Parameters<typeof setInterval>) =>
    (tallyTimer = setIntervalAsApp(...args))) as typeof setInterval;
  startTallyTimer();
  globalThis.setInterval = setIntervalAsApp;
  if (!tallyTimer) throw new Error("The tally timer did not start");

  // --- Status counts while the queue drains: two connections claim and
  // then mark sent the oldest waiting messages at drainRate messages per
  // second in all, so deltas pile up between roll-ups; the dashboard's
  // statement is timed meanwhile, and the status counts are compared with
  // the raw rows inside single snapshots.
  const drain = await whileDraining(database.url, campaignId, drainRate, async () => {
    const samples = await timeRuns(() => db().$queryRawUnsafe(liveTallySql, campaignId), runs, 5);
    const snapshots: string[] = [];
    for (let i = 0; i < 3; i++) snapshots.push(...(await statusCountsInOneSnapshot(database.url, campaignId)));
    return { read: summarise(samples), snapshotDifferences: snapshots };
  });
  const [pendingAfterDrain] = await sql<{ n: string }>(
    database.url,
    `SELECT count(*) AS n FROM "PendingTally" WHERE dimension IS NOT NULL`,
  );
  console.log(
    `status counts while ${drain.messages.toLocaleString("en")} messages were claimed and sent (${drain.rate.toFixed(0)} msg/s, two connections), roll-up timer every 2 s:`,
  );
  console.log(`  liveTallySql: ${formatSummary(drain.result.read)}`);
  console.log(
    `  status counts against the raw rows in one snapshot (3 reads): ${drain.result.snapshotDifferences.length === 0 ? "equal" : drain.result.snapshotDifferences.join("; ")}; status deltas pending at the end: ${pendingAfterDrain!.n}`,
  );
  if (drain.result.snapshotDifferences.length > 0)
    fail("status counts differed from the raw rows while the queue drained");
  const afterDrainAt = new Date();
  const afterDrain = await compareWithRawRows(await getDashboard(staff, slug, afterDrainAt), campaignId, afterDrainAt);
  console.log(`  equality after the drain: ${afterDrain.length === 0 ? "every figure equal" : afterDrain.join("; ")}`);
  if (afterDrain.length > 0) fail("the dashboard differs from counts over the raw rows after the drain");

  // --- Staleness: signatures recorded through the signing path while the
  // roll-up timer runs every 2 s; how long until the dashboard shows each,
  // and (for comparison) until the roll-up has moved it into Tally.
  const builderAddressees = (
    await sql<{ id: string }>(
      database.url,
      `SELECT "addresseeId" AS id FROM "CampaignAddressee" WHERE "campaignId" = $1 ORDER BY position`,
      [campaignId],
    )
  ).map((r) => r.id);
  const channels = ["platform_email", "own_email_client", "pdf_print", "self_reported"] as const;
  const countries = ["DE", "FR", "GB", "ES", "IT", "NL", "PL", "SE"];
  const visibleLags: number[] = [];
  const rolledLags: number[] = [];
  let overCounted = 0;
  for (let i = 0; i < stalenessSignatures; i++) {
    await new Promise((resolve) => setTimeout(resolve, Math.round(Math.random() * 800)));
    const country = countries[i % countries.length]!;
    const channel = channels[i % channels.length]!;
    const before = await getDashboard(staff, slug);
    const beforeCountry = before.byCountry.find((c) => c.key === country)?.count ?? 0;
    const result = await recordSignature(slug, {
      addressees: builderAddressees.filter((_, k) => k === i % builderAddressees.length || Math.random() < 0.7),
      language: "en",
      subject: "Remove Amnesty International from the list",
      body: "{{salutation}}\n\nPlease remove Amnesty International from the list of undesirable organisations.\n\n{{signer}}",
      identity: "anonymous",
      country,
      email: channel === "platform_email" ? `late-supporter-${i}@example.org` : undefined,
      channel,
      replyToMe: false,
      consentIdentity: true,
      consentCounted: true,
      consentContact: false,
    });
    if (result.outcome !== "recorded") throw new Error(`Staleness setup failed: ${result.outcome}`);
    // A signature with an email address counts once its owner confirms it: they click at once.
    if (result.confirmationQueued) {
      const confirmed = await confirmSupporterEmail(confirmationToken(result.signatureId, new Date()));
      if (confirmed.outcome !== "confirmed") throw new Error(`Staleness setup failed: ${confirmed.outcome}`);
    }
    const committed = performance.now();
    const letters = result.letters.length;
    for (;;) {
      const d = await getDashboard(staff, slug);
      const countryCount = d.byCountry.find((c) => c.key === country)?.count ?? 0;
      if (d.signatures > before.signatures + 1 || d.letters > before.letters + letters) overCounted++;
      if (
        d.signatures === before.signatures + 1 &&
        d.letters === before.letters + letters &&
        countryCount === beforeCountry + 1
      )
        break;
      if (performance.now() - committed > 120_000)
        throw new Error("A new signature did not reach the dashboard in 2 minutes");
    }
    visibleLags.push(performance.now() - committed);
    for (;;) {
      const [pending] = await sql<{ n: string }>(
        database.url,
        `SELECT count(*) AS n FROM "PendingTally" WHERE "signatureId" = $1`,
        [result.signatureId],
      );
      if (pending!.n === "0") break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    rolledLags.push(performance.now() - committed);
  }
  // Let the timer roll up the rest, then the same equality once more.
  await new Promise((resolve) => setTimeout(resolve, 4_500));
  const [left] = await sql<{ n: string }>(database.url, `SELECT count(*) AS n FROM "PendingTally"`);
  const after = new Date();
  const laterMismatches = await compareWithRawRows(await getDashboard(staff, slug, after), campaignId, after);
  const visible = summarise(visibleLags);
  const rolled = summarise(rolledLags);
  console.log(
    `staleness, ${stalenessSignatures} signatures recorded through recordSignature, roll-up timer every 2 s:`,
  );
  console.log(`  on the dashboard after: ${formatSummary(visible)}`);
  console.log(`  rolled up into Tally after: ${formatSummary(rolled)}`);
  console.log(
    `  reads counting too many: ${overCounted}; pending rows left after 4.5 s: ${left!.n}; equality after the roll-up: ${laterMismatches.length === 0 ? "every figure equal" : laterMismatches.join("; ")}`,
  );
  if (overCounted > 0 || laterMismatches.length > 0) fail("the dashboard miscounted while the roll-up ran");

  // --- Figures.
  const tallyRead = results.find((r) => r.name.includes("liveTallySql"))!.summary;
  for (const [name, before] of [
    ["delivery status", rawDelivery],
    ["supporter emails", rawEmails],
  ] as const)
    printFigure({
      name: `dashboard over ${signatureCount.toLocaleString("en")} signatures, ${name} (rolled up, read in liveTallySql), p95`,
      value: tallyRead.p95,
      unit: "ms",
      baseline: baseline.p95,
      target: `p95 <= ${targetMs} ms, equal to the raw rows`,
      met: tallyRead.p95 <= targetMs && mismatches.length === 0,
      note: `counted over the raw rows as before: p95 ${before.p95.toFixed(1)} ms (p50 ${before.p50.toFixed(1)})`,
    });
  printFigure({
    name: `dashboard, delivery status and supporter emails while ${drain.rate.toFixed(0)} msg/s drain (liveTallySql), p95`,
    value: drain.result.read.p95,
    unit: "ms",
    baseline: baseline.p95,
    target: `p95 <= ${targetMs} ms, equal to the raw rows in one snapshot`,
    met: drain.result.read.p95 <= targetMs && drain.result.snapshotDifferences.length === 0 && afterDrain.length === 0,
    note: `p50 ${drain.result.read.p50.toFixed(1)} ms, p99 ${drain.result.read.p99.toFixed(1)} ms`,
  });
  for (const w of writeCost)
    printFigure({
      name: `write cost of the status-count triggers, ${w.name}, median`,
      value: w.on.p50,
      unit: "ms",
      baseline: w.off.p50,
      target: "reported, no target (the same statement without the triggers is the baseline)",
      met: true,
      note: `p95 ${w.on.p95.toFixed(2)} ms vs ${w.off.p95.toFixed(2)} ms without`,
    });
  for (const r of results) {
    printFigure({
      name: `dashboard over ${signatureCount.toLocaleString("en")} signatures, ${r.name}, p95`,
      value: r.summary.p95,
      unit: "ms",
      baseline: baseline.p95,
      target: `p95 <= ${targetMs} ms, equal to the raw rows`,
      met: r.summary.p95 <= targetMs && mismatches.length === 0,
      note: `p50 ${r.summary.p50.toFixed(1)} ms, p99 ${r.summary.p99.toFixed(1)} ms${r.summary.p95 > targetMs ? `; missed because ${r.why ?? "(see EXPLAIN ANALYZE)"}` : ""}`,
    });
  }
  printFigure({
    name: `dashboard over ${signatureCount.toLocaleString("en")} signatures, whole getDashboard, p95 (no target of its own)`,
    value: whole.p95,
    unit: "ms",
    baseline: baseline.p95,
    target: `each breakdown p95 <= ${targetMs} ms`,
    met: results.every((r) => r.summary.p95 <= targetMs),
    note: `p50 ${whole.p50.toFixed(1)} ms, p99 ${whole.p99.toFixed(1)} ms`,
  });
  printFigure({
    name: "dashboard staleness: new signature on the dashboard after (max)",
    value: visible.max,
    unit: "ms",
    baseline: rolled.max,
    target: "at most 60 s behind (baseline: until the 2-s roll-up moved it into Tally)",
    met: visible.max <= 60_000 && overCounted === 0 && laterMismatches.length === 0,
    note: `p50 ${visible.p50.toFixed(1)} ms vs roll-up p50 ${rolled.p50.toFixed(1)} ms`,
  });
} finally {
  clearInterval(tallyTimer);
  await new Promise((resolve) => setTimeout(resolve, 500)); // a roll-up under way ends
  await disconnectDb();
  await database.drop();
}
process.exit(failed ? 1 : 0);

/** Every dashboard figure against a GROUP BY over the raw rows; returns what differs. */
async function compareWithRawRows(
  d: Awaited<ReturnType<typeof getDashboard>>,
  campaignId: string,
  now: Date,
): Promise<string[]> {
  type Row = { key: string; count: string };
  const raw = (text: string) => sql<Row>(database.url, text, [campaignId]);
  const hourFrom = new Date(now.getTime() - 47 * 3600_000).toISOString().slice(0, 13);
  const sentLetters = `"campaignId" = $1 AND (status = 'sent' OR "reportedSentAt" IS NOT NULL)`;
  const [
    [signatures],
    [letters],
    [lettersSent],
    sentByChannel,
    byDay,
    byHour,
    byCountry,
    byAddressee,
    byChannel,
    delivery,
    problems,
    emails,
  ] = await Promise.all([
    raw(`SELECT '' AS key, count(*) AS count FROM "Signature" WHERE "campaignId" = $1`),
    raw(`SELECT '' AS key, count(*) AS count FROM "Letter" WHERE "campaignId" = $1`),
    raw(`SELECT '' AS key, count(*) AS count FROM "Letter" WHERE ${sentLetters}`),
    raw(`SELECT channel::text AS key, count(*) AS count FROM "Letter" WHERE ${sentLetters} GROUP BY 1`),
    raw(
      `SELECT to_char("createdAt", 'YYYY-MM-DD') AS key, count(*) AS count FROM "Signature" WHERE "campaignId" = $1 GROUP BY 1`,
    ),
    sql<Row>(
      database.url,
      `SELECT * FROM (SELECT to_char("createdAt", 'YYYY-MM-DD"T"HH24') AS key, count(*) AS count FROM "Signature" WHERE "campaignId" = $1 GROUP BY 1) h WHERE key >= $2`,
      [campaignId, hourFrom],
    ),
    raw(`SELECT country::text AS key, count(*) AS count FROM "Signature" WHERE "campaignId" = $1 GROUP BY 1`),
    raw(`SELECT "addresseeId"::text AS key, count(*) AS count FROM "Letter" WHERE "campaignId" = $1 GROUP BY 1`),
    raw(`SELECT channel::text AS key, count(*) AS count FROM "Letter" WHERE "campaignId" = $1 GROUP BY 1`),
    raw(`SELECT status::text AS key, count(*) AS count FROM "DeliveryMessage" WHERE "campaignId" = $1 GROUP BY 1`),
    raw(`SELECT status::text || ' / ' || COALESCE("lastError", '(no reason recorded)') AS key, count(*) AS count FROM "DeliveryMessage"
         WHERE "campaignId" = $1 AND status IN ('deferred', 'failed') GROUP BY status, "lastError"`),
    raw(
      `SELECT o.status::text AS key, count(*) AS count FROM "OutboxMessage" o JOIN "Signature" s ON s.id = o."signatureId" WHERE s."campaignId" = $1 GROUP BY 1`,
    ),
  ]);
  const differences: string[] = [];
  const same = (label: string, shown: { key: string; count: number }[], rows: Row[]) => {
    const a = shown.map((s) => `${s.key}=${s.count}`).sort();
    const b = rows.map((r) => `${r.key}=${Number(r.count)}`).sort();
    if (a.length !== b.length || a.some((v, i) => v !== b[i])) {
      const missing = b.filter((v) => !a.includes(v)).slice(0, 3);
      const extra = a.filter((v) => !b.includes(v)).slice(0, 3);
      differences.push(
        `${label} differs (raw not shown: ${missing.join(", ") || "-"}; shown not raw: ${extra.join(", ") || "-"})`,
      );
    }
  };
  same("signatures", [{ key: "", count: d.signatures }], [signatures!]);
  same("letters", [{ key: "", count: d.letters }], [letters!]);
  same("letters sent", [{ key: "", count: d.lettersSent }], [lettersSent!]);
  same(
    "letters sent by channel",
    d.byChannel.filter((c) => c.sent > 0).map((c) => ({ key: c.key, count: c.sent })),
    sentByChannel,
  );
  same("by day", d.byDay, byDay);
  same("by hour (last 48)", d.byHour, byHour);
  same("by country", d.byCountry, byCountry);
  same("by addressee", d.byAddressee, byAddressee);
  same("by channel", d.byChannel, byChannel);
  same(
    "delivery status",
    d.delivery.map((x) => ({ key: x.status, count: x.count })),
    delivery,
  );
  // The dashboard shows the 20 largest problems; with fewer groups that is all of them.
  if (problems.length > 20)
    differences.push(
      `delivery problems: ${problems.length} groups, more than the 20 shown; compare the top 20 by hand`,
    );
  same(
    "delivery problems",
    d.deliveryProblems.map((p) => ({ key: `${p.status} / ${p.reason}`, count: p.count })),
    problems,
  );
  same(
    "supporter emails",
    d.supporterEmails.map((x) => ({ key: x.status, count: x.count })),
    emails,
  );
  return differences;
}

/** Delivery and supporter-email status counts of liveTallySql against the raw rows, both read in one snapshot. */
async function statusCountsInOneSnapshot(url: string, campaignId: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  type Row = { dimension: string; key: string; count: string };
  const lines = (rows: Row[]) =>
    rows
      .filter((r) => r.dimension.endsWith("_by_status") && Number(r.count) !== 0)
      .map((r) => `${r.dimension} ${r.key}=${Number(r.count)}`)
      .sort();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ");
    const live = lines((await client.query<Row>(liveTallySql, [campaignId])).rows);
    const raw = lines(
      (
        await client.query<Row>(
          `SELECT 'delivery_by_status' AS dimension, status::text AS key, count(*) AS count
           FROM "DeliveryMessage" WHERE "campaignId" = $1 GROUP BY 2
           UNION ALL
           SELECT 'supporter_emails_by_status', o.status::text, count(*)
           FROM "OutboxMessage" o JOIN "Signature" s ON s.id = o."signatureId" WHERE s."campaignId" = $1 GROUP BY 2`,
          [campaignId],
        )
      ).rows,
    );
    await client.query("COMMIT");
    return live.join() === raw.join() ? [] : [`live ${live.join(", ")} vs raw ${raw.join(", ")}`];
  } finally {
    await client.end();
  }
}

/**
 * Runs `work` while two connections, like two delivery workers, claim
 * messages (status "sending") and mark them sent, one statement each, at
 * `rate` messages per second in all: the campaign's waiting messages first,
 * then sent ones again if the run outlasts them.
 */
async function whileDraining<T>(
  url: string,
  campaignId: string,
  rate: number,
  work: () => Promise<T>,
): Promise<{ result: T; messages: number; rate: number }> {
  const ids = (
    await sql<{ id: string }>(
      url,
      `SELECT id FROM "DeliveryMessage" WHERE "campaignId" = $1
       ORDER BY status IN ('queued', 'deferred') DESC, "nextAttemptAt" LIMIT 100000`,
      [campaignId],
    )
  ).map((r) => r.id);
  let next = 0;
  let done = 0;
  let running = true;
  const start = performance.now();
  const worker = async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      while (running && next < ids.length) {
        const id = ids[next++]!;
        await client.query(
          `UPDATE "DeliveryMessage" SET status = 'sending', attempts = attempts + 1, "sendingSince" = now() WHERE id = $1`,
          [id],
        );
        await client.query(
          `UPDATE "DeliveryMessage" SET status = 'sent', "sentAt" = now(), "sendingSince" = NULL, "lastError" = NULL WHERE id = $1`,
          [id],
        );
        done++;
        // Paced: the n-th message in all is due at n / rate seconds.
        const due = start + (done / rate) * 1000;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      }
    } finally {
      await client.end();
    }
  };
  const workers = [worker(), worker()];
  await new Promise((resolve) => setTimeout(resolve, 2_000)); // the drain under way, deltas pending
  try {
    const result = await work();
    return { result, messages: done, rate: done / ((performance.now() - start) / 1000) };
  } finally {
    running = false;
    await Promise.all(workers);
  }
}

/**
 * What the status-count triggers add to a write: each statement timed with
 * the triggers and without (session_replication_role = replica, this
 * session only), in alternating blocks, inside a transaction rolled back so
 * no count changes.
 */
async function timeTriggerCost(url: string, campaignId: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const messages = (
      await client.query<{ id: string }>(
        `SELECT id FROM "DeliveryMessage" WHERE "campaignId" = $1 AND status = 'sent' LIMIT 5000`,
        [campaignId],
      )
    ).rows.map((r) => r.id);
    const signatures = (
      await client.query<{ id: string }>(
        `SELECT s.id FROM "Signature" s WHERE s."campaignId" = $1
         AND NOT EXISTS (SELECT 1 FROM "OutboxMessage" o WHERE o."signatureId" = s.id AND o.kind = 'outcome_update') LIMIT 5000`,
        [campaignId],
      )
    ).rows.map((r) => r.id);
    let i = 0;
    const cases: { name: string; text: string; values: () => unknown[] }[] = [
      {
        name: "one message claimed (a status change)",
        text: `UPDATE "DeliveryMessage" SET status = 'sending', attempts = attempts + 1, "sendingSince" = now() WHERE id = $1`,
        values: () => [messages[i++ % messages.length]],
      },
      {
        name: "50 messages claimed in one statement",
        text: `UPDATE "DeliveryMessage" SET status = 'sending', attempts = attempts + 1, "sendingSince" = now() WHERE id = ANY($1::uuid[])`,
        values: () => [Array.from({ length: 50 }, () => messages[i++ % messages.length])],
      },
      {
        name: "one message rescheduled (no status change)",
        text: `UPDATE "DeliveryMessage" SET "nextAttemptAt" = now() + interval '5 minutes' WHERE id = $1`,
        values: () => [messages[i++ % messages.length]],
      },
      {
        name: "one supporter email filed (as when signing)",
        text: `INSERT INTO "OutboxMessage" (id, kind, "signatureId", language, "toEncrypted", subject, "textEncrypted", "purgeAfter")
               VALUES (gen_random_uuid(), 'outcome_update', $1, 'en', '\\x00', 'Subject', '\\x00', now()) ON CONFLICT DO NOTHING`,
        values: () => [signatures[i++ % signatures.length]],
      },
    ];
    const timed = async (text: string, values: unknown[]) => {
      await client.query("BEGIN");
      const start = performance.now();
      await client.query(text, values);
      const ms = performance.now() - start;
      await client.query("ROLLBACK");
      return ms;
    };
    const results: { name: string; on: Summary; off: Summary }[] = [];
    for (const c of cases) {
      const on: number[] = [];
      const off: number[] = [];
      for (let w = 0; w < 20; w++) await timed(c.text, c.values());
      for (let block = 0; block < 10; block++) {
        for (const [role, samples] of [
          ["origin", on],
          ["replica", off],
        ] as const) {
          await client.query(`SET session_replication_role = ${role}`);
          for (let k = 0; k < 20; k++) samples.push(await timed(c.text, c.values()));
        }
      }
      await client.query("SET session_replication_role = origin");
      results.push({ name: c.name, on: summarise(on), off: summarise(off) });
    }
    return results;
  } finally {
    await client.end();
  }
}
