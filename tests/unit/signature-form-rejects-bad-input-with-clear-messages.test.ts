import { describe, expect, it } from "vitest";
import { fieldMessages as fieldErrors } from "@/lib/letters/form-messages";
import { signatureSubmissionSchema } from "@/lib/letters/schema";

const valid = {
  addressees: ["6f1c2c4e-4b1a-4c8e-9a51-8a1c1b2d3e4f"],
  language: "en",
  subject: "Lift the ban",
  body: "Dear Minister, please act.",
  country: "fr",
  channel: "pdf_print",
  consentCounted: true,
};

const errorsOf = (input: unknown) => {
  const result = signatureSubmissionSchema.safeParse(input);
  return result.success ? {} : fieldErrors(result.error);
};

describe("the signature form schema", () => {
  it("accepts a minimal export-only signature, anonymous by default", () => {
    const parsed = signatureSubmissionSchema.parse(valid);
    expect(parsed.identity).toBe("anonymous");
    expect(parsed.country).toBe("FR");
    expect(parsed.consentContact).toBe(false);
  });

  it("asks for an email address and identity consent before our server sends", () => {
    expect(errorsOf({ ...valid, channel: "platform_email" })).toEqual({
      email: ["Give your email address: we send the letters only after you confirm it."],
      consentIdentity: ["Confirm that the letters may carry the identity you chose, or pick another way to send them."],
    });
  });

  it("requires the name for named identities and the city for the full one", () => {
    expect(errorsOf({ ...valid, identity: "full" })).toMatchObject({
      name: [expect.any(String)],
      city: [expect.any(String)],
    });
  });

  it("refuses header injection in one-line fields and oversize letters", () => {
    expect(errorsOf({ ...valid, subject: "Hi\r\nBcc: evil@example.org" }).subject?.[0]).toMatch(/one line/);
    expect(errorsOf({ ...valid, name: "Eve\nBcc: x", identity: "name_country" }).name?.[0]).toMatch(/one line/);
    expect(errorsOf({ ...valid, body: "x".repeat(8_001) }).body?.[0]).toBe("The letter has at most 8000 characters.");
  });

  it("refuses unknown fields, naming them", () => {
    expect(errorsOf({ ...valid, isAdmin: true })).toEqual({ isAdmin: ["Unknown field: isAdmin."] });
  });

  it("will not record a signature without consent to be counted", () => {
    expect(errorsOf({ ...valid, consentCounted: false }).consentCounted?.[0]).toMatch(/count your signature/);
  });
});
