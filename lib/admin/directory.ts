import "server-only";
import { assertRole, type StaffIdentity } from "@/lib/auth/staff-identity";
import { db } from "@/lib/core/db";
import { recordAudit } from "./audit";
import { parseDirectoryCsv } from "./directory-csv";
import { toCsv } from "@/lib/core/csv";

export const maxDirectoryFileBytes = 1_000_000;

export type DirectoryImport =
  { outcome: "imported"; created: number; updated: number } | { outcome: "rejected"; errors: string[] };

export async function listDirectory(actor: StaffIdentity) {
  assertRole(actor, "admin");
  return db().addressee.findMany({
    where: { kind: { in: ["embassy", "mission"] } },
    orderBy: [{ country: "asc" }, { name: "asc" }],
    select: {
      id: true,
      key: true,
      kind: true,
      country: true,
      name: true,
      emails: true,
      status: true,
      lastVerifiedAt: true,
    },
  });
}

/**
 * Imports embassies and missions from CSV, all or nothing: every row is
 * checked first, and one bad row rejects the file with its row number and
 * the reason. Rows are matched by key: new keys are created, known keys
 * updated. One transaction, one audit line.
 */
export async function importDirectory(actor: StaffIdentity, csv: string): Promise<DirectoryImport> {
  assertRole(actor, "admin");
  if (Buffer.byteLength(csv) > maxDirectoryFileBytes)
    return { outcome: "rejected", errors: ["The file is larger than 1 MB."] };
  const parsed = parseDirectoryCsv(csv);
  if (!parsed.ok) return { outcome: "rejected", errors: parsed.errors };
  return db().$transaction(async (tx) => {
    const existing = await tx.addressee.findMany({
      where: { key: { in: parsed.rows.map((r) => r.key) } },
      select: { key: true, kind: true },
    });
    const officials = existing.filter((e) => e.kind === "official").map((e) => e.key);
    if (officials.length)
      return {
        outcome: "rejected" as const,
        errors: officials.map((k) => `Key “${k}” belongs to an official, not an embassy; choose another key.`),
      };
    const known = new Set(existing.map((e) => e.key));
    for (const row of parsed.rows) {
      const data = { ...row, lastVerifiedAt: new Date(`${row.lastVerifiedAt}T00:00:00Z`) };
      await tx.addressee.upsert({ where: { key: row.key }, create: data, update: data });
    }
    const created = parsed.rows.filter((r) => !known.has(r.key)).length;
    await recordAudit(
      actor,
      {
        action: "directory.import",
        entity: "directory",
        before: { keys: [...known] },
        after: { created, updated: known.size, keys: parsed.rows.map((r) => r.key) },
      },
      tx,
    );
    return { outcome: "imported" as const, created, updated: known.size };
  });
}

/** The directory as CSV in the import's own format, to edit and import back. */
export async function directoryCsv(actor: StaffIdentity): Promise<string> {
  assertRole(actor, "admin");
  const rows = await db().addressee.findMany({
    where: { kind: { in: ["embassy", "mission"] } },
    orderBy: [{ country: "asc" }, { key: "asc" }],
  });
  return toCsv(
    [
      "key",
      "kind",
      "country",
      "name",
      "role",
      "emails",
      "x_handle",
      "postal_address",
      "web_form_url",
      "salutation",
      "last_verified",
      "status",
    ],
    rows.map((r) => [
      r.key,
      r.kind,
      r.country,
      r.name,
      r.role,
      r.emails.join(" "),
      r.xHandle,
      r.postalAddress,
      r.webFormUrl,
      r.salutation,
      r.lastVerifiedAt.toISOString().slice(0, 10),
      r.status,
    ]),
  );
}
