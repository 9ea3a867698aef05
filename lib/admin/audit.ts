import "server-only";
import { assertRole, type StaffIdentity } from "@/lib/auth/staff-identity";
import { auditEntries, insertAuditEntry, type Tx } from "./data";

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
