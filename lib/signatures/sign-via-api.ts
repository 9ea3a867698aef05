import "server-only";
import { randomUUID } from "node:crypto";
import { env } from "@/lib/core/env";
import { letterOutputs } from "@/lib/letters/letter-outputs";
import { fieldErrors, signatureSubmissionSchema } from "@/lib/letters/schema";
import { verifyProofOfWork } from "./proof-of-work";
import { checkSigningRateLimits } from "./rate-limits";
import { recordSignature } from "./record-signature";

type ApiAnswer = { status: number; body: unknown; headers?: Record<string, string> };

/**
 * POST /api/campaigns/{slug}/signatures. Answers the signature id, what was
 * queued, and the links for the other channels. Whatever the email address
 * (new, signed before, typed a hundred times this hour) and whether the
 * honeypot was filled, a valid submission gets the same answer: 201 with a
 * fresh id. Only the same form sent again (its submission key) answers 200
 * with `duplicate: true`.
 */
export async function signViaApi(slug: string, input: Record<string, unknown>, client: string): Promise<ApiAnswer> {
  const parsed = signatureSubmissionSchema.safeParse(input);
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    const structural = parsed.error.issues.some((i) => i.code === "unrecognized_keys" || i.code === "invalid_type");
    return {
      status: structural ? 400 : 422,
      body: {
        error: {
          code: structural ? "bad_request" : "invalid",
          message: "Some fields are missing or not valid.",
          fields,
        },
      },
    };
  }
  // An API client can always run the proof of work (altcha-lib solves it in
  // any language's few lines), so here it is required, not traded for a
  // stricter limit as on the form without JavaScript.
  if (!parsed.data.altcha) {
    return {
      status: 422,
      body: {
        error: {
          code: "invalid",
          message: "A proof of work is required.",
          fields: {
            altcha: [
              "Required: solve a challenge from GET /api/proof-of-work (ALTCHA) and send the solution as altcha.",
            ],
          },
        },
      },
    };
  }
  if (!(await verifyProofOfWork(parsed.data.altcha))) {
    return {
      status: 422,
      body: {
        error: {
          code: "invalid",
          message: "The proof of work is invalid, expired or already used.",
          fields: { altcha: ["Solve a fresh challenge from GET /api/proof-of-work."] },
        },
      },
    };
  }
  const limit = await checkSigningRateLimits({ client, provedWork: true });
  if (limit.limited) {
    return {
      status: 429,
      headers: { "Retry-After": String(limit.retryAfterSeconds) },
      body: {
        error: {
          code: "rate_limited",
          message: `Too many signatures from here in a short time. Please try again in ${Math.ceil(limit.retryAfterSeconds / 60)} minutes.`,
        },
      },
    };
  }
  const result = await recordSignature(slug, parsed.data);
  switch (result.outcome) {
    case "campaign_not_found":
      return {
        status: 404,
        body: { error: { code: "not_found", message: `No public campaign has the slug "${slug}".` } },
      };
    case "campaign_closed":
      return {
        status: 409,
        body: { error: { code: "closed", message: "This campaign has closed; signatures are no longer collected." } },
      };
    case "invalid":
      return {
        status: 422,
        body: { error: { code: "invalid", message: "Some fields are not valid.", fields: result.fieldErrors } },
      };
  }
  const outputs = letterOutputs(result.letters, parsed.data, result.builder.template.xPost);
  const base = `${env().PUBLIC_URL}/c/${slug}/letters`;
  return {
    status: result.outcome === "duplicate" ? 200 : 201,
    body: {
      // The honeypot gets an id like any other, stored nowhere.
      signatureId: result.outcome === "ignored" ? randomUUID() : result.signatureId,
      duplicate: result.outcome === "duplicate",
      queued: {
        platformEmails: result.letters.filter((l) => l.channel === "platform_email").length,
        awaitingConfirmation: result.confirmationQueued,
      },
      letters: outputs.addressees.map((a) => ({ addresseeId: a.addresseeId, name: a.name, channel: a.channel })),
      links: {
        mailto: outputs.mailtoAll,
        mailtoByAddressee: Object.fromEntries(
          outputs.addressees.filter((a) => a.mailto).map((a) => [a.addresseeId, a.mailto]),
        ),
        x: outputs.addressees
          .filter((a) => a.xPost)
          .map((a) => ({ addresseeId: a.addresseeId, handle: a.xHandle, text: a.xPost!.text, url: a.xPost!.url })),
        pdf: {
          method: "POST",
          url: `${base}/pdf`,
          note: "POST the letter fields (addressees, language, subject, body, identity, name, city, country, paper) as JSON",
        },
        eml: { method: "POST", url: `${base}/eml`, note: "POST the same fields as for the PDF" },
      },
    },
  };
}
