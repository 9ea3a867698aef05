import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { assertRole, type StaffIdentity } from "@/lib/auth/staff-identity";
import { db } from "@/lib/core/db";
import type { AddresseeInput } from "./addressee-schema";
import { recordAudit } from "./audit";

export type TranslationInput = { language: string; name: string; role: string; salutation: string | null };

export type SaveOutcome =
  | { outcome: "saved"; id: string }
  | { outcome: "conflict" }
  | { outcome: "not_found" }
  | { outcome: "invalid"; fieldErrors: Record<string, string[]> };

const editable = {
  id: true,
  key: true,
  name: true,
  role: true,
  organisation: true,
  kind: true,
  country: true,
  emails: true,
  xHandle: true,
  postalAddress: true,
  webFormUrl: true,
  salutation: true,
  lastVerifiedAt: true,
  status: true,
  updatedAt: true,
  translations: { select: { language: true, name: true, role: true, salutation: true }, orderBy: { language: "asc" } },
  campaigns: { select: { campaign: { select: { slug: true, status: true } } } },
} satisfies Prisma.AddresseeSelect;

export type AddresseeForEdit = Prisma.AddresseeGetPayload<{ select: typeof editable }>;

export async function listAddressees(actor: StaffIdentity) {
  assertRole(actor, "admin");
  return db().addressee.findMany({
    orderBy: [{ kind: "asc" }, { country: "asc" }, { name: "asc" }],
    select: {
      id: true,
      key: true,
      name: true,
      role: true,
      kind: true,
      country: true,
      status: true,
      lastVerifiedAt: true,
      campaigns: { select: { campaign: { select: { slug: true } } } },
    },
  });
}

export async function getAddresseeForEdit(actor: StaffIdentity, id: string): Promise<AddresseeForEdit | null> {
  assertRole(actor, "admin");
  return db().addressee.findUnique({ where: { id }, select: editable });
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
  const data = { ...input, lastVerifiedAt: new Date(`${input.lastVerifiedAt}T00:00:00Z`) };
  try {
    return await db().$transaction(async (tx) => {
      const before = id ? await tx.addressee.findUnique({ where: { id }, select: editable }) : null;
      if (id && !before) return { outcome: "not_found" as const };
      if (before && expectedUpdatedAt && before.updatedAt.getTime() !== expectedUpdatedAt.getTime())
        return { outcome: "conflict" as const };
      const saved = id
        ? await tx.addressee.update({ where: { id }, data, select: { id: true } })
        : await tx.addressee.create({ data, select: { id: true } });
      await tx.addresseeTranslation.deleteMany({ where: { addresseeId: saved.id } });
      if (translations.length > 0)
        await tx.addresseeTranslation.createMany({ data: translations.map((t) => ({ ...t, addresseeId: saved.id })) });
      const after = await tx.addressee.findUniqueOrThrow({ where: { id: saved.id }, select: editable });
      await recordAudit(
        actor,
        {
          action: id ? "addressee.update" : "addressee.create",
          entity: "addressee",
          entityId: saved.id,
          before: auditView(before),
          after: auditView(after),
        },
        tx,
      );
      return { outcome: "saved" as const, id: saved.id };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { outcome: "invalid", fieldErrors: { key: ["Another addressee has this key already."] } };
    }
    throw error;
  }
}
