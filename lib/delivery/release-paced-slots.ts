import "server-only";
import { releasePacedSlots } from "./data";

/**
 * After an admin saves an addressee's office or cap: letters already given a
 * slot under the old settings are slotted again under the new ones (a raised
 * cap clears a backlog sooner, new office hours apply at once).
 */
export async function repaceAddressee(
  addressee: { id: string; emails: string[]; hourlyCap: number },
  now = new Date(),
): Promise<void> {
  await releasePacedSlots(addressee.id, addressee.emails, now, 3_600_000 / Math.max(1, addressee.hourlyCap));
}
