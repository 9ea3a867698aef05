// Backlog evenness: a 10,000-letter backlog for the launch campaign's
// addressees, released across a simulated Monday (a clock moved a minute a
// step, no real hours waited) by the real claim and pacing code (claim,
// sortClaimed, the locked pacing state, the outcome statements) on
// PostgreSQL; no SMTP (the email-drain benchmark measures sending). For each
// address: the largest share of the day's letters that left in one clock
// hour, against the share a perfectly even release over its office hours
// gives. Scenarios: the launch defaults (30 an hour, a campaign cap of 600,
// no closing date: the day's share of the backlog at the cap); a campaign
// that closes at 18:00 Moscow with caps raised so the whole backlog fits
// (spread over the office time left); and the same run's baseline with
// DELIVERY_PACING=off (everything in the first minute). Target: paced, no
// address's largest hour above 1.1 × its even share, no email outside office
// hours, no hour above a cap.
import { freshBenchDatabase, sql } from "./lib/bench-database.ts";
import { printFigure } from "./lib/report.ts";

const letters = Number(process.env.BENCH_LETTERS ?? 10_000);
const database = await freshBenchDatabase("backlog");
Object.assign(process.env, {
  DATABASE_URL: database.url,
  APP_SECRET: "benchmark-secret-not-for-production-0123456789abcdef",
  DELIVERY_PER_DOMAIN_PER_MINUTE: "10000",
  DELIVERY_HOURS: "0-24",
  TALLY_IN_WEB_PROCESS: "false",
});

const { seedCampaign } = await import("../lib/campaigns/seed-campaign.ts");
const { launchCampaign } = await import("../lib/campaigns/launch-campaign.ts");
const { claimDueMessages, markFailed, markRescheduled, markSent } = await import("../lib/delivery/data.ts");
const { sortClaimed } = await import("../lib/delivery/deliver-message.ts");
const { officeWindow } = await import("../lib/delivery/pacing.ts");
const { disconnectDb } = await import("../lib/core/db.ts");

// Monday 2 March 2026, 00:00 UTC (03:00 in Moscow); the day simulated runs to Tuesday 00:00 UTC.
const dayStart = new Date("2026-03-02T00:00:00Z");
const dayEnd = new Date(dayStart.getTime() + 24 * 3_600_000);
const stepMs = 60_000;
const hourMs = 3_600_000;

type Address = { address: string; names: string; timeZone: string; officeHours: string; officeDays: number[] };
type Result = {
  perAddress: { address: Address; sent: number; largest: number; even: number; outside: number }[];
  overall: { sent: number; largest: number; even: number };
  left: number;
  seconds: number;
  largestCapHour: number;
};

/** `until`: the campaign's close, after which no office time counts. */
async function simulate(pacing: "addressee" | "off", until = Infinity): Promise<Result> {
  await sql(
    database.url,
    `UPDATE "DeliveryMessage" SET status = 'queued', attempts = 0, "lastError" = NULL, "sentAt" = NULL,
            "sendingSince" = NULL, "nextAttemptAt" = $1`,
    [dayStart.toISOString().replace("Z", "")],
  );
  await sql(database.url, `DELETE FROM rate_limit`);
  const started = performance.now();
  for (let now = dayStart; now < dayEnd; now = new Date(now.getTime() + stepMs)) {
    for (;;) {
      const batch = await claimDueMessages(100, now, new Date(now.getTime() - 300_000));
      if (batch.length === 0) break;
      const { toSend, waiting, unsendable } = await sortClaimed(batch, now, pacing);
      // "Sent" at the step's time: what leaves is the point here, not SMTP.
      await markSent(
        toSend.map((m) => m.id),
        now,
        false,
      );
      await markRescheduled(waiting, now);
      await markFailed(unsendable, now, false);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const rows = await sql<{ address: string; hour: string; n: number }>(
    database.url,
    `SELECT lower("toAddress") AS address, (extract(epoch FROM date_trunc('hour', "sentAt")) * 1000)::text AS hour, count(*)::int AS n
     FROM "DeliveryMessage" WHERE status = 'sent' GROUP BY 1, 2`,
  );
  const [leftRow] = await sql<{ left: number }>(
    database.url,
    `SELECT count(*)::int AS left FROM "DeliveryMessage" WHERE status <> 'sent'`,
  );
  const left = leftRow!.left;
  const hours = Array.from({ length: 24 }, (_, h) => dayStart.getTime() + h * hourMs);
  // The share of an address's day each hour would carry if released evenly over its office hours.
  const openIn = (a: Address, hour: number, close = until) => {
    const office = { timeZone: a.timeZone, hours: a.officeHours, days: a.officeDays };
    const window = officeWindow(new Date(hour), office);
    if (!window) return 0;
    const from = Math.max(window.start.getTime(), hour);
    const to = Math.min(window.end.getTime(), hour + hourMs, close);
    return Math.max(0, to - from) / hourMs;
  };
  const idealPerHour = new Map(hours.map((h) => [h, 0]));
  const actualPerHour = new Map(hours.map((h) => [h, 0]));
  const perAddress = addresses.map((address) => {
    const mine = rows.filter((r) => r.address === address.address);
    const sent = mine.reduce((sum, r) => sum + r.n, 0);
    const open = hours.map((h) => openIn(address, h));
    const openHours = open.reduce((a, b) => a + b, 0);
    hours.forEach((h, i) => idealPerHour.set(h, idealPerHour.get(h)! + (sent * open[i]!) / openHours));
    for (const r of mine) actualPerHour.set(Number(r.hour), (actualPerHour.get(Number(r.hour)) ?? 0) + r.n);
    // Office hours themselves (after the campaign's close, letters left still go at the cap).
    const outside = mine
      .filter((r) => openIn(address, Number(r.hour), Infinity) === 0)
      .reduce((sum, r) => sum + r.n, 0);
    return {
      address,
      sent,
      largest: sent ? Math.max(...mine.map((r) => r.n)) / sent : 0,
      even: 1 / openHours,
      outside,
    };
  });
  const total = perAddress.reduce((sum, a) => sum + a.sent, 0);
  return {
    perAddress,
    overall: {
      sent: total,
      largest: Math.max(...actualPerHour.values()) / total,
      even: Math.max(...idealPerHour.values()) / total,
    },
    left,
    seconds,
    largestCapHour: Math.max(...actualPerHour.values()),
  };
}

function print(label: string, result: Result) {
  console.log(
    `\n${label}: ${result.overall.sent} left during the day, ${result.left} still queued (${result.seconds.toFixed(1)} s)`,
  );
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  for (const a of result.perAddress)
    console.log(
      `  ${a.address.names.padEnd(48)} ${String(a.sent).padStart(5)} sent, largest hour ${pct(a.largest).padStart(6)} of them, even share ${pct(a.even).padStart(6)} (×${(a.largest / a.even).toFixed(2)}), ${a.outside} outside office hours`,
    );
  console.log(
    `  ${"overall".padEnd(48)} ${String(result.overall.sent).padStart(5)} sent, largest hour ${pct(result.overall.largest).padStart(6)} of them, even share ${pct(result.overall.even).padStart(6)} (×${(result.overall.largest / result.overall.even).toFixed(2)}); busiest hour ${result.largestCapHour} emails`,
  );
}

let addresses: Address[] = [];
try {
  await seedCampaign(launchCampaign);
  // One message per distinct address and signature, as delivery makes them; letters with a
  // (placeholder, never opened) text so the claim finds them sendable.
  const [campaign] = await sql<{ id: string }>(database.url, `SELECT id FROM "Campaign" WHERE slug = $1`, [
    launchCampaign.slug,
  ]);
  addresses = (
    await sql<Address & { first: string }>(
      database.url,
      `SELECT lower(e) AS address, string_agg(a.key, ' + ' ORDER BY ca.position) AS names,
              (array_agg(a."timeZone" ORDER BY ca.position))[1] AS "timeZone",
              (array_agg(a."officeHours" ORDER BY ca.position))[1] AS "officeHours",
              (array_agg(array_to_string(a."officeDays", ',')) )[1] AS "officeDays"
       FROM "CampaignAddressee" ca JOIN "Addressee" a ON a.id = ca."addresseeId", unnest(a.emails) e
       WHERE ca."campaignId" = $1 GROUP BY 1 ORDER BY min(ca.position)`,
      [campaign!.id],
    )
  ).map((a) => ({ ...a, officeDays: String(a.officeDays).split(",").map(Number) }));
  const signatures = Math.ceil(letters / addresses.length);
  console.log(
    `Backlog evenness: ${signatures * addresses.length} letters to ${addresses.length} addresses of the launch campaign, one simulated day (${dayStart.toISOString()} + 24 h, a minute a step)`,
  );
  await sql(
    database.url,
    `WITH sig AS (
       INSERT INTO "Signature" (id, "campaignId", language, "identityLevel", country, "consentCounted")
       SELECT gen_random_uuid(), $1::uuid, 'en', 'anonymous', 'DE', true FROM generate_series(1, $2::int)
       RETURNING id
     ),
     targets AS (
       SELECT lower(e) AS address, min(split_part(e, '@', 2)) AS domain,
              (array_agg(a.id ORDER BY ca.position))[1] AS first, array_agg(a.id) AS ids
       FROM "CampaignAddressee" ca JOIN "Addressee" a ON a.id = ca."addresseeId", unnest(a.emails) e
       WHERE ca."campaignId" = $1::uuid GROUP BY 1
     ),
     msg AS (
       INSERT INTO "DeliveryMessage" (id, "signatureId", "campaignId", "addresseeId", "toAddress", "toName", "toDomain",
                                      "messageIdHeader", "nextAttemptAt", "updatedAt")
       SELECT gen_random_uuid(), sig.id, $1::uuid, t.first, t.address, 'Addressee', t.domain,
              '<' || gen_random_uuid() || '@campaigns.example>', now(), now()
       FROM sig CROSS JOIN targets t
       RETURNING id, "signatureId", "toAddress"
     ),
     let AS (
       INSERT INTO "Letter" (id, "signatureId", "campaignId", "addresseeId", channel, language, status, "updatedAt", "deliveryMessageId")
       SELECT gen_random_uuid(), msg."signatureId", $1::uuid, ids.id, 'platform_email', 'en', 'queued', now(), msg.id
       FROM msg JOIN targets t ON t.address = msg."toAddress", unnest(t.ids) AS ids(id)
       RETURNING id
     )
     INSERT INTO "PlatformLetter" ("letterId", "subjectEncrypted", "bodyEncrypted", "purgeAfter")
     SELECT id, '\\x00'::bytea, '\\x00'::bytea, now() + interval '30 days' FROM let`,
    [campaign!.id, signatures],
  );

  const defaults = await simulate("addressee");
  print("Paced, launch defaults (officials 30/h in Moscow, missions 20/h, campaign 600/h, no closing date)", defaults);

  // The campaign closes at 18:00 Moscow; caps high enough that the backlog fits in the day.
  await sql(database.url, `UPDATE "Campaign" SET "closesAt" = $1, "hourlyCap" = 5000 WHERE id = $2`, [
    "2026-03-02T15:00:00",
    campaign!.id,
  ]);
  await sql(database.url, `UPDATE "Addressee" SET "hourlyCap" = 1000`);
  const windowed = await simulate("addressee", Date.parse("2026-03-02T15:00:00Z"));
  print("Paced, campaign closing at 18:00 Moscow, caps 1000/h per address and 5000/h for the campaign", windowed);

  const off = await simulate("off");
  print("Baseline, DELIVERY_PACING=off (the same backlog, the same run)", off);

  const worst = (r: Result) => Math.max(...r.perAddress.map((a) => a.largest / a.even));
  const outside = (r: Result) => r.perAddress.reduce((sum, a) => sum + a.outside, 0);
  printFigure({
    name: "largest hourly share per address against its even share, backlog spread to the campaign's close",
    value: worst(windowed),
    unit: "× even",
    baseline: worst(off),
    target: "paced ≤ 1.1 × even, nothing outside office hours, no hour above a cap (defaults: ≤ 30/h per official)",
    met:
      worst(windowed) <= 1.1 &&
      worst(defaults) <= 1.1 &&
      outside(windowed) + outside(defaults) === 0 &&
      defaults.largestCapHour <= 600 &&
      defaults.perAddress.every((a) => a.largest * a.sent <= 30),
    note: `launch defaults: worst ×${worst(defaults).toFixed(2)}, overall ×${(defaults.overall.largest / defaults.overall.even).toFixed(2)}; closing at 18:00: overall ×${(windowed.overall.largest / windowed.overall.even).toFixed(2)}, ${windowed.left} left unsent; pacing off: everything in the first hour (overall ×${(off.overall.largest / off.overall.even).toFixed(2)})`,
  });
} finally {
  await disconnectDb();
  await database.drop();
}
