// Pacing's clock arithmetic, from a given `now` (never today's date): office
// windows in Moscow (no DST) and Brussels (DST), and the even spread.
import { describe, expect, it } from "vitest";
import {
  campaignBucketCapacity,
  isTimeZone,
  nextOfficeTime,
  officeTimeBetween,
  officeWindow,
  queueEmptyAt,
  scheduleSlots,
  spacing,
  startOfDay,
  type Office,
} from "@/lib/delivery/pacing";

const moscow: Office = { timeZone: "Europe/Moscow", hours: "9-18", days: [1, 2, 3, 4, 5] };
const brussels: Office = { timeZone: "Europe/Brussels", hours: "9-18", days: [1, 2, 3, 4, 5] };
const at = (iso: string) => new Date(iso);

describe("office windows", () => {
  it("a letter at 03:00 in Moscow waits for 09:00 Moscow (06:00 UTC), all year", () => {
    // Monday 2031-03-03, 03:00 Moscow; and a summer Monday, Moscow keeps UTC+3.
    expect(nextOfficeTime(at("2031-03-03T00:00:00Z"), moscow)).toEqual(at("2031-03-03T06:00:00Z"));
    expect(nextOfficeTime(at("2031-07-07T00:00:00Z"), moscow)).toEqual(at("2031-07-07T06:00:00Z"));
  });

  it("inside office hours a letter may go at once, until 18:00 there", () => {
    expect(officeWindow(at("2031-03-03T10:30:00Z"), moscow)).toEqual({
      start: at("2031-03-03T10:30:00Z"),
      end: at("2031-03-03T15:00:00Z"),
    });
  });

  it("after Friday's hours the next window is Monday's", () => {
    // Friday 2031-03-07 19:00 Moscow.
    expect(nextOfficeTime(at("2031-03-07T16:00:00Z"), moscow)).toEqual(at("2031-03-10T06:00:00Z"));
  });

  it("follows daylight saving time in Brussels", () => {
    // Winter: UTC+1, 09:00 is 08:00 UTC. Summer: UTC+2, 07:00 UTC.
    expect(nextOfficeTime(at("2031-03-24T02:00:00Z"), brussels)).toEqual(at("2031-03-24T08:00:00Z"));
    expect(nextOfficeTime(at("2031-03-31T02:00:00Z"), brussels)).toEqual(at("2031-03-31T07:00:00Z"));
    // Office time across the weekend of the change (30 March 2031): two full days of nine hours.
    expect(officeTimeBetween(at("2031-03-27T00:00:00Z"), at("2031-04-01T00:00:00Z"), brussels)).toBe(3 * 9 * 3_600_000);
  });

  it("knows a day's start in the addressee's zone", () => {
    expect(startOfDay(at("2031-03-03T22:30:00Z"), "Europe/Moscow")).toEqual(at("2031-03-03T21:00:00Z"));
    expect(startOfDay(at("2031-07-07T12:00:00Z"), "Europe/Brussels")).toEqual(at("2031-07-06T22:00:00Z"));
  });

  it("accepts IANA zones only", () => {
    expect(isTimeZone("Europe/Moscow")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(isTimeZone("MSK")).toBe(false);
  });
});

describe("even spread", () => {
  it("spaces an address's emails by its hourly cap, within office hours, never above it in any hour", () => {
    const used = new Map<number, number>();
    const { slots } = scheduleSlots({
      now: at("2031-03-03T00:00:00Z"),
      count: 300,
      office: moscow,
      spacingMs: spacing(at("2031-03-03T00:00:00Z"), 30, moscow, 300, null),
      nextFree: 0,
      campaignCap: 600,
      campaignUsed: used,
    });
    expect(slots[0]).toEqual(at("2031-03-03T06:00:00Z"));
    expect(slots[1]).toEqual(at("2031-03-03T06:02:00Z"));
    const perHour = new Map<number, number>();
    for (const slot of slots) {
      const local = (slot.getUTCHours() + 3) % 24;
      expect(local).toBeGreaterThanOrEqual(9);
      expect(local).toBeLessThan(18);
      const hour = Math.floor(slot.getTime() / 3_600_000);
      perHour.set(hour, (perHour.get(hour) ?? 0) + 1);
    }
    expect(Math.max(...perHour.values())).toBe(30);
    // 270 on Monday, the rest on Tuesday from 09:00.
    expect(slots[270]).toEqual(at("2031-03-04T06:00:00Z"));
  });

  it("spreads a backlog over the office time left before the campaign closes", () => {
    const now = at("2031-03-03T06:00:00Z");
    // Closes Wednesday 09:00 Moscow: 18 office hours left; 36 letters, one every 30 minutes.
    expect(spacing(now, 30, moscow, 36, at("2031-03-05T06:00:00Z"))).toBe(30 * 60_000);
    // A backlog too big for the window goes at the cap; a tiny one at least once an hour.
    expect(spacing(now, 30, moscow, 10_000, at("2031-03-05T06:00:00Z"))).toBe(2 * 60_000);
    expect(spacing(now, 30, moscow, 2, at("2031-03-05T06:00:00Z"))).toBe(3_600_000);
  });

  it("holds the campaign to its cap per hour, in tenths of an hour", () => {
    let total = 0;
    for (let k = 0; k < 10; k++) total += campaignBucketCapacity(k * 360_000, 25);
    expect(total).toBe(25);
    const used = new Map<number, number>();
    const slots = [0, 1, 2].flatMap(
      () =>
        scheduleSlots({
          now: at("2031-03-03T06:00:00Z"),
          count: 20,
          office: moscow,
          spacingMs: 60_000,
          nextFree: 0,
          campaignCap: 30,
          campaignUsed: used,
        }).slots,
    );
    const firstHour = slots.filter((s) => s < at("2031-03-03T07:00:00Z"));
    expect(firstHour).toHaveLength(30);
  });

  it("says when a queue will be empty", () => {
    expect(queueEmptyAt(at("2031-03-03T00:00:00Z"), 0, moscow, 120_000)).toBeNull();
    expect(queueEmptyAt(at("2031-03-03T00:00:00Z"), 30, moscow, 120_000)).toEqual(at("2031-03-03T06:58:00Z"));
    expect(queueEmptyAt(at("2031-03-03T00:00:00Z"), 271, moscow, 120_000)).toEqual(at("2031-03-04T06:00:00Z"));
  });
});
