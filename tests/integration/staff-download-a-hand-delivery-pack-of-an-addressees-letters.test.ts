// The hand-delivery pack: for one addressee and period, a PDF with a cover
// page (counts by country and by day) and one page per letter whose text we
// hold, each signed only as its supporter chose, and a CSV of the same
// figures. Staff only: the download refuses a signed-out request.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getPdf } from "@/app/(staff)/staff/hand-delivery/pdf/route";
import { GET as getCsv } from "@/app/(staff)/staff/hand-delivery/csv/route";
import { db } from "@/lib/core/db";
import { localDay } from "@/lib/digests/office-day";
import { makeHandDeliveryPack } from "@/lib/hand-delivery/make-hand-delivery-pack";
import { handDeliveryQueryFrom } from "@/lib/hand-delivery/schema";
import { resetDatabase } from "../helpers/db";
import { confirmedPlatformSignature } from "../helpers/delivery";
import { seedLaunchCampaign, staffMember } from "../helpers/factories";

let campaign: Awaited<ReturnType<typeof seedLaunchCampaign>>;
let addresseeId: string;
const moscow = "Europe/Moscow";
const dayMs = 86_400_000;

function readPdf(content: Buffer): { pages: number; text: string } {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "pack-")), "pack.pdf");
  writeFileSync(file, content);
  return {
    pages: Number(/^Pages:\s+(\d+)/m.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))?.[1]),
    text: execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }),
  };
}

describe("the hand-delivery pack", () => {
  beforeAll(async () => {
    await resetDatabase();
    campaign = await seedLaunchCampaign();
    addresseeId = campaign.addressees.find((a) => a.addressee.emails.includes("ministry@mid.ru"))!.addressee.id;
    await db().addressee.update({ where: { id: addresseeId }, data: { timeZone: moscow } });
    const supporters = [
      { country: "DE", identity: "name_country" as const, name: "Greta Weiss" },
      { country: "DE", identity: "anonymous" as const, name: "Hidden Person" },
      { country: "FR", identity: "initials_country" as const, name: "Jean Dupont" },
    ];
    for (const supporter of supporters)
      await confirmedPlatformSignature(campaign, { addressees: [addresseeId], ...supporter });
    // One letter from the day before; and a letter whose text is gone (its supporter deleted their data) is left out.
    const letters = await db().letter.findMany({ where: { addresseeId }, orderBy: { createdAt: "asc" } });
    await db().letter.update({
      where: { id: letters[0]!.id },
      data: { createdAt: new Date(letters[0]!.createdAt.getTime() - dayMs) },
    });
    const gone = await confirmedPlatformSignature(campaign, { addressees: [addresseeId], country: "AM" });
    await db().platformLetter.deleteMany({ where: { letter: { signatureId: gone } } });
  });

  it("holds a cover page and one page per letter, and a CSV of the same figures", async () => {
    const staff = await staffMember("staff");
    const today = localDay(new Date(), moscow);
    const yesterday = localDay(new Date(Date.now() - dayMs), moscow);
    const pack = await makeHandDeliveryPack(staff, { addressee: addresseeId, from: yesterday, to: today });
    if (!pack.found) throw new Error("the addressee exists");
    expect(pack.figures.letters).toBe(3);

    const { pages, text } = readPdf(await pack.pdf());
    expect(pages).toBe(1 + 3);
    expect(text).toContain("Letters to Sergey Lavrov");
    expect(text).toMatch(/Germany\s+2/);
    expect(text).toMatch(/France\s+1/);
    expect(text).toContain("Greta Weiss, Germany");
    expect(text).toContain("J. D., France");
    expect(text).not.toContain("Jean Dupont");
    expect(text).not.toContain("Hidden Person");
    expect(text).not.toContain("Armenia");

    const rows = parse(pack.csv().replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
    const figure = (dimension: string, key: string) =>
      Number(rows.find((r) => r.dimension === dimension && r.key === key)?.count);
    expect(figure("letters", "")).toBe(3);
    expect(figure("letters_by_country", "DE")).toBe(2);
    expect(figure("letters_by_country", "FR")).toBe(1);
    const days = Object.fromEntries(
      rows.filter((r) => r.dimension === "letters_by_day").map((r) => [r.key, Number(r.count)]),
    );
    expect(days).toEqual(yesterday === today ? { [today]: 3 } : { [yesterday]: 1, [today]: 2 });
    // The cover's counts and the CSV's are one set of figures.
    for (const c of pack.figures.byCountry) expect(figure("letters_by_country", c.code)).toBe(c.count);

    // A period with no letter gives an empty pack, not an error.
    const empty = await makeHandDeliveryPack(staff, { addressee: addresseeId, from: "2020-01-01", to: "2020-01-31" });
    expect(empty.found && empty.figures.letters).toBe(0);
  });

  it("refuses a made-up identity", async () => {
    const forged = Object.freeze({ id: "x", email: "x@example.org", name: "X", role: "admin" as const });
    await expect(
      makeHandDeliveryPack(forged, { addressee: addresseeId, from: "2026-01-01", to: "2026-01-02" }),
    ).rejects.toThrow();
  });

  it("names each problem of a bad period", () => {
    const problems = (params: Record<string, string>) => {
      const result = handDeliveryQueryFrom(new URLSearchParams(params));
      return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    };
    expect(problems({ addressee: addresseeId, from: "2026-03-10", to: "2026-03-01" })).toEqual([
      "to: The end of the period comes before its start.",
    ]);
    expect(problems({ addressee: addresseeId, from: "2026-02-30", to: "2026-03-01" })).toEqual([
      "from: Enter a date as YYYY-MM-DD.",
    ]);
    expect(problems({ addressee: addresseeId, from: "2024-01-01", to: "2026-01-01" })).toEqual([
      "to: Choose a period of at most 366 days.",
    ]);
    expect(problems({ from: "2026-01-01", to: "2026-01-02" })).toEqual(["addressee: Choose an addressee."]);
  });

  it("refuses the downloads to a signed-out request", async () => {
    const query = `addressee=${addresseeId}&from=2026-01-01&to=2026-12-31`;
    for (const [get, kind] of [
      [getPdf, "pdf"],
      [getCsv, "csv"],
    ] as const) {
      const answer = await get(new Request(`http://localhost:3000/staff/hand-delivery/${kind}?${query}`));
      expect(answer.status).toBe(401);
      expect(await answer.text()).toContain("Sign in");
    }
  });
});
