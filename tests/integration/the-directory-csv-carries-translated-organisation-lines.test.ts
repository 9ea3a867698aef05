// The embassy directory's CSV carries each addressee's organisation line, in
// its own language and in each translation (organisation_<lang>), out and back
// in; a problem names the file's own column and row.
import { beforeAll, describe, expect, it } from "vitest";
import { directoryCsv, importDirectory } from "@/lib/admin/directory";
import { describeImportProblem } from "@/lib/admin/directory-csv";
import { db } from "@/lib/core/db";
import { problemTranslator } from "@/lib/i18n/messages";
import { resetDatabase } from "../helpers/db";
import { seedLaunchCampaign, staffMember } from "../helpers/factories";

const english = problemTranslator("en", "adminFormErrors");
const header = "key,kind,country,name,role,organisation,emails,last_verified,organisation_fr,organisation_ru";

describe("the directory CSV and translated organisation lines", () => {
  beforeAll(async () => {
    await resetDatabase();
    await seedLaunchCampaign();
  });

  it("imports each translation's organisation line and exports it back", async () => {
    const admin = await staffMember("admin");
    const result = await importDirectory(
      admin,
      [
        header,
        'ru-embassy-be,embassy,BE,"Embassy of the Russian Federation in Brussels, Belgium",Embassy,Ministry of Foreign Affairs of the Russian Federation,mission.russian@vtxnet.ch,2025-05-23,Ministère des Affaires étrangères de la Fédération de Russie,МИД России',
      ].join("\n"),
    );
    expect(result).toEqual({ outcome: "imported", created: 0, updated: 1 });
    const saved = await db().addressee.findUniqueOrThrow({
      where: { key: "ru-embassy-be" },
      select: { organisation: true, translations: { select: { language: true, organisation: true } } },
    });
    expect(saved.organisation).toBe("Ministry of Foreign Affairs of the Russian Federation");
    expect(saved.translations.find((t) => t.language === "fr")?.organisation).toBe(
      "Ministère des Affaires étrangères de la Fédération de Russie",
    );
    expect(saved.translations.find((t) => t.language === "ru")?.organisation).toBe("МИД России");

    const csv = await directoryCsv(admin);
    const [head, ...lines] = csv.trim().split("\r\n");
    expect(head).toContain(",organisation,");
    expect(head).toMatch(/organisation_es,organisation_fr,organisation_ru$/);
    const brussels = lines.find((l) => l.startsWith("ru-embassy-be,"))!;
    expect(brussels).toContain("Ministère des Affaires étrangères de la Fédération de Russie");
    expect(brussels).toContain("МИД России");
    // What was exported goes back in as it is.
    expect(await importDirectory(admin, csv)).toMatchObject({ outcome: "imported", created: 0 });
  });

  it("refuses an organisation line for a translation that does not exist, naming the row and the column", async () => {
    const admin = await staffMember("admin");
    const result = await importDirectory(
      admin,
      [header, "embassy-pt,embassy,PT,Embassy in Lisbon,Embassy,,a@b.pt,2025-05-23,Ministère,"].join("\n"),
    );
    expect(result.outcome).toBe("rejected");
    if (result.outcome !== "rejected") return;
    expect(result.problems.map((p) => describeImportProblem(p, english))).toEqual([
      "Row 2: organisation_fr: This addressee has no translation in “fr” yet: add it in the addressee editor first, then import its organisation line.",
    ]);
    expect(await db().addressee.count({ where: { key: "embassy-pt" } })).toBe(0);
  });

  it("names an official's key with its row and column", async () => {
    const admin = await staffMember("admin");
    const result = await importDirectory(
      admin,
      [header, "ru-president,embassy,PT,Embassy in Lisbon,Embassy,,a@b.pt,2025-05-23,,"].join("\n"),
    );
    expect(result.outcome === "rejected" && result.problems.map((p) => describeImportProblem(p, english))).toEqual([
      "Row 2: key: Key “ru-president” belongs to an official, not an embassy; choose another key.",
    ]);
  });
});
