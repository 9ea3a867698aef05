// The hand-delivery pack's request: an addressee and a period of whole days
// (the addressee's own), as the staff form and the download links send it.
import { z } from "zod";
import type { Problem } from "@/lib/core/errors";
import { schemaMessage, type ProblemCode } from "@/lib/i18n/messages";

const say = (code: ProblemCode<"staffFormErrors">, values?: Problem["values"]) =>
  schemaMessage("staffFormErrors", code, values);

/** The longest period one pack covers: a year, so one download stays a sensible size. */
export const packMaxDays = 366;

const dayMs = 86_400_000;
const isRealDay = (value: string) => {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};
const day = z
  .string(say("packDateInvalid"))
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, say("packDateInvalid"))
  .refine(isRealDay, say("packDateInvalid"));

export const handDeliveryQuerySchema = z
  .object({
    addressee: z.uuid(say("packAddresseeMissing")),
    from: day,
    to: day,
  })
  .refine((q) => q.from <= q.to, { message: say("packPeriodReversed"), path: ["to"] })
  .refine(
    (q) => (new Date(`${q.to}T00:00:00Z`).getTime() - new Date(`${q.from}T00:00:00Z`).getTime()) / dayMs < packMaxDays,
    { message: say("packPeriodTooLong", { max: packMaxDays }), path: ["to"] },
  );

export type HandDeliveryQuery = z.infer<typeof handDeliveryQuerySchema>;

/** The query from a URL's search parameters (absent ones stay absent, so they read as missing). */
export function handDeliveryQueryFrom(params: URLSearchParams | Record<string, string | string[] | undefined>) {
  const get = (name: string) => {
    const value = params instanceof URLSearchParams ? params.get(name) : params[name];
    return Array.isArray(value) ? value[0] : (value ?? undefined);
  };
  return handDeliveryQuerySchema.safeParse({ addressee: get("addressee"), from: get("from"), to: get("to") });
}
