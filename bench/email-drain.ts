// Email drain: 1,000 platform letters queued in PostgreSQL, delivered by the
// real worker (graphile-worker, claim, pooled nodemailer, status updates) to a
// local SMTP server, against a bare pooled nodemailer send of the same 1,000
// messages to the same server in the same run. Target: at least 0.8 of the
// baseline's messages per second, zero duplicates, zero lost.
import nodemailer from "nodemailer";
import { SmtpSink } from "../tests/helpers/smtp-sink.ts";
import { freshBenchDatabase, sql } from "./lib/bench-database.ts";
import { printFigure } from "./lib/report.ts";

const messages = Number(process.env.BENCH_MESSAGES ?? 1000);
const signatures = Math.ceil(messages / 4); // the launch campaign: 4 distinct addresses per platform signature

const database = await freshBenchDatabase("drain");
const sink = await new SmtpSink().start();
Object.assign(process.env, {
  DATABASE_URL: database.url,
  APP_SECRET: "benchmark-secret-not-for-production-0123456789abcdef",
  SMTP_URL: sink.url,
  MAIL_FROM_ADDRESS: "letters@campaigns.example",
  DELIVERY_PER_DOMAIN_PER_MINUTE: "10000",
  // Throughput, not office hours: pacing per addressee off (bench/backlog-evenness.ts measures it).
  DELIVERY_PACING: "off",
  WORKER_CONCURRENCY: process.env.WORKER_CONCURRENCY ?? "8",
  TALLY_IN_WEB_PROCESS: "false",
});

const { seedCampaign } = await import("../lib/campaigns/seed-campaign.ts");
const { launchCampaign } = await import("../lib/campaigns/launch-campaign.ts");
const { recordSignature } = await import("../lib/signatures/record-signature.ts");
const { confirmSupporterEmail } = await import("../lib/signatures/confirm-supporter-email.ts");
const { confirmationToken } = await import("../lib/signatures/confirmation-email.ts");
const { startWorker } = await import("../lib/worker/worker.ts");
const { disconnectDb } = await import("../lib/core/db.ts");

try {
  console.log(
    `Email drain: ${messages} letters, worker concurrency ${process.env.WORKER_CONCURRENCY}, PostgreSQL ${database.url.replace(/\/\/[^@]*@/, "//")}`,
  );
  await seedCampaign(launchCampaign);
  const addressees = (
    await sql<{ id: string }>(database.url, `SELECT "addresseeId" AS id FROM "CampaignAddressee" ORDER BY "position"`)
  ).map((r) => r.id);
  for (let i = 0; i < signatures; i++) {
    const result = await recordSignature(launchCampaign.slug, {
      addressees,
      language: "en",
      subject: "Remove Amnesty International from the list",
      body: "{{salutation}}\n\nPlease remove Amnesty International from the list of undesirable organisations.\n\n{{signer}}",
      identity: "name_country",
      name: `Supporter ${i}`,
      country: "DE",
      email: `supporter${i}@example.org`,
      channel: "platform_email",
      replyToMe: false,
      consentIdentity: true,
      consentCounted: true,
      consentContact: false,
    });
    if (result.outcome !== "recorded") throw new Error(`Setup failed: ${result.outcome}`);
    await confirmSupporterEmail(confirmationToken(result.signatureId, new Date()));
  }
  // Only letters in this drain: the supporters' own emails are taken out of the queue.
  await sql(database.url, `SELECT graphile_worker.remove_job('outbox:' || id) FROM "OutboxMessage"`);
  await sql(database.url, `DELETE FROM "OutboxMessage"`);
  const queued = await sql<{ n: string }>(
    database.url,
    `SELECT count(*) AS n FROM "DeliveryMessage" WHERE status = 'queued'`,
  );
  const total = Math.min(messages, Number(queued[0]!.n));
  if (Number(queued[0]!.n) > messages) {
    await sql(
      database.url,
      `DELETE FROM "DeliveryMessage" WHERE id IN (SELECT id FROM "DeliveryMessage" ORDER BY id OFFSET $1)`,
      [messages],
    );
  }
  const sample = await sql<{ toName: string; toAddress: string; messageIdHeader: string }>(
    database.url,
    `SELECT "toName", "toAddress", "messageIdHeader" FROM "DeliveryMessage" ORDER BY id`,
  );

  // Baseline: the same messages through a bare pooled nodemailer transport (same pool size).
  const bare = nodemailer.createTransport({
    url: sink.url,
    pool: true,
    maxConnections: 5,
    maxMessages: 100,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  const baselineStart = performance.now();
  await Promise.all(
    sample.map((m, i) =>
      bare.sendMail({
        from: { name: `Supporter ${i}, Germany (via Letter campaigns)`, address: "letters@campaigns.example" },
        to: { name: m.toName, address: m.toAddress },
        subject: "Remove Amnesty International from the list",
        text: "Dear Sir or Madam,\n\nPlease remove Amnesty International from the list of undesirable organisations.\n\nSupporter, Germany",
        messageId: `<baseline-${m.messageIdHeader.slice(1)}`,
      }),
    ),
  );
  const baselineSeconds = (performance.now() - baselineStart) / 1000;
  bare.close();
  const baselineReceived = sink.received.length;
  sink.received.length = 0;

  // The app: the worker drains the queue.
  const drainStart = performance.now();
  const runner = await startWorker();
  for (;;) {
    const [row] = await sql<{ n: string }>(
      database.url,
      `SELECT count(*) AS n FROM "DeliveryMessage" WHERE status <> 'sent'`,
    );
    if (Number(row!.n) === 0) break;
    if (performance.now() - drainStart > 300_000) throw new Error(`Drain did not finish in 5 minutes (${row!.n} left)`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const drainSeconds = (performance.now() - drainStart) / 1000;
  await runner.stop();

  // Supporters' delivery summaries go out as their last letter ends; they are not letters.
  const expected = new Set(sample.map((m) => m.messageIdHeader));
  const ids = sink.received.map((m) => m.parsed.messageId ?? "").filter((id) => expected.has(id));
  const duplicates = ids.length - new Set(ids).size;
  const arrived = new Set(ids);
  const lost = [...expected].filter((id) => !arrived.has(id)).length;
  console.log(`baseline: ${baselineReceived} messages in ${baselineSeconds.toFixed(2)} s`);
  console.log(
    `drain:    ${ids.length} letters in ${drainSeconds.toFixed(2)} s (${duplicates} duplicates, ${lost} lost; ${sink.received.length - ids.length} delivery summaries to supporters alongside)`,
  );
  const rate = total / drainSeconds;
  const baselineRate = baselineReceived / baselineSeconds;
  printFigure({
    name: `email drain of ${total} letters to a local SMTP server`,
    value: rate,
    unit: "msg/s",
    baseline: baselineRate,
    target: ">= 0.8 of bare pooled nodemailer, 0 duplicates, 0 lost",
    met: rate >= 0.8 * baselineRate && duplicates === 0 && lost === 0,
  });
} finally {
  await disconnectDb();
  await sink.stop();
  await database.drop();
}
