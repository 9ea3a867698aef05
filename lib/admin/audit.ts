import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { assertRole, type StaffIdentity } from "@/lib/auth/staff-identity";
import { db } from "@/lib/core/db";

type AuditInput = { action: string; entity: string; entityId?: string | null; before?: unknown; after?: unknown };

const json = (value: unknown) =>
  value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);

/** One line of the audit log: who, what, when, before and after. Pass `tx` to write it with the change. */
export async function recordAudit(
  actor: StaffIdentity,
  entry: AuditInput,
  tx: Prisma.TransactionClient = db(),
): Promise<void> {
  assertRole(actor, "admin");
  await tx.auditEntry.create({
    data: {
      actorId: actor.id,
      actorEmail: actor.email,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      before: json(entry.before),
      after: json(entry.after),
    },
  });
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
  return db().auditEntry.findMany({
    where: options.before ? { at: { lt: options.before } } : {},
    orderBy: { at: "desc" },
    take: Math.min(options.take ?? 100, 500),
    select: {
      id: true,
      at: true,
      actorEmail: true,
      action: true,
      entity: true,
      entityId: true,
      before: true,
      after: true,
    },
  });
}
