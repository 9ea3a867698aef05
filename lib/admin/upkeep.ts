// Addressee upkeep: who needs their details checked again, and who shares an
// email address with another addressee (one email then reaches all of them,
// which admins should know when they edit either). Pure: the caller passes
// the time, so tests choose it.

/** Details last verified longer ago than this need checking again. */
export const verifyEveryDays = 180;
const day = 86_400_000;

/** When the details are due to be checked again. */
export function verifyBy(lastVerifiedAt: Date): Date {
  return new Date(lastVerifiedAt.getTime() + verifyEveryDays * day);
}

/** Whether the details were last verified more than verifyEveryDays before `now`. */
export function needsVerifying(lastVerifiedAt: Date, now: Date): boolean {
  return verifyBy(lastVerifiedAt).getTime() < now.getTime();
}

export type SharedAddress = { email: string; with: { id: string; name: string }[] };

/** For each addressee, the addresses it shares with others and with whom, in a stable order. */
export function sharedAddresses(
  addressees: readonly { id: string; name: string; emails: readonly string[] }[],
): Map<string, SharedAddress[]> {
  const byEmail = new Map<string, { id: string; name: string }[]>();
  for (const a of addressees)
    for (const email of new Set(a.emails.map((e) => e.toLowerCase())))
      byEmail.set(email, [...(byEmail.get(email) ?? []), { id: a.id, name: a.name }]);
  const shared = new Map<string, SharedAddress[]>();
  for (const a of addressees) {
    const list = [...new Set(a.emails.map((e) => e.toLowerCase()))].sort().flatMap((email) => {
      const others = byEmail.get(email)!.filter((o) => o.id !== a.id);
      return others.length ? [{ email, with: others }] : [];
    });
    if (list.length) shared.set(a.id, list);
  }
  return shared;
}
