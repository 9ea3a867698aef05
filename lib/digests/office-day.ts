// Days and office hours in an addressee's own time zone, from the clock the
// caller passes. Pure: no database, no settings.

export type OfficeTimes = { timeZone: string; officeHours: string; officeDays: number[] };

const weekdays: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** A zone Intl knows, else UTC (a typo in the admin form must not stop the digests). */
export function knownZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return timeZone;
  } catch {
    return "UTC";
  }
}

/** The wall-clock parts of `at` in `timeZone`. */
export function localParts(at: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: knownZone(timeZone),
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    weekday: "short",
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return {
    year: Number(part("year")),
    month: Number(part("month")),
    day: Number(part("day")),
    hour: Number(part("hour")) % 24,
    minute: Number(part("minute")),
    second: Number(part("second")),
    weekday: weekdays[part("weekday")] ?? 1,
  };
}

/** "2026-12-04": the day `at` falls on in `timeZone`. */
export function localDay(at: Date, timeZone: string): string {
  const { year, month, day } = localParts(at, timeZone);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The day before `day` ("YYYY-MM-DD"), by the calendar. */
export function dayBefore(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/** The day after `day` ("YYYY-MM-DD"), by the calendar. */
export function dayAfter(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** The instant local midnight starts `day` in `timeZone` (DST days included). */
export function startOfDay(day: string, timeZone: string): Date {
  const wall = new Date(`${day}T00:00:00Z`).getTime();
  // The zone's offset at a guess, then at the corrected instant: exact unless midnight itself is skipped.
  const offsetAt = (instant: number) => {
    const p = localParts(new Date(instant), timeZone);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - instant;
  };
  const guess = wall - offsetAt(wall);
  return new Date(wall - offsetAt(guess));
}

/** "9-18" as [9, 18]; anything unreadable is the default 9-18. */
export function parseOfficeHours(hours: string): [number, number] {
  const match = /^(\d{1,2})-(\d{1,2})$/.exec(hours.trim());
  const start = match ? Number(match[1]) : 9;
  const end = match ? Number(match[2]) : 18;
  return start >= 0 && start <= 24 && end >= 0 && end <= 24 && start !== end ? [start, end] : [9, 18];
}

/** Whether `at` is inside the office's hours on one of its days, in its zone. No days set: every day. */
export function insideOfficeHours(at: Date, office: OfficeTimes): boolean {
  const { hour, weekday } = localParts(at, office.timeZone);
  if (office.officeDays.length > 0 && !office.officeDays.includes(weekday)) return false;
  const [start, end] = parseOfficeHours(office.officeHours);
  return start < end ? hour >= start && hour < end : hour >= start || hour < end;
}

/**
 * The digest rule: at `now`, the day whose letters are due is the office's
 * yesterday, and it goes only inside office hours on an office day. So the
 * digest for day D leaves at the first office-hours moment after D ends (the
 * next morning at opening; after a weekend, Monday's opening, carrying the
 * weekend's letters). Null when nothing may go now.
 */
export function digestDayDue(now: Date, office: OfficeTimes): { day: string; lettersBefore: Date } | null {
  if (!insideOfficeHours(now, office)) return null;
  const today = localDay(now, office.timeZone);
  return { day: dayBefore(today), lettersBefore: startOfDay(today, office.timeZone) };
}
