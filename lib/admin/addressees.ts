import "server-only";
import { assertRole, type StaffIdentity } from "@/lib/auth/staff-identity";
import type { FieldProblems } from "@/lib/core/errors";
import type { AddresseeInput } from "./addressee-schema";
import { recordAudit } from "./audit";
import {
  addresseeList,
  brokenConstraint,
  findAddresseeForEdit,
  inTransaction,
  writeAddressee,
  type AddresseeForEdit,
  type TranslationInput,
} from "./data";

export type { AddresseeForEdit, TranslationInput } from "./data";

export type SaveOutcome =
  | { outcome: "saved"; id: string }
  | { outcome: "conflict" }
  | { outcome: "not_found" }
  | { outcome: "invalid"; problems: FieldProblems };

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
  try {
    return await inTransaction(async (tx) => {
      const before = id ? await findAddresseeForEdit(id, tx) : null;
      if (id && !before) return { outcome: "not_found" as const };
      if (before && expectedUpdatedAt && before.updatedAt.getTime() !== expectedUpdatedAt.getTime())
        return { outcome: "conflict" as const };
      const savedId = await writeAddressee(tx, id, input, translations);
      const after = await findAddresseeForEdit(savedId, tx);
      await recordAudit(
        actor,
        {
          action: id ? "addressee.update" : "addressee.create",
          entity: "addressee",
          entityId: savedId,
          before: auditView(before),
          after: auditView(after),
        },
        tx,
      );
      return { outcome: "saved" as const, id: savedId };
    });
  } catch (error) {
    if (brokenConstraint(error) === "unique") return { outcome: "invalid", problems: { key: [{ code: "keyTaken" }] } };
    throw error;
  }
}
