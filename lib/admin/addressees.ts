import "server-only";
import { assertRole, type StaffIdentity } from "@/lib/auth/staff-identity";
import type { AddresseeInput } from "./addressee-schema";
import { saveAudited, type SaveOutcome } from "./audit";
import {
  addresseeList,
  findAddresseeForEdit,
  writeAddressee,
  type AddresseeForEdit,
  type TranslationInput,
} from "./data";

export type { AddresseeForEdit, TranslationInput } from "./data";

export type { SaveOutcome } from "./audit";

export async function listAddressees(actor: StaffIdentity) {
  assertRole(actor, "admin");
  return addresseeList();
}

export async function getAddresseeForEdit(actor: StaffIdentity, id: string): Promise<AddresseeForEdit | null> {
  assertRole(actor, "admin");
  return findAddresseeForEdit(id);
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
  return saveAudited(actor, {
    entity: "addressee",
    id,
    expectedVersion: expectedUpdatedAt,
    read: (tx, addresseeId) => findAddresseeForEdit(addresseeId, tx),
    write: (tx) => writeAddressee(tx, id, input, translations),
    auditView,
    refused: (constraint) => (constraint === "unique" ? { key: [{ code: "keyTaken" }] } : null),
  });
}
