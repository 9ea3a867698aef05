import "server-only";
import type { LetterAddressee } from "./compose-letters";
import { pausedAddresses } from "./data";
import type { LetterBuilder } from "./get-letter-builder";

/**
 * Which of these addressees our server must not email now: paused by an
 * admin (Addressee.status, in the builder), or at an address paused after
 * bounces (MailAddressHealth, read fresh). Asked only for platform sending.
 */
export async function pausedAddressees(
  builder: LetterBuilder,
  addressees: readonly LetterAddressee[],
): Promise<LetterAddressee[]> {
  const byId = new Map(builder.addressees.map((a) => [a.id, a]));
  const paused = await pausedAddresses(addressees.flatMap((a) => a.emails));
  return addressees.filter((a) => byId.get(a.id)?.paused === true || a.emails.some((e) => paused.has(e.toLowerCase())));
}
