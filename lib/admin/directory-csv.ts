// The embassy directory as CSV: the columns an import expects, and parsing a
// file into addressee rows with every problem named by its row.
import { parse } from "csv-parse/sync";
import { addresseeInputSchema, type AddresseeInput } from "./addressee-schema";

export const directoryColumns = [
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
] as const;
const required = ["key", "country", "name", "role", "last_verified"];

export const maxDirectoryRows = 1_000;

export type DirectoryParse = { ok: true; rows: AddresseeInput[] } | { ok: false; errors: string[] };

/**
 * Reads a directory CSV. Row numbers are spreadsheet rows: the header is
 * row 1, so the first embassy is row 2. Any error anywhere means no row is
 * usable: the caller imports nothing.
 */
export function parseDirectoryCsv(text: string): DirectoryParse {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: false, trim: true });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return {
      ok: false,
      errors: [
        `The file is not valid CSV${line ? ` (near row ${line})` : ""}: ${(error as Error).message.split(":")[0]}.`,
      ],
    };
  }
  if (records.length === 0) return { ok: false, errors: ["The file is empty."] };
  const header = records[0]!.map((h) => h.toLowerCase());
  const errors: string[] = [];
  const unknown = header.filter((h) => !(directoryColumns as readonly string[]).includes(h));
  if (unknown.length)
    errors.push(
      `Row 1: unknown column(s) ${unknown.map((u) => `“${u}”`).join(", ")}. The columns are: ${directoryColumns.join(", ")}.`,
    );
  const missing = required.filter((r) => !header.includes(r));
  if (missing.length) errors.push(`Row 1: missing column(s) ${missing.join(", ")}.`);
  if (errors.length) return { ok: false, errors };
  if (records.length - 1 > maxDirectoryRows)
    return {
      ok: false,
      errors: [`The file has ${records.length - 1} rows; import at most ${maxDirectoryRows} at a time.`],
    };

  const rows: AddresseeInput[] = [];
  const seenKeys = new Map<string, number>();
  records.slice(1).forEach((record, index) => {
    const rowNumber = index + 2;
    const cell = (name: string) => record[header.indexOf(name)] ?? "";
    const parsed = addresseeInputSchema.safeParse({
      key: cell("key"),
      kind: cell("kind") || "embassy",
      country: cell("country"),
      name: cell("name"),
      role: cell("role"),
      organisation: "",
      emails: cell("emails"),
      xHandle: cell("x_handle"),
      postalAddress: cell("postal_address"),
      webFormUrl: cell("web_form_url"),
      salutation: cell("salutation"),
      lastVerifiedAt: cell("last_verified"),
      status: cell("status") || "active",
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        errors.push(`Row ${rowNumber}: ${issue.path.join(".") || "row"}: ${issue.message}`);
      return;
    }
    if (parsed.data.kind === "official") {
      errors.push(`Row ${rowNumber}: kind: the directory holds embassies and missions only.`);
      return;
    }
    const earlier = seenKeys.get(parsed.data.key);
    if (earlier) errors.push(`Row ${rowNumber}: key: “${parsed.data.key}” is also on row ${earlier}.`);
    seenKeys.set(parsed.data.key, rowNumber);
    rows.push(parsed.data);
  });
  return errors.length ? { ok: false, errors } : { ok: true, rows };
}
