import "server-only";
import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { env } from "@/lib/core/env";
import { makeLimiter } from "@/lib/core/rate-limiter";
import { isTimeZone, parseOfficeHours } from "@/lib/core/office-hours";

export { isTimeZone, parseOfficeHours };

let perDomain: RateLimiterAbstract | undefined;

/**
 * How many of `count` messages to this domain may go now, and when the rest
 * may: the moment the domain's per-minute allowance frees up, a minute later
 * for each further allowance's worth. Keeps a viral day from getting the
 * campaign's mail throttled or blocked by the recipients' servers. One
 * counter update per domain and batch; refused points count as spent, as a
 * refused message's point did when messages asked one by one.
 */
export async function domainAllowance(
  domain: string,
  count: number,
  now = new Date(),
): Promise<{ allowed: number; laterAt: (index: number) => Date }> {
  const perMinute = env().DELIVERY_PER_DOMAIN_PER_MINUTE;
  perDomain ??= makeLimiter("deliver-domain", perMinute, 60);
  try {
    await perDomain.consume(domain || "(none)", count);
    return { allowed: count, laterAt: () => now };
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const allowed = Math.min(count, Math.max(0, count - (rejection.consumedPoints - perMinute)));
    const freeAt = now.getTime() + rejection.msBeforeNext + 50;
    return { allowed, laterAt: (index) => new Date(freeAt + Math.floor(index / perMinute) * 60_000) };
  }
}

/** Null inside the sending hours (UTC), else the start of the next window. */
export function outsideSendingHours(now = new Date(), hours = env().DELIVERY_HOURS): Date | null {
  const [start, end] = hours.split("-").map(Number) as [number, number];
  if (start === 0 && end === 24) return null;
  const hour = now.getUTCHours();
  const inside = start < end ? hour >= start && hour < end : hour >= start || hour < end;
  if (inside) return null;
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), start));
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

/** Exponential backoff with jitter: about 1, 2, 4, 8... minutes, at most 6 hours. */
export function backoff(attempts: number, now = new Date()): Date {
  const base = Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 3600_000);
  return new Date(now.getTime() + base * (0.8 + Math.random() * 0.4));
}

// --- Pacing per addressee (DELIVERY_PACING=addressee) ------------------------------------------
// Pure functions: every one takes its `now`, so tests and the backlog
// benchmark move the clock instead of waiting.

/** When and where an addressee's office reads its mail. */
export type Office = {
  /** IANA zone, e.g. Europe/Moscow. */
  timeZone: string;
  /** "9-18": whole hours in that zone, start before end. */
  hours: string;
  /** ISO weekdays, 1 = Monday. */
  days: number[];
};

const hourMs = 3_600_000;
const formats = new Map<string, Intl.DateTimeFormat>();

/** The wall clock of `instant` in `timeZone`. */
function wallClock(instant: number, timeZone: string) {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formats.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(instant))) parts[part.type] = Number(part.value);
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** How far `timeZone` is ahead of UTC at `instant`, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant the wall clock in `timeZone` shows this date and hour (hour 24: the next midnight). */
function instantOf(year: number, month: number, day: number, hour: number, timeZone: string): number {
  const guess = Date.UTC(year, month - 1, day, hour);
  const first = guess - offsetAt(guess, timeZone);
  // Across a DST change the offset at the result differs from the guess's.
  return guess - offsetAt(first, timeZone);
}

/**
 * The office window `now` is in, or the next one: start and end instants.
 * Null when the office never opens (no days, bad hours).
 */
export function officeWindow(now: Date, office: Office): { start: Date; end: Date } | null {
  const hours = parseOfficeHours(office.hours);
  if (!hours || office.days.length === 0) return null;
  const today = wallClock(now.getTime(), office.timeZone);
  for (let d = 0; d < 8; d++) {
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day + d));
    const weekday = date.getUTCDay() || 7;
    if (!office.days.includes(weekday)) continue;
    const [y, m, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    const start = instantOf(y, m, day, hours[0], office.timeZone);
    const end = instantOf(y, m, day, hours[1], office.timeZone);
    if (end > now.getTime()) return { start: new Date(Math.max(start, now.getTime())), end: new Date(end) };
  }
  return null;
}

/** `at` itself inside office hours, else the next opening; null when the office never opens. */
export function nextOfficeTime(at: Date, office: Office): Date | null {
  return officeWindow(at, office)?.start ?? null;
}

/** Office time (ms) from `from` to `to`. */
export function officeTimeBetween(from: Date, to: Date, office: Office): number {
  let total = 0;
  let at = from;
  for (let i = 0; i < 400 && at < to; i++) {
    const window = officeWindow(at, office);
    if (!window || window.start >= to) break;
    const end = Math.min(window.end.getTime(), to.getTime());
    total += end - window.start.getTime();
    at = new Date(end);
  }
  return total;
}

/**
 * Time between two emails to one address: the hourly cap's spacing, or,
 * when the campaign closes at `closesAt`, the backlog spread evenly over the
 * office time left (never slower than one an hour, never faster than the cap).
 */
export function spacing(now: Date, hourlyCap: number, office: Office, backlog: number, closesAt: Date | null): number {
  const atCap = hourMs / Math.max(1, hourlyCap);
  if (!closesAt || closesAt <= now || backlog <= 0) return atCap;
  const left = officeTimeBetween(now, closesAt, office);
  return Math.max(atCap, Math.min(hourMs, left / backlog));
}

/** The campaign cap is checked per tenth of an hour, so a campaign's hour is even too. */
export const campaignBucketMs = hourMs / 10;

/** Emails the campaign may send in the bucket starting at `bucketStart`: its hourly cap split over the hour's tenths. */
export function campaignBucketCapacity(bucketStart: number, hourlyCap: number): number {
  const k = Math.floor((bucketStart % hourMs) / campaignBucketMs);
  return Math.floor((hourlyCap * (k + 1)) / 10) - Math.floor((hourlyCap * k) / 10);
}

/**
 * Slots for `count` emails to one address: from `nextFree` (the address's
 * next free moment) or `now`, `spacingMs` apart, each moved into the office
 * hours and into a tenth of an hour in which the campaign (`campaignUsed`,
 * updated here) still has room. Returns the slots and the address's next
 * free moment after them.
 */
export function scheduleSlots(input: {
  now: Date;
  count: number;
  office: Office;
  spacingMs: number;
  nextFree: number;
  campaignCap: number;
  campaignUsed: Map<number, number>;
}): { slots: Date[]; nextFree: number } {
  const slots: Date[] = [];
  let t = Math.max(input.now.getTime(), input.nextFree);
  for (let i = 0; i < input.count; i++) {
    for (let guard = 0; guard < 10_000; guard++) {
      const open = nextOfficeTime(new Date(t), input.office);
      // An office that never opens: its letters wait a day at a time for the settings to change.
      if (!open) {
        t += 24 * hourMs;
        break;
      }
      t = open.getTime();
      const bucket = t - (t % campaignBucketMs);
      if ((input.campaignUsed.get(bucket) ?? 0) < campaignBucketCapacity(bucket, input.campaignCap)) {
        input.campaignUsed.set(bucket, (input.campaignUsed.get(bucket) ?? 0) + 1);
        break;
      }
      t = bucket + campaignBucketMs;
    }
    slots.push(new Date(t));
    t += input.spacingMs;
  }
  return { slots, nextFree: t };
}

/**
 * When an address's queue of `queued` emails will be empty, sending from
 * `nextFree` (or now) `spacingMs` apart within office hours. Null when
 * nothing waits.
 */
export function queueEmptyAt(now: Date, queued: number, office: Office, spacingMs: number, nextFree = 0): Date | null {
  if (queued <= 0) return null;
  let t = Math.max(now.getTime(), nextFree);
  let left = queued;
  for (let guard = 0; guard < 1000 && left > 0; guard++) {
    const window = officeWindow(new Date(t), office);
    if (!window) return null;
    const fits = Math.max(1, Math.ceil((window.end.getTime() - window.start.getTime()) / spacingMs));
    if (fits >= left) return new Date(window.start.getTime() + (left - 1) * spacingMs);
    left -= fits;
    t = window.end.getTime();
  }
  return null;
}

/** The start of the day `now` is in, in `timeZone`. */
export function startOfDay(now: Date, timeZone: string): Date {
  const w = wallClock(now.getTime(), timeZone);
  return new Date(instantOf(w.year, w.month, w.day, 0, timeZone));
}
