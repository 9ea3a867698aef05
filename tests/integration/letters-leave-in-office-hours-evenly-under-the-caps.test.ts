// Pacing per addressee, with the real drain, a real SMTP server and a moved
// clock: letters queued at 03:00 Moscow time wait for 09:00 there and then
// leave evenly, never above the addressee's or the campaign's hourly cap; the
// Geneva/Brussels address counts once; a paused address gets nothing and its
// letters wait; with DELIVERY_PACING=off letters leave at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { addresseeQueues } from "@/lib/delivery/addressee-queues";
import { startDrain } from "@/lib/delivery/drain-deliveries";
import { repaceAddressee } from "@/lib/delivery/release-paced-slots";
import { closeMailer } from "@/lib/delivery/mailer";
import { resetDatabase } from "../helpers/db";
import { confirmedPlatformSignature, useAsMailServer } from "../helpers/delivery";
import { seedLaunchCampaign } from "../helpers/factories";
import { SmtpSink } from "../helpers/smtp-sink";
import { waitFor } from "../helpers/worker-process";

const sink = new SmtpSink();
const shared = "mission.russian@vtxnet.ch";
const paused = "fsb@fsb.ru";
const addresseeCap = 4;
const campaignCap = 10;
const signatures = 12;
let campaign: Awaited<ReturnType<typeof seedLaunchCampaign>>;

/** The drain's clock: moved by the test, five minutes a step. */
let clock = new Date(0);
const stepMs = 5 * 60_000;

/** Whether the drain has done everything due at the clock's time (claimed, sent, written). */
async function settled(): Promise<boolean> {
  const [row] = await db().$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM "DeliveryMessage"
    WHERE status = 'sending' OR (status IN ('queued', 'deferred') AND "nextAttemptAt" <= ${clock})`;
  return row!.n === 0n;
}

async function runClockUntil(end: Date, pacing: "addressee" | "off") {
  const drain = startDrain({ clock: () => clock, idlePollMs: 5, pacing });
  try {
    for (; clock <= end; clock = new Date(clock.getTime() + stepMs)) await waitFor("the drain", settled);
  } finally {
    await drain.stop();
  }
}

const hourOf = (date: Date) => date.toISOString().slice(0, 13);

function largestHour(dates: Date[]): number {
  const perHour = new Map<string, number>();
  for (const date of dates) perHour.set(hourOf(date), (perHour.get(hourOf(date)) ?? 0) + 1);
  return Math.max(0, ...perHour.values());
}

describe("pacing per addressee", () => {
  beforeAll(async () => {
    await useAsMailServer(sink);
    await resetDatabase();
    campaign = await seedLaunchCampaign();
    await db().campaign.update({ where: { id: campaign.id }, data: { hourlyCap: campaignCap, closesAt: null } });
    // Moscow officials, and the two missions in their own zones, all 9-18 Monday to Friday.
    await db().addressee.updateMany({
      where: { key: { startsWith: "ru-" } },
      data: { timeZone: "Europe/Moscow", officeHours: "9-18", officeDays: [1, 2, 3, 4, 5], hourlyCap: addresseeCap },
    });
    await db().addressee.update({ where: { key: "ru-mission-un-geneva" }, data: { timeZone: "Europe/Zurich" } });
    await db().addressee.update({ where: { key: "ru-embassy-be" }, data: { timeZone: "Europe/Brussels" } });
  });
  afterAll(async () => {
    closeMailer();
    await sink.stop();
  });

  it("waits for 09:00 Moscow and then sends evenly, under each cap, the shared address counting once", async () => {
    for (let i = 0; i < signatures; i++) await confirmedPlatformSignature(campaign);
    // Bounces paused the FSB's address after these letters were written.
    await db().mailAddressHealth.create({
      data: { address: paused, hardBounces: 3, pausedAt: new Date(), pauseReason: "Three hard bounces." },
    });
    // Monday 3 March 2031, 03:00 in Moscow.
    clock = new Date("2031-03-03T00:00:00Z");
    await runClockUntil(new Date("2031-03-03T05:55:00Z"), "addressee");
    expect(sink.received).toHaveLength(0);
    // Staff see Lavrov's letters waiting, none sent today, the queue empty within Monday's office hours.
    const queueOf = async (key: string) => {
      const { id } = await db().addressee.findUniqueOrThrow({ where: { key } });
      return (await addresseeQueues(clock, "addressee")).queues.find((q) => q.id === id)!;
    };
    const before = await queueOf("ru-foreign-minister");
    expect(before).toMatchObject({ waiting: signatures, sentToday: 0, paused: 0 });
    expect(before.emptyBy!.getTime()).toBeGreaterThan(Date.parse("2031-03-03T06:00:00Z"));
    expect(before.emptyBy!.getTime()).toBeLessThan(Date.parse("2031-03-03T15:00:00Z"));
    expect(await queueOf("ru-fsb-director")).toMatchObject({ waiting: signatures, paused: signatures });

    await runClockUntil(new Date("2031-03-03T16:00:00Z"), "addressee");
    const sent = await db().deliveryMessage.findMany({
      where: { status: "sent" },
      select: { toAddress: true, sentAt: true },
    });
    // Lavrov, Krasnov and the shared Geneva/Brussels address: one email each per signature.
    expect(sink.received).toHaveLength(3 * signatures);
    expect(sent).toHaveLength(3 * signatures);
    expect(sink.received.filter((m) => m.envelopeTo.includes(shared))).toHaveLength(signatures);
    for (const { sentAt } of sent) {
      // 09:00 to 18:00 Moscow.
      expect(sentAt!.getTime()).toBeGreaterThanOrEqual(Date.parse("2031-03-03T06:00:00Z"));
      expect(sentAt!.getTime()).toBeLessThan(Date.parse("2031-03-03T15:00:00Z"));
    }
    expect(largestHour(sent.map((m) => m.sentAt!))).toBeLessThanOrEqual(campaignCap);
    for (const address of new Set(sent.map((m) => m.toAddress))) {
      const times = sent
        .filter((m) => m.toAddress === address)
        .map((m) => m.sentAt!.getTime())
        .sort((a, b) => a - b);
      expect(largestHour(times.map((t) => new Date(t)))).toBeLessThanOrEqual(addresseeCap);
      // Evenly: never two emails to one address closer than the cap's spacing, no burst.
      for (let i = 1; i < times.length; i++)
        expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(3_600_000 / addresseeCap);
    }

    expect(await queueOf("ru-foreign-minister")).toMatchObject({ waiting: 0, sentToday: signatures });
    // The paused address got nothing; its letters wait, none lost.
    expect(sink.received.filter((m) => m.envelopeTo.includes(paused))).toHaveLength(0);
    const waiting = await db().deliveryMessage.findMany({ where: { toAddress: paused }, select: { status: true } });
    expect(waiting).toHaveLength(signatures);
    expect(waiting.every((m) => m.status === "deferred")).toBe(true);
    const letters = await db().letter.count({ where: { channel: "platform_email", status: "queued" } });
    expect(letters).toBe(signatures);
  });

  it("with DELIVERY_PACING=off sends at once, at 03:00 Moscow time, the resumed address's waiting letters too", async () => {
    const before = sink.received.length;
    await db().mailAddressHealth.update({ where: { address: paused }, data: { pausedAt: null } });
    for (let i = 0; i < 3; i++) await confirmedPlatformSignature(campaign);
    // Monday 10 March 2031, 03:00 in Moscow: one step of the clock.
    clock = new Date("2031-03-10T00:00:00Z");
    await runClockUntil(clock, "off");
    expect(sink.received.length - before).toBe(3 * 4 + signatures);
    expect(sink.received.slice(before).filter((m) => m.envelopeTo.includes(paused))).toHaveLength(3 + signatures);
  });

  it("slots letters again when an admin raises an addressee's cap, instead of keeping the old slots", async () => {
    await db().campaign.update({ where: { id: campaign.id }, data: { hourlyCap: 600 } });
    const lavrov = await db().addressee.update({
      where: { key: "ru-foreign-minister" },
      data: { hourlyCap: 1 },
    });
    const signatureIds: string[] = [];
    for (let i = 0; i < 4; i++) signatureIds.push(await confirmedPlatformSignature(campaign));
    const toLavrov = { toAddress: "ministry@mid.ru", signatureId: { in: signatureIds } };
    // Tuesday 11 March 2031, 09:00 in Moscow: one goes, three get slots an hour apart.
    clock = new Date("2031-03-11T06:00:00Z");
    await runClockUntil(clock, "addressee");
    expect(await db().deliveryMessage.count({ where: { ...toLavrov, status: "sent" } })).toBe(1);
    const waiting = await db().deliveryMessage.findMany({ where: { ...toLavrov, status: "queued" } });
    expect(Math.max(...waiting.map((m) => m.nextAttemptAt.getTime()))).toBe(Date.parse("2031-03-11T09:00:00Z"));

    await db().addressee.update({ where: { id: lavrov.id }, data: { hourlyCap: 60 } });
    // At 09:05 (the clock stopped a step on): the rest leave a minute apart.
    await repaceAddressee({ id: lavrov.id, emails: lavrov.emails, hourlyCap: 60 }, clock);
    await runClockUntil(new Date("2031-03-11T06:10:00Z"), "addressee");
    const sent = await db().deliveryMessage.findMany({ where: { ...toLavrov, status: "sent" } });
    expect(sent).toHaveLength(4);
    expect(Math.max(...sent.map((m) => m.sentAt!.getTime()))).toBeLessThanOrEqual(Date.parse("2031-03-11T06:10:00Z"));
  });
});
