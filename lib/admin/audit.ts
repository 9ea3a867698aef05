import "server-only";
import { assertRole, type StaffIdentity } from "@/lib/auth/staff-identity";
import type { FieldProblems } from "@/lib/core/errors";
import { auditEntries, brokenConstraint, inTransaction, insertAuditEntry, type Tx } from "./data";

type AuditInput = { action: string; entity: string; entityId?: string | null; before?: unknown; after?: unknown };

/** One line of the audit log: who, what, when, before and after. Pass `tx` to write it with the change. */
export async function recordAudit(actor: StaffIdentity, entry: AuditInput, tx?: Tx): Promise<void> {
  assertRole(actor, "admin");
  await insertAuditEntry(
    {
      actorId: actor.id,
      actorEmail: actor.email,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      before: entry.before,
      after: entry.after,
    },
    tx,
  );
}

export type AuditLine = {
  id: string;
  at: Date;
  actorEmail: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
};

export async function listAuditLog(
  actor: StaffIdentity,
  options: { before?: Date; take?: number } = {},
): Promise<AuditLine[]> {
  assertRole(actor, "admin");
  return auditEntries(options.before, Math.min(options.take ?? 100, 500));
}

/** What saving an edited record answers. */
export type SaveOutcome =
  | { outcome: "saved"; id: string }
  | { outcome: "conflict" }
  | { outcome: "not_found" }
  | { outcome: "invalid"; problems: FieldProblems };

/**
 * Saves one record (new when `id` is null) and its audit line in one
 * transaction, with optimistic concurrency: `expectedVersion` is the
 * updatedAt the form was loaded with, and a record saved since is not
 * overwritten. `read` gives the record as the audit log shows it, `write`
 * makes the change and returns the id; a broken unique or foreign-key
 * constraint becomes the problems `refused` names.
 */
export async function saveAudited<Row extends { updatedAt: Date }>(
  actor: StaffIdentity,
  change: {
    entity: "addressee" | "campaign";
    id: string | null;
    expectedVersion: Date | null;
    read: (tx: Tx, id: string) => Promise<Row | null>;
    write: (tx: Tx, before: Row | null) => Promise<string>;
    auditView: (row: Row | null) => unknown;
    refused: (constraint: "unique" | "foreign_key") => FieldProblems | null;
    timeout?: number;
  },
): Promise<SaveOutcome> {
  assertRole(actor, "admin");
  const { entity, id, expectedVersion, read, write, auditView } = change;
  try {
    return await inTransaction(
      async (tx): Promise<SaveOutcome> => {
        const before = id ? await read(tx, id) : null;
        if (id && !before) return { outcome: "not_found" };
        if (before && expectedVersion && before.updatedAt.getTime() !== expectedVersion.getTime())
          return { outcome: "conflict" };
        const savedId = await write(tx, before);
        const after = await read(tx, savedId);
        await recordAudit(
          actor,
          {
            action: `${entity}.${id ? "update" : "create"}`,
            entity,
            entityId: savedId,
            before: auditView(before),
            after: auditView(after),
          },
          tx,
        );
        return { outcome: "saved", id: savedId };
      },
      change.timeout ? { timeout: change.timeout } : undefined,
    );
  } catch (error) {
    const constraint = brokenConstraint(error);
    const problems = constraint && change.refused(constraint);
    if (problems) return { outcome: "invalid", problems };
    throw error;
  }
}
