// The OpenAPI 3.1 document of the public API, generated from the same zod
// schemas the handlers use, so the description cannot drift from the code.
import { z } from "zod";
import { apiErrorCodes } from "@/lib/core/errors";
import { maxRequestBodyBytes } from "@/lib/core/vocabulary";
import { publicCampaignSchema, publicCampaignSummarySchema } from "@/lib/campaigns/schema";
import { signatureSubmissionSchema } from "@/lib/letters/schema";
import { signatureAnswerSchema, signatureQuerySchema } from "@/lib/signatures/schema";
import { publicCampaignTotalsSchema } from "@/lib/tallies/schema";

const errorSchema = z.object({
  error: z.object({
    code: z.enum(apiErrorCodes),
    message: z.string().describe("A sentence for a person"),
    fields: z.record(z.string(), z.array(z.string())).optional().describe("Problems per parameter or field"),
  }),
});

const schema = (s: z.ZodType, io: "input" | "output" = "output") => z.toJSONSchema(s, { io, unrepresentable: "any" });
/** The API requires fields the shared form schema leaves optional (the proof of work: sign-campaign.ts). */
const requireFields = (s: ReturnType<typeof schema>, names: string[]) => ({
  ...s,
  required: [...new Set([...((s.required as string[] | undefined) ?? []), ...names])],
});
const kib = maxRequestBodyBytes / 1024;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ "application/json": { schema: ref(name) } });

const slugParameter = {
  name: "slug",
  in: "path",
  required: true,
  description: "The campaign's slug, as in its page address /c/{slug}",
  schema: { type: "string", pattern: "^[a-z0-9]+(?:-[a-z0-9]+)*$", maxLength: 80 },
};
const langParameter = {
  name: "lang",
  in: "query",
  required: false,
  description: "Language of the texts (two- or three-letter code). Falls back to the campaign's default language.",
  schema: { type: "string", pattern: "^[a-z]{2,3}$" },
};
const includeParameter = {
  name: "include",
  in: "query",
  required: false,
  description: signatureQuerySchema.shape.include.description,
  schema: { type: "string", enum: signatureQuerySchema.shape.include.unwrap().options },
};
const errors = {
  "400": { description: "A parameter is malformed; the message names it", content: json("Error") },
  "503": {
    description: "The database is briefly unavailable; retry after the Retry-After seconds",
    content: json("Error"),
  },
};

export function buildOpenApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Letter campaigns public API",
      version: "1",
      description:
        "Read open campaigns, their demands and addressees, and their live totals; sign them. See docs/API.md.",
    },
    paths: {
      "/api/campaigns": {
        get: {
          summary: "List open campaigns",
          parameters: [langParameter],
          responses: {
            "200": {
              description: "Open campaigns, newest first",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: { campaigns: { type: "array", items: ref("CampaignSummary") } },
                    required: ["campaigns"],
                  },
                },
              },
            },
            ...errors,
          },
        },
      },
      "/api/campaigns/{slug}": {
        get: {
          summary: "A campaign with its demands and addressees",
          parameters: [slugParameter, langParameter],
          responses: {
            "200": { description: "The campaign", content: json("Campaign") },
            "404": { description: "No open or closed campaign has this slug", content: json("Error") },
            ...errors,
          },
        },
      },
      "/api/campaigns/{slug}/signatures": {
        post: {
          summary: "Sign a campaign and get the letters",
          description: `Runs the same checks and transaction as the letter form. Every valid submission answers alike (201, a fresh id), whether or not its email address was used before: no answer tells who signed. An address counts once, when its owner confirms it from the emailed link. Only the same form sent again (submissionKey) answers 200 with duplicate=true. Body: JSON or a form, at most ${kib} KiB.`,
          parameters: [slugParameter, includeParameter],
          requestBody: { required: true, content: { "application/json": { schema: ref("SignatureSubmission") } } },
          responses: {
            "201": {
              description:
                "Recorded: the signature id, what was queued and the letters; the links for the other channels with ?include=links",
              content: json("SignatureAnswer"),
            },
            "200": {
              description: "The same form (submissionKey) was sent before; nothing more was recorded",
              content: json("SignatureAnswer"),
            },
            "403": {
              description:
                "Posted from another website's page (Origin or Sec-Fetch-Site); API clients that are not browsers send neither",
              content: json("Error"),
            },
            "404": { description: "No open campaign has this slug", content: json("Error") },
            "409": { description: "The campaign is closed", content: json("Error") },
            "413": { description: `The body is larger than ${kib} KiB`, content: json("Error") },
            "422": {
              description:
                "Fields are missing or invalid, or the proof of work (`altcha`) is missing, expired or spent; `fields` names each",
              content: json("Error"),
            },
            "429": {
              description: "Too many signatures from this client; retry after Retry-After seconds",
              content: json("Error"),
            },
            ...errors,
          },
        },
      },
      "/api/proof-of-work": {
        get: {
          summary: "A proof-of-work challenge (ALTCHA) for signing",
          description:
            "Required for every signature through the API: solve it (altcha-lib `solveChallenge` with the PBKDF2 `deriveKey`, or the ALTCHA widget) and send the base64 payload `{challenge, solution}` as `altcha`. It costs a phone about a second; a signature without it is refused with 422 naming `altcha`. Each solution signs once; challenges expire after 10 minutes. (The letter form without JavaScript, which cannot run it, has a stricter per-client limit instead.)",
          responses: { "200": { description: "The challenge (ALTCHA v2 JSON)" } },
        },
      },
      "/api/campaigns/{slug}/totals": {
        get: {
          summary: "Live totals of a campaign",
          description:
            "Signatures, letters by channel and by addressee, signatures by country. Cacheable for up to 5 seconds.",
          parameters: [slugParameter],
          responses: {
            "200": {
              description: "The totals and when they were computed",
              headers: { "Cache-Control": { schema: { type: "string", example: "public, max-age=5" } } },
              content: json("CampaignTotals"),
            },
            "404": { description: "No open or closed campaign has this slug", content: json("Error") },
            ...errors,
          },
        },
      },
    },
    components: {
      schemas: {
        CampaignSummary: schema(publicCampaignSummarySchema),
        Campaign: schema(publicCampaignSchema),
        CampaignTotals: schema(publicCampaignTotalsSchema),
        SignatureSubmission: requireFields(schema(signatureSubmissionSchema, "input"), ["altcha"]),
        SignatureAnswer: schema(signatureAnswerSchema),
        Error: schema(errorSchema),
      },
    },
  };
}
