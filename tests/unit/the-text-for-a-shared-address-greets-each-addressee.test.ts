// The pure part of one email to an address several addressees share.
import { describe, expect, it } from "vitest";
import { textForSharedAddress } from "@/lib/delivery/letter-mail";

const letter = "I am writing about the ban.\n\nYours faithfully,\n\nA supporter from Germany";

describe("the text for a shared address", () => {
  it("is the letter itself when one addressee has the address", () => {
    const text = `Dear Minister,\n\n${letter}`;
    expect(textForSharedAddress([{ addresseeName: "Sergey Lavrov", text }])).toBe(text);
  });

  it("names every addressee, greets each in turn, and carries the letter once", () => {
    expect(
      textForSharedAddress([
        { addresseeName: "Mission in Geneva", text: `Dear Ambassador X,\n\n${letter}` },
        { addresseeName: "Embassy in Brussels", text: `Dear Ambassador Y,\n\n${letter}` },
      ]),
    ).toBe(`Mission in Geneva\nEmbassy in Brussels\n\nDear Ambassador X,\nDear Ambassador Y,\n\n${letter}`);
  });

  it("writes a greeting two addressees share once", () => {
    expect(
      textForSharedAddress([
        { addresseeName: "Mission in Geneva", text: `Excellency,\n\n${letter}` },
        { addresseeName: "Embassy in Brussels", text: `Excellency,\n\n${letter}` },
      ]),
    ).toBe(`Mission in Geneva\nEmbassy in Brussels\n\nExcellency,\n\n${letter}`);
  });

  it("carries each letter in full when the letters differ beyond the greeting", () => {
    const text = textForSharedAddress([
      { addresseeName: "Mission in Geneva", text: "Excellency,\n\nTo the mission in Geneva: act." },
      { addresseeName: "Embassy in Brussels", text: "Excellency,\n\nTo the embassy in Brussels: act." },
    ]);
    expect(text).toBe(
      "Mission in Geneva\nEmbassy in Brussels\n\nExcellency,\n\nTo the mission in Geneva: act.\n\n* * *\n\nExcellency,\n\nTo the embassy in Brussels: act.",
    );
  });
});
