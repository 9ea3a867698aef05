// The digest rule on the addressee's own clock: its day ends at its own
// midnight (daylight saving included), and the digest goes at the first
// office-hours moment on an office day after that.
import { describe, expect, it } from "vitest";
import { digestDayDue, localDay, startOfDay } from "@/lib/digests/office-day";

const moscow = { timeZone: "Europe/Moscow", officeHours: "9-18", officeDays: [1, 2, 3, 4, 5] };

describe("the daily digest's day", () => {
  it("is the addressee's own day, whatever the UTC date", () => {
    // 22:30 UTC on Thursday 3 December is already Friday in Moscow.
    expect(localDay(new Date("2026-12-03T22:30:00Z"), "Europe/Moscow")).toBe("2026-12-04");
    expect(localDay(new Date("2026-12-03T22:30:00Z"), "America/New_York")).toBe("2026-12-03");
  });

  it("starts at local midnight, on daylight-saving days too", () => {
    expect(startOfDay("2026-12-04", "Europe/Moscow").toISOString()).toBe("2026-12-03T21:00:00.000Z");
    // Brussels moves to summer time on 29 March 2026: that day starts at 23:00 UTC, the next at 22:00.
    expect(startOfDay("2026-03-29", "Europe/Brussels").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(startOfDay("2026-03-30", "Europe/Brussels").toISOString()).toBe("2026-03-29T22:00:00.000Z");
    // An unknown zone (a typo) is read as UTC rather than stopping the digests.
    expect(startOfDay("2026-12-04", "Mars/Olympus").toISOString()).toBe("2026-12-04T00:00:00.000Z");
  });

  it("goes when the office opens the next working day, the weekend's letters on Monday", () => {
    // Friday 4 December 2026, 08:59 Moscow: not yet open.
    expect(digestDayDue(new Date("2026-12-04T05:59:00Z"), moscow)).toBeNull();
    // 09:00 Moscow: Thursday's digest, with every letter written before Friday began.
    expect(digestDayDue(new Date("2026-12-04T06:00:00Z"), moscow)).toEqual({
      day: "2026-12-03",
      lettersBefore: new Date("2026-12-03T21:00:00Z"),
    });
    // 18:00 Moscow: closed again.
    expect(digestDayDue(new Date("2026-12-04T15:00:00Z"), moscow)).toBeNull();
    // Saturday and Sunday: nothing goes.
    expect(digestDayDue(new Date("2026-12-05T08:00:00Z"), moscow)).toBeNull();
    expect(digestDayDue(new Date("2026-12-06T08:00:00Z"), moscow)).toBeNull();
    // Monday at opening: Sunday's digest, carrying Saturday's letters too.
    expect(digestDayDue(new Date("2026-12-07T06:00:00Z"), moscow)).toEqual({
      day: "2026-12-06",
      lettersBefore: new Date("2026-12-06T21:00:00Z"),
    });
  });

  it("goes at any hour for an office open round the clock", () => {
    const always = { timeZone: "UTC", officeHours: "0-24", officeDays: [] };
    expect(digestDayDue(new Date("2026-12-05T00:00:00Z"), always)?.day).toBe("2026-12-04");
    expect(digestDayDue(new Date("2026-12-05T23:59:00Z"), always)?.day).toBe("2026-12-04");
  });
});
