// The signing API's query and answer, as zod shapes: the route reads the
// query with the one, present.ts builds the answer the other describes, and
// the OpenAPI document is generated from both (lib/http/openapi.ts).
import { z } from "zod";
import { letterChannels } from "@/lib/core/vocabulary";

/** `?include=links`: the ready-made links for the other channels, left out unless asked for. */
export const signatureQuerySchema = z
  .object({
    include: z
      .enum(["links"])
      .optional()
      .describe(
        "`links` adds ready-made mailto and X links (about 20 KB for seven addressees); without it the answer is the id, what was queued and the letters",
      ),
  })
  .strict();

const addresseeId = z.string().describe("The addressee's id, as in GET /api/campaigns/{slug}");

export const signatureLinksSchema = z.object({
  mailto: z
    .string()
    .nullable()
    .describe("One message to every distinct email address of the letters; null when none has one"),
  mailtoByAddressee: z.record(z.string(), z.string()).describe("The mailto link of each addressee with an address"),
  x: z.array(
    z.object({
      addresseeId,
      handle: z.string().nullable(),
      text: z.string().describe("The prepared post, at most 280 characters"),
      url: z.string().describe("The X intent link that opens it"),
    }),
  ),
  pdf: z.object({ method: z.literal("POST"), url: z.string(), note: z.string() }),
  eml: z.object({ method: z.literal("POST"), url: z.string(), note: z.string() }),
});

export const signatureAnswerSchema = z.object({
  signatureId: z
    .string()
    .uuid()
    .describe("A fresh id for every valid submission; the first one for the same form sent again (submissionKey)"),
  duplicate: z.boolean().describe("True only when this form (its submissionKey) was sent before"),
  queued: z.object({
    platformEmails: z.number().int().describe("Letters our server sends once the address is confirmed"),
    awaitingConfirmation: z.boolean().describe("Whether those letters wait for the emailed confirmation link"),
  }),
  letters: z.array(z.object({ addresseeId, name: z.string(), channel: z.enum(letterChannels) })),
  links: signatureLinksSchema.optional().describe("Only with ?include=links"),
});

export type SignatureAnswer = z.infer<typeof signatureAnswerSchema>;
