import { describe, expect, it } from "vitest";
import { composeLetter, composeLetters, type LetterAddressee } from "@/lib/letters/compose-letters";
import { draftFromTemplate } from "@/lib/letters/placeholders";
import { combinations, drawKey, drawVariant, type LetterVariants } from "@/lib/letters/variants";

const addressee = (id: string, name: string): LetterAddressee => ({
  id,
  name,
  role: "Minister",
  organisation: null,
  kind: "official",
  country: null,
  emails: [`${id}@example.org`],
  xHandle: null,
  postalAddress: null,
  salutation: "Dear Minister,",
});
const minister = addressee("a1", "Minister One");
const prosecutor = addressee("a2", "Prosecutor Two");

const draft = {
  subject: "Lift the ban",
  body: draftFromTemplate("{{salutation}}\n\nI urge you to:\n\n{{demands}}\n\nYours faithfully,\n\n{{signer}}", [
    "Do one thing.",
  ]),
  language: "en",
  identity: "anonymous" as const,
  country: "FR",
};
const variants: LetterVariants = {
  subject: "Lift the ban",
  body: draft.body,
  subjectVariants: ["End the ban on Amnesty", "Repeal the undesirable label"],
  openingVariants: ["I write as one of many.", "I write from far away.", "I write because it matters."],
  closingVariants: ["Thank you for reading.", "I await your answer."],
};
const date = new Date("2026-12-04T10:00:00Z");

describe("letter variants", () => {
  it("are the same for the same seed, addressee and language, whenever drawn", () => {
    for (let i = 0; i < 200; i++) {
      const seed = `seed-number-${i}-abcdefgh`;
      expect(drawVariant(variants, seed, "a1", "en")).toEqual(drawVariant(variants, seed, "a1", "en"));
      const once = composeLetter(minister, { ...draft, seed }, date, variants);
      const again = composeLetter(minister, { ...draft, seed }, new Date(date), variants);
      expect(again.subject).toBe(once.subject);
      expect(again.text).toBe(once.text);
    }
  });

  it("cover every combination over many seeds, and differ between addressees and languages", () => {
    expect(combinations(variants)).toBe(3 * 3 * 2);
    const seen = new Set<string>();
    let differentAddressee = 0;
    let differentLanguage = 0;
    for (let i = 0; i < 2000; i++) {
      const seed = `s${i.toString(36).padStart(16, "0")}`;
      const drawn = drawVariant(variants, seed, "a1", "en");
      seen.add(`${drawn.subject}|${drawn.opening}|${drawn.closing}`);
      if (JSON.stringify(drawVariant(variants, seed, "a2", "en")) !== JSON.stringify(drawn)) differentAddressee++;
      if (JSON.stringify(drawVariant(variants, seed, "a1", "fr")) !== JSON.stringify(drawn)) differentLanguage++;
    }
    expect(seen.size).toBe(18);
    // Independent draws agree one time in 18; far more than half must differ.
    expect(differentAddressee).toBeGreaterThan(1500);
    expect(differentLanguage).toBeGreaterThan(1500);
  });

  it("put the opening after the salutation, the closing before the valediction, and the subject drawn", () => {
    const letters = composeLetters([minister, prosecutor], { ...draft, seed: "fixed-seed-000000001" }, date, variants);
    for (const letter of letters) {
      const d = drawVariant(variants, "fixed-seed-000000001", drawKey(letter.addressee), "en");
      const opening = variants.openingVariants[d.opening]!;
      const closing = variants.closingVariants[d.closing]!;
      expect(letter.subject).toBe([variants.subject, ...variants.subjectVariants][d.subject]);
      expect(letter.text).toBe(
        `Dear Minister,\n\n${opening}\n\nI urge you to:\n\n1. Do one thing.\n\n${closing}\n\nYours faithfully,\n\nA supporter from France`,
      );
    }
  });

  it("put the supporter's own words first, before any of the template's text", () => {
    const letter = composeLetter(
      minister,
      { ...draft, seed: "fixed-seed-000000002", personal: "My grandmother was a Soviet dissident." },
      date,
      variants,
    );
    const paragraphs = letter.text.split("\n\n");
    expect(paragraphs[0]).toBe("Dear Minister,");
    expect(paragraphs[1]).toBe("My grandmother was a Soviet dissident.");
    expect(variants.openingVariants).toContain(paragraphs[2]);
  });

  it("leave a text the supporter rewrote as written, their own words still first", () => {
    const letter = composeLetter(
      minister,
      {
        ...draft,
        body: "{{salutation}}\n\nPlease lift the ban.\n\n{{signer}}",
        personal: "I care.",
        seed: "y".repeat(16),
      },
      date,
      variants,
    );
    expect(letter.text).toBe("Dear Minister,\n\nI care.\n\nPlease lift the ban.\n\nA supporter from France");
  });

  it("draw alike for addressees sharing an address, so the one email there carries one letter", () => {
    const geneva = { ...addressee("g1", "Mission in Geneva"), emails: ["Mission@example.org"] };
    const brussels = { ...addressee("b1", "Embassy in Brussels"), emails: ["mission@example.org"] };
    for (let i = 0; i < 50; i++) {
      const seed = `shared-address-seed-${i}`;
      const [a, b] = composeLetters([geneva, brussels], { ...draft, seed }, date, variants);
      expect(a!.text).toBe(b!.text);
      expect(a!.subject).toBe(b!.subject);
    }
  });

  it("keep a subject the supporter wrote themselves", () => {
    const letter = composeLetter(
      minister,
      { ...draft, subject: "My own subject", seed: "x".repeat(16) },
      date,
      variants,
    );
    expect(letter.subject).toBe("My own subject");
  });
});
