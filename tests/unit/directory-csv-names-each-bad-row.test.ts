// The directory import's parser: each problem is named with its spreadsheet
// row (header = row 1), and one problem makes the whole file unusable.
import { describe, expect, it } from "vitest";
import { parseDirectoryCsv } from "@/lib/admin/directory-csv";

const header = "key,country,name,role,emails,last_verified";
const row = (key: string, extra: Partial<Record<"country" | "emails" | "date", string>> = {}) =>
  `${key},${extra.country ?? "PT"},"Embassy in Lisbon, Portugal",Embassy,${extra.emails ?? "a@b.pt"},${extra.date ?? "2025-05-23"}`;

describe("parseDirectoryCsv", () => {
  it("reads good rows, with quoted commas, a byte-order mark and defaults for kind and status", () => {
    const result = parseDirectoryCsv(`\uFEFF${header}\n${row("embassy-pt")}\n`);
    expect(result).toEqual({
      ok: true,
      rows: [
        expect.objectContaining({
          key: "embassy-pt",
          kind: "embassy",
          status: "active",
          name: "Embassy in Lisbon, Portugal",
          emails: ["a@b.pt"],
        }),
      ],
    });
  });

  it("names every bad row and the reason", () => {
    const result = parseDirectoryCsv(
      [
        header,
        row("embassy-pt"),
        row("embassy-xx", { country: "XX" }),
        row("embassy-ie", { date: "01/11/2026" }),
        row("embassy-pt"),
      ].join("\n"),
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        "Row 3: country: The country is not an ISO 3166 two-letter code (e.g. FR).",
        "Row 4: last_verified: The date last verified is a date like 2026-11-23.",
        "Row 5: key: “embassy-pt” is also on row 2.",
      ],
    });
  });

  it("refuses unknown or missing columns, and broken CSV", () => {
    expect(parseDirectoryCsv("key,country,name,role,telephone,last_verified\n")).toMatchObject({
      ok: false,
      errors: [expect.stringMatching(/^Row 1: unknown column\(s\) “telephone”/)],
    });
    expect(parseDirectoryCsv("key,name\n")).toMatchObject({
      ok: false,
      errors: ["Row 1: missing column(s) country, role, last_verified."],
    });
    expect(parseDirectoryCsv(`${header}\nembassy-pt,PT,"unclosed,Embassy,a@b.pt,2025-05-23\n`)).toMatchObject({
      ok: false,
      errors: [expect.stringMatching(/^The file is not valid CSV/)],
    });
    expect(parseDirectoryCsv("")).toEqual({ ok: false, errors: ["The file is empty."] });
  });

  it("keeps officials out of the directory", () => {
    const result = parseDirectoryCsv(
      `key,kind,country,name,role,emails,last_verified\nru-president,official,RU,Putin,President,a@b.ru,2025-05-23`,
    );
    expect(result).toEqual({ ok: false, errors: ["Row 2: kind: the directory holds embassies and missions only."] });
  });
});
