import { describe, expect, it } from "vitest";
import { channelFor, composeLetter, distinctRecipients, type LetterAddressee } from "@/lib/letters/compose-letters";
import { draftFromTemplate, fillPlaceholders, unknownPlaceholders } from "@/lib/letters/placeholders";
import { initialsOf, signerLine } from "@/lib/letters/signer-line";

const minister: LetterAddressee = {
  id: "a1",
  name: "Sergey Lavrov",
  role: "Minister of Foreign Affairs",
  organisation: "Ministry of Foreign Affairs",
  kind: "official",
  country: null,
  emails: ["ministry@mid.ru"],
  xHandle: null,
  postalAddress: null,
  salutation: "Dear Minister,",
};
const template = "{{salutation}}\n\nI urge you to:\n\n{{demands}}\n\nYours faithfully,\n\n{{signer}}";
const draft = {
  subject: "Lift the ban",
  body: draftFromTemplate(template, ["Do one thing.", "Do another."]),
  language: "en",
  identity: "anonymous" as const,
  country: "FR",
};

describe("letter templates", () => {
  it("number the demands into the draft and keep per-addressee placeholders for later", () => {
    expect(draft.body).toBe(
      "{{salutation}}\n\nI urge you to:\n\n1. Do one thing.\n\n2. Do another.\n\nYours faithfully,\n\n{{signer}}",
    );
  });

  it("compose a letter with the addressee's salutation, the date and the signer line", () => {
    const letter = composeLetter(minister, draft, new Date("2026-11-23T10:00:00Z"));
    expect(letter.text.startsWith("Dear Minister,\n\nI urge you to:")).toBe(true);
    expect(letter.text.endsWith("Yours faithfully,\n\nA supporter from France")).toBe(true);
    expect(letter.dateLine).toBe("23 November 2026");
    expect(letter.addressBlock).toEqual([
      "Sergey Lavrov",
      "Minister of Foreign Affairs",
      "Ministry of Foreign Affairs",
    ]);
  });

  it("still greet and sign when the supporter deleted the placeholders", () => {
    const letter = composeLetter(minister, { ...draft, body: "Please act now." }, new Date());
    expect(letter.text).toBe("Dear Minister,\n\nPlease act now.\n\nA supporter from France");
  });

  it("leave unknown placeholders as written and report them", () => {
    expect(fillPlaceholders("Hi {{nmae}} {{date}}", { date: "today" })).toBe("Hi {{nmae}} today");
    expect(unknownPlaceholders("{{salutation}} {{nmae}} {{ signer }}")).toEqual(["nmae"]);
  });

  it("write the signer line with exactly the identity chosen", () => {
    const who = { name: "Anna-Lena Müller", city: "Lyon", country: "FR", language: "en" };
    expect(signerLine({ ...who, identity: "full" })).toBe("Anna-Lena Müller, Lyon, France");
    expect(signerLine({ ...who, identity: "name_country" })).toBe("Anna-Lena Müller, France");
    expect(signerLine({ ...who, identity: "initials_country" })).toBe("A.-L. M., France");
    expect(signerLine({ ...who, identity: "anonymous" })).toBe("A supporter from France");
    expect(signerLine({ ...who, identity: "anonymous", language: "ru" })).toBe("Сторонник кампании (Франция)");
    expect(initialsOf("élodie  de la tour")).toBe("É. D. L. T.");
  });

  it("send X-only addressees a prepared post and never one address two messages", () => {
    const president = { ...minister, id: "a2", emails: [], xHandle: "KremlinRussia_E" };
    expect(channelFor(president, "own_email_client")).toBe("x_post");
    expect(channelFor(president, "platform_email")).toBe("x_post");
    expect(channelFor(president, "pdf_print")).toBe("pdf_print");
    const geneva = { ...minister, id: "g", name: "Mission in Geneva", emails: ["mission.russian@vtxnet.ch"] };
    const brussels = { ...minister, id: "b", name: "Embassy in Brussels", emails: ["Mission.Russian@vtxnet.ch"] };
    const letters = [geneva, brussels].map((a) => composeLetter(a, draft, new Date()));
    expect(distinctRecipients(letters)).toEqual([{ name: "Mission in Geneva", address: "mission.russian@vtxnet.ch" }]);
  });
});
