// HTML form fields to the plain object the zod schemas check. Empty fields
// become "absent", checkboxes become booleans; nothing else is interpreted.
// Fields the form does not know are passed on, so strict schemas reject them.

const contentFields = [
  "addressees",
  "language",
  "subject",
  "body",
  "personal",
  "seed",
  "identity",
  "name",
  "city",
  "country",
] as const;
export const renderFormFields = [...contentFields, "paper"] as const;
export const signatureFormFields = [
  ...contentFields,
  "channel",
  "email",
  "replyToMe",
  "consentIdentity",
  "consentCounted",
  "consentContact",
  "submissionKey",
  "website",
  "altcha",
  "source",
] as const;

const checkboxes = new Set(["replyToMe", "consentIdentity", "consentCounted", "consentContact"]);
const verbatim = new Set(["subject", "body"]);
// Added by Next.js to server-action forms, or naming the pressed button.
const framework = (key: string) => key.startsWith("$ACTION") || key === "intent" || key === "slug";

export function formToObject(form: FormData, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    if (field === "addressees")
      out.addressees = form.getAll("addressees").filter((v): v is string => typeof v === "string");
    else if (checkboxes.has(field)) out[field] = form.has(field);
    else {
      const value = form.get(field);
      if (typeof value !== "string") continue;
      if (verbatim.has(field)) out[field] = value;
      else if (value.trim() !== "") out[field] = value;
    }
  }
  for (const key of new Set(form.keys())) {
    if (!fields.includes(key) && !framework(key)) out[key] = form.get(key);
  }
  return out;
}
