// A partner source as admins define it: the code that goes in `?source=` links
// and who the partner is. Each message is a problem of the "adminFormErrors"
// catalogue (its English sentence for zod, registered with the problem).
import { z } from "zod";
import type { Problem } from "@/lib/core/errors";
import { schemaMessage, type ProblemCode } from "@/lib/i18n/messages";
import { partnerSourcePattern } from "@/lib/core/vocabulary";

const say = (code: ProblemCode<"adminFormErrors">, values?: Problem["values"]) =>
  schemaMessage("adminFormErrors", code, values);

export const sourceInputSchema = z.object({
  campaignId: z.uuid(say("sourceCampaignMissing")),
  code: z.string().trim().toLowerCase().regex(partnerSourcePattern, say("sourceCodeFormat")),
  label: z
    .string()
    .trim()
    .min(1, say("sourceLabelMissing"))
    .max(200, say("sourceLabelMax", { max: 200 }))
    .refine((v) => !/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/.test(v), say("sourceLabelOneLine")),
});

export type SourceInput = z.infer<typeof sourceInputSchema>;

export const sourceRefSchema = z.object({
  campaignId: z.uuid(),
  code: z.string().regex(partnerSourcePattern),
});
