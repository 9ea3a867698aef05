import { stringify } from "csv-stringify/sync";

/**
 * A cell a spreadsheet will not run: text starting with = + - @, a tab or a
 * carriage return is prefixed with an apostrophe (OWASP's advice), so
 * "=HYPERLINK(…)" in a supporter's name stays text.
 */
export function spreadsheetSafe(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function toCsv(header: string[], rows: (string | number | null | undefined)[][]): string {
  return stringify([header, ...rows.map((row) => row.map(spreadsheetSafe))], { record_delimiter: "\r\n" });
}
