// An addressee's office, checked the same way by the seed, the admin editor
// and delivery's pacing (lib/delivery/pacing.ts).

/** Whether `name` is an IANA time zone this runtime knows ("Europe/Moscow", "UTC"; not "MSK"). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return /\/|^UTC$/.test(name);
  } catch {
    return false;
  }
}

/** Office hours "9-18" as numbers; null when malformed (whole hours, start before end, at most 24). */
export function parseOfficeHours(hours: string): [number, number] | null {
  const match = /^(\d{1,2})-(\d{1,2})$/.exec(hours);
  if (!match) return null;
  const start = Number(match[1]);
  const end = Number(match[2]);
  return start >= 0 && end <= 24 && start < end ? [start, end] : null;
}
