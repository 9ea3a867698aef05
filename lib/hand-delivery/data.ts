// The hand-delivery feature's only door to the database: the addressees a
// pack can be made for and the letters it gathers (texts still encrypted).
import "server-only";
import { db } from "@/lib/core/db";

/** Addressees staff may make a pack for, by name. */
export async function addresseesForPacks() {
  return db().addressee.findMany({
    orderBy: [{ name: "asc" }, { key: "asc" }],
    select: { id: true, key: true, name: true, timeZone: true },
  });
}

export async function addresseeForPack(addresseeId: string) {
  return db().addressee.findUnique({
    where: { id: addresseeId },
    select: {
      id: true,
      name: true,
      role: true,
      organisation: true,
      postalAddress: true,
      timeZone: true,
    },
  });
}

/**
 * The letters to an addressee written in [from, to) whose text we still hold,
 * of counted signatures, never a cancelled one; oldest first.
 */
export async function lettersForPack(addresseeId: string, from: Date, to: Date) {
  return db().letter.findMany({
    where: {
      addresseeId,
      createdAt: { gte: from, lt: to },
      status: { not: "cancelled" },
      content: { isNot: null },
      signature: { countedAt: { not: null } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      language: true,
      createdAt: true,
      signature: { select: { country: true } },
      content: { select: { subjectEncrypted: true, bodyEncrypted: true } },
    },
  });
}
