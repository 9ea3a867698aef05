import "server-only";
import { assertRole, type StaffIdentity } from "@/lib/auth/staff-identity";
import { recordAudit } from "./audit";
import { addresseesWithKeys, directoryEntries, directoryRows, inTransaction, upsertDirectoryRows } from "./data";
import { directoryColumns, readDirectoryCsv, type ImportProblem } from "./directory-csv";
import { toCsv } from "@/lib/core/csv";

export const maxDirectoryFileBytes = 1_000_000;

export type DirectoryImport =
  { outcome: "imported"; created: number; updated: number } | { outcome: "rejected"; problems: ImportProblem[] };

export async function listDirectory(actor: StaffIdentity) {
  assertRole(actor, "admin");
  return directoryEntries();
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
    return { outcome: "rejected", problems: [{ code: "fileTooLarge" }] };
  const parsed = readDirectoryCsv(csv);
  if (!parsed.ok) return { outcome: "rejected", problems: parsed.problems };
  return inTransaction(async (tx) => {
    const existing = await addresseesWithKeys(
      tx,
      parsed.rows.map((r) => r.key),
    );
    const officials = existing.filter((e) => e.kind === "official").map((e) => e.key);
    if (officials.length)
      return {
        outcome: "rejected" as const,
        problems: officials.map((key): ImportProblem => ({ code: "keyOfficial", values: { key } })),
      };
    const known = new Set(existing.map((e) => e.key));
    await upsertDirectoryRows(tx, parsed.rows);
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
  const rows = await directoryRows();
  return toCsv(
    [...directoryColumns],
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
