import "server-only";
import { assertRole, type StaffIdentity } from "@/lib/auth/staff-identity";
import { repaceAddressee } from "@/lib/delivery/release-paced-slots";
import type { AddresseeInput } from "./addressee-schema";
import { saveAudited, type SaveOutcome } from "./audit";
import { needsVerifying, sharedAddresses, verifyBy, type SharedAddress } from "./upkeep";
import {
  addresseeEmails,
  addresseeList,
  findAddresseeForEdit,
  writeAddressee,
  type AddresseeForEdit,
  type TranslationInput,
} from "./data";

export type { AddresseeForEdit, TranslationInput } from "./data";

export type { SaveOutcome } from "./audit";

/**
 * Every addressee, each with its upkeep: whether its details are due to be
 * verified again at `now`, and the addresses it shares with other addressees.
 */
export async function listAddressees(actor: StaffIdentity, now: Date = new Date()) {
  assertRole(actor, "admin");
  const rows = await addresseeList();
  const shared = sharedAddresses(rows);
  return rows.map((row) => ({ ...row, upkeep: upkeepOf(row, shared, now) }));
}

export type Upkeep = { verifyBy: Date | null; shared: SharedAddress[] };

function upkeepOf(row: { id: string; lastVerifiedAt: Date }, shared: Map<string, SharedAddress[]>, now: Date): Upkeep {
  return {
    verifyBy: needsVerifying(row.lastVerifiedAt, now) ? verifyBy(row.lastVerifiedAt) : null,
    shared: shared.get(row.id) ?? [],
  };
}

export async function getAddresseeForEdit(actor: StaffIdentity, id: string): Promise<AddresseeForEdit | null> {
  assertRole(actor, "admin");
  return findAddresseeForEdit(id);
}

/** The upkeep of one addressee at `now` (see listAddressees). */
export async function getAddresseeUpkeep(
  actor: StaffIdentity,
  addressee: { id: string; lastVerifiedAt: Date },
  now: Date = new Date(),
): Promise<Upkeep> {
  assertRole(actor, "admin");
  return upkeepOf(addressee, sharedAddresses(await addresseeEmails()), now);
}

function auditView(row: AddresseeForEdit | null) {
  if (!row) return null;
  const { campaigns: _campaigns, updatedAt: _updatedAt, ...rest } = row;
  return { ...rest, lastVerifiedAt: row.lastVerifiedAt.toISOString().slice(0, 10) };
}

/**
 * Saves an addressee (new when `id` is null) with its translations, and the
 * audit line, in one transaction. `expectedUpdatedAt` is when the form was
 * loaded: if someone saved in between, nothing is overwritten.
 */
export async function saveAddressee(
  actor: StaffIdentity,
  id: string | null,
  input: AddresseeInput,
  translations: TranslationInput[],
  expectedUpdatedAt: Date | null,
): Promise<SaveOutcome> {
  assertRole(actor, "admin");
  const outcome = await saveAudited(actor, {
    entity: "addressee",
    id,
    expectedVersion: expectedUpdatedAt,
    read: (tx, addresseeId) => findAddresseeForEdit(addresseeId, tx),
    write: (tx) => writeAddressee(tx, id, input, translations),
    auditView,
    refused: (constraint) => (constraint === "unique" ? { key: [{ code: "keyTaken" }] } : null),
  });
  // The editor sends the pacing fields; a changed cap or office must not wait behind slots handed out before.
  if (outcome.outcome === "saved" && input.hourlyCap !== undefined)
    await repaceAddressee({ id: outcome.id, emails: input.emails, hourlyCap: input.hourlyCap });
  return outcome;
}
