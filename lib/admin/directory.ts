import "server-only";
import { assertRole, type StaffIdentity } from "@/lib/auth/staff-identity";
import { recordAudit } from "./audit";
import { addresseesWithKeys, directoryEntries, directoryRows, inTransaction, upsertDirectoryRows } from "./data";
import { directoryColumns, readDirectoryCsv, translatedOrganisationColumn, type ImportProblem } from "./directory-csv";
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
    const byKey = new Map(existing.map((e) => [e.key, e]));
    const problems: ImportProblem[] = [];
    for (const row of parsed.rows) {
      const known = byKey.get(row.key);
      if (known?.kind === "official")
        problems.push({ code: "keyOfficial", values: { key: row.key }, row: row.row, field: "key" });
      // An organisation line fills a translation made in the addressee editor (which has its name and role).
      const translated = new Set(known?.translations.map((t) => t.language) ?? []);
      for (const [language, organisation] of Object.entries(row.translatedOrganisations))
        if (organisation !== null && !translated.has(language))
          problems.push({
            code: "translationMissing",
            values: { language },
            row: row.row,
            field: translatedOrganisationColumn(language),
          });
      for (const language of Object.keys(row.translatedOrganisations))
        if (!translated.has(language)) delete row.translatedOrganisations[language];
    }
    if (problems.length) return { outcome: "rejected" as const, problems };
    await upsertDirectoryRows(tx, parsed.rows);
    const created = parsed.rows.filter((r) => !byKey.has(r.key)).length;
    await recordAudit(
      actor,
      {
        action: "directory.import",
        entity: "directory",
        before: { keys: [...byKey.keys()] },
        after: { created, updated: byKey.size, keys: parsed.rows.map((r) => r.key) },
      },
      tx,
    );
    return { outcome: "imported" as const, created, updated: byKey.size };
  });
}

/** The directory as CSV in the import's own format, to edit and import back. */
export async function directoryCsv(actor: StaffIdentity): Promise<string> {
  assertRole(actor, "admin");
  const rows = await directoryRows();
  const languages = [...new Set(rows.flatMap((r) => r.translations.map((t) => t.language)))].sort();
  return toCsv(
    [...directoryColumns, ...languages.map(translatedOrganisationColumn)],
    rows.map((r) => [
      r.key,
      r.kind,
      r.country,
      r.name,
      r.role,
      r.organisation,
      r.emails.join(" "),
      r.xHandle,
      r.postalAddress,
      r.webFormUrl,
      r.salutation,
      r.lastVerifiedAt.toISOString().slice(0, 10),
      r.status,
      ...languages.map((language) => r.translations.find((t) => t.language === language)?.organisation ?? null),
    ]),
  );
}
