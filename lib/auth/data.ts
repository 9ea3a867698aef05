// Staff accounts' only door to the database outside better-auth (lib/auth/auth.ts,
// whose Prisma adapter reads and writes its own tables): accounts made by
// admin:create, sign-in audit lines, two-step flags and secrets. Plain queries
// that trust their input; the functions beside this file decide when to call them.
import "server-only";
import { db } from "@/lib/core/db";

export async function staffAccountByEmail(email: string) {
  return db().staffUser.findUnique({ where: { email }, select: { id: true, email: true } });
}

/** A staff member and their password ("credential") account, together. */
export async function insertStaffAccount(account: {
  id: string;
  accountId: string;
  email: string;
  name: string;
  role: "staff" | "admin";
  passwordHash: string;
}): Promise<void> {
  const { id, accountId, email, name, role, passwordHash } = account;
  await db().$transaction([
    db().staffUser.create({ data: { id, email, name, role, emailVerified: true } }),
    db().staffAccount.create({
      data: { id: accountId, accountId: id, providerId: "credential", userId: id, password: passwordHash },
    }),
  ]);
}

/** An audit line about a staff member's own account (sign-ins, lockouts). */
export async function insertStaffAuditEntry(entry: {
  actorId: string;
  actorEmail: string;
  action: string;
  after: Record<string, unknown>;
}): Promise<void> {
  await db().auditEntry.create({
    data: {
      actorId: entry.actorId,
      actorEmail: entry.actorEmail,
      action: entry.action,
      entity: "staff",
      entityId: entry.actorId,
      after: entry.after as never,
    },
  });
}

export async function twoFactorEnabled(userId: string): Promise<boolean> {
  const user = await db().staffUser.findUnique({ where: { id: userId }, select: { twoFactorEnabled: true } });
  return Boolean(user?.twoFactorEnabled);
}

/** Two-step secrets with a secret or backup codes not sealed under this prefix's key version. */
export async function twoFactorRowsNotUnder(prefix: string) {
  return db().staffTwoFactor.findMany({
    where: { OR: [{ NOT: { secret: { startsWith: prefix } } }, { NOT: { backupCodes: { startsWith: prefix } } }] },
    select: { id: true, secret: true, backupCodes: true },
  });
}

/** Replaces a row's secret and backup codes if they are still what was read; how many rows changed (0 or 1). */
export async function replaceTwoFactorSecrets(
  row: { id: string; secret: string; backupCodes: string },
  sealed: { secret: string; backupCodes: string },
): Promise<number> {
  const changed = await db().staffTwoFactor.updateMany({
    where: { id: row.id, secret: row.secret, backupCodes: row.backupCodes },
    data: sealed,
  });
  return changed.count;
}
