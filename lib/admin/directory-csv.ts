// The embassy directory as CSV: the columns an import expects, and parsing a
// file into addressee rows with every problem named by its row. Problems are
// codes of the "adminFormErrors" catalogue with their values.
import { parse } from "csv-parse/sync";
import { problemsOf, type Problem, type Translate } from "@/lib/core/errors";
import { problemTranslator } from "@/lib/i18n/messages";
import { addresseeInputSchema, type AddresseeInput } from "./addressee-schema";

/** A translated organisation line: the schema's own rule for the addressee's organisation. */
const organisationLine = addresseeInputSchema.shape.organisation;

export const directoryColumns = [
  "key",
  "kind",
  "country",
  "name",
  "role",
  "organisation",
  "emails",
  "x_handle",
  "postal_address",
  "web_form_url",
  "salutation",
  "last_verified",
  "status",
] as const;
const required = ["key", "country", "name", "role", "last_verified"];

/**
 * The organisation line in another language: `organisation_fr`, `organisation_ru`…
 * It fills that language's translation of the addressee (made in the editor).
 */
export const translatedOrganisationColumn = (language: string) => `organisation_${language}`;
const translatedOrganisation = /^organisation_([a-z]{2,3})$/;

/** The file's own column for each schema field, so problems name what the admin sees in the file. */
const columnOfField: Record<string, string> = {
  lastVerifiedAt: "last_verified",
  xHandle: "x_handle",
  postalAddress: "postal_address",
  webFormUrl: "web_form_url",
  "": "row",
};
const columnOf = (field: string) => columnOfField[field] ?? field;

/** A directory row: the addressee, and its organisation line per translated language ("" clears it). */
export type DirectoryRow = AddresseeInput & { translatedOrganisations: Record<string, string | null>; row: number };

export const maxDirectoryRows = 1_000;

/** One problem with the file; `row` and `field` when it is one cell's (a row's own problem has field "row"). */
export type ImportProblem = Problem & { row?: number; field?: string };

export type DirectoryRead = { ok: true; rows: DirectoryRow[] } | { ok: false; problems: ImportProblem[] };
export type DirectoryParse = { ok: true; rows: DirectoryRow[] } | { ok: false; errors: string[] };

/** A problem as text: a cell's framed with its row and field ("Row 3: emails: …"). */
export function describeImportProblem(problem: ImportProblem, translate: Translate): string {
  const text = translate(problem.code, problem.values);
  return problem.row === undefined || problem.field === undefined
    ? text
    : translate("rowProblem", { row: problem.row, field: problem.field, problem: text });
}

/**
 * Reads a directory CSV. Row numbers are spreadsheet rows: the header is
 * row 1, so the first embassy is row 2. Any problem anywhere means no row is
 * usable: the caller imports nothing.
 */
export function readDirectoryCsv(text: string): DirectoryRead {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: false, trim: true });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    // The parser's own words, in English: the part before its details.
    const reason = (error as Error).message.split(":")[0]!;
    return {
      ok: false,
      problems: [
        line ? { code: "csvInvalidNear", values: { row: line, reason } } : { code: "csvInvalid", values: { reason } },
      ],
    };
  }
  if (records.length === 0) return { ok: false, problems: [{ code: "fileEmpty" }] };
  const header = records[0]!.map((h) => h.toLowerCase());
  const problems: ImportProblem[] = [];
  const unknown = header.filter(
    (h) => !(directoryColumns as readonly string[]).includes(h) && !translatedOrganisation.test(h),
  );
  if (unknown.length)
    problems.push({
      code: "unknownColumns",
      values: {
        list: unknown.map((u) => `“${u}”`).join(", "),
        columns: [...directoryColumns, translatedOrganisationColumn("xx")].join(", "),
      },
    });
  const missing = required.filter((r) => !header.includes(r));
  if (missing.length) problems.push({ code: "missingColumns", values: { list: missing.join(", ") } });
  if (problems.length) return { ok: false, problems };
  if (records.length - 1 > maxDirectoryRows)
    return {
      ok: false,
      problems: [{ code: "tooManyRows", values: { count: records.length - 1, max: maxDirectoryRows } }],
    };

  const rows: DirectoryRow[] = [];
  const translatedColumns = header.flatMap((h) => {
    const language = translatedOrganisation.exec(h)?.[1];
    return language ? [{ column: h, language }] : [];
  });
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
      organisation: cell("organisation"),
      emails: cell("emails"),
      xHandle: cell("x_handle"),
      postalAddress: cell("postal_address"),
      webFormUrl: cell("web_form_url"),
      salutation: cell("salutation"),
      lastVerifiedAt: cell("last_verified"),
      status: cell("status") || "active",
    });
    if (!parsed.success) {
      for (const [field, list] of Object.entries(problemsOf(parsed.error)))
        for (const problem of list) problems.push({ ...problem, row: rowNumber, field: columnOf(field) });
      return;
    }
    const translatedOrganisations: Record<string, string | null> = {};
    for (const { column, language } of translatedColumns) {
      const value = organisationLine.safeParse(cell(column));
      if (value.success) translatedOrganisations[language] = value.data;
      else
        for (const problem of Object.values(problemsOf(value.error)).flat())
          problems.push({ ...problem, row: rowNumber, field: column });
    }
    if (parsed.data.kind === "official") {
      problems.push({ code: "officialsOnly", row: rowNumber, field: "kind" });
      return;
    }
    const earlier = seenKeys.get(parsed.data.key);
    if (earlier)
      problems.push({
        code: "keyRepeated",
        values: { key: parsed.data.key, row: earlier },
        row: rowNumber,
        field: "key",
      });
    seenKeys.set(parsed.data.key, rowNumber);
    rows.push({ ...parsed.data, translatedOrganisations, row: rowNumber });
  });
  return problems.length ? { ok: false, problems } : { ok: true, rows };
}

/** The same, each problem in English: what scripts and logs read. */
export function parseDirectoryCsv(text: string): DirectoryParse {
  const read = readDirectoryCsv(text);
  if (read.ok) return read;
  const english = problemTranslator("en", "adminFormErrors");
  return { ok: false, errors: read.problems.map((problem) => describeImportProblem(problem, english)) };
}
