// JSON answers of the public API: one shape for every error, so clients can
// show `error.message` and act on `error.code`. Every API error is built
// here, from the codes of lib/core/errors.ts; their sentences are in
// messages/en.json → "apiErrors".
import { NextResponse } from "next/server";
import type { z } from "zod";
import type { ApiError, ApiErrorCode } from "@/lib/core/errors";
import { apiMessage } from "@/lib/letters/form-messages";
import { originOfRequest, type PublicOrigin } from "@/lib/core/origins";
import { redactAddresses } from "@/lib/privacy/redact";
import { apiSecurityHeaders } from "./security-headers";

export type { ApiErrorCode } from "@/lib/core/errors";

/** The HTTP status of each API error code. */
export const apiErrorStatus: Record<ApiErrorCode, number> = {
  not_found: 404,
  bad_request: 400,
  invalid: 422,
  rate_limited: 429,
  too_large: 413,
  closed: 409,
  cross_site: 403,
  misdirected: 421,
  unavailable: 503,
};

/**
 * The response for an API error. `status` overrides the code's own only
 * where HTTP has a more precise status for the same code (415 for a body of
 * a type we do not read, still a bad_request).
 */
export function apiErrorResponse(error: ApiError, status?: number): NextResponse {
  const { code, message, fields, retryAfterSeconds } = error;
  return NextResponse.json(
    { error: { code, message, ...(fields ? { fields } : {}) } },
    {
      status: status ?? apiErrorStatus[code],
      headers: {
        "Cache-Control": "no-store",
        ...(retryAfterSeconds !== undefined ? { "Retry-After": String(retryAfterSeconds) } : {}),
      },
    },
  );
}

export function jsonError(code: ApiErrorCode, message: string, fields?: Record<string, string[]>): NextResponse {
  return apiErrorResponse({ code, message, ...(fields ? { fields } : {}) });
}

/** The answer to a body readBody (read-body.ts) refused: 400, 413 or 415. */
export function bodyRefusal(refusal: { error: ApiError; status: number }): NextResponse {
  return apiErrorResponse(refusal.error, refusal.status);
}

/** 404 for a slug no public campaign has. */
export function campaignNotFound(slug: string): NextResponse {
  return jsonError("not_found", apiMessage("campaignNotFound", { slug }));
}

/** 400 naming each bad parameter and what is wrong with it. */
export function badParameters(error: z.ZodError): NextResponse {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const name = issue.path.join(".") || "(request)";
    (fields[name] ??= []).push(issue.message);
  }
  const summary = Object.entries(fields)
    .map(([name, messages]) => `${name}: ${messages.join(" ")}`)
    .join("; ");
  return jsonError("bad_request", apiMessage("badParameter", { summary }), fields);
}

/** Query parameters as a plain object; a repeated parameter keeps its last value. */
export function queryOf(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams.entries());
}

/**
 * Wraps a handler so a database outage answers 503 with a retry hint instead
 * of a bare 500, and nothing internal leaks into the response.
 */
export function withApiErrors<Args extends unknown[]>(
  handler: (...args: Args) => Promise<Response>,
): (...args: Args) => Promise<Response> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      console.error("API request failed:", redactAddresses(error instanceof Error ? error.message : String(error)));
      return apiErrorResponse({ code: "unavailable", message: apiMessage("unavailable"), retryAfterSeconds: 5 });
    }
  };
}

const apiHeaders = new Map<string, [string, string][]>();

/** The API's security headers for answers on this origin (none of HSTS on the onion). */
function apiHeadersFor(origin: PublicOrigin | null): [string, string][] {
  const https = origin !== null && origin.https && origin.kind !== "onion";
  const key = String(https);
  let headers = apiHeaders.get(key);
  if (!headers) {
    headers = [...Object.entries(apiSecurityHeaders({ https })), ["Vary", "Accept-Language"]];
    apiHeaders.set(key, headers);
  }
  return headers;
}

/**
 * Every route under app/api: withApiErrors, and the security headers that
 * proxy.ts gives every other answer (proxy.ts's matcher leaves these routes
 * out). A header the route set itself stays. A request for a host that is
 * not one of ours (lib/core/origins.ts) is refused before the route runs.
 */
export function apiRoute<Args extends unknown[]>(
  handler: (...args: Args) => Promise<Response> | Response,
): (...args: Args) => Promise<Response> {
  const guarded = withApiErrors(async (...args: Args) => handler(...args));
  return async (...args) => {
    const request = args[0] instanceof Request ? args[0] : null;
    // Next.js builds request.url from the Host; a Request made in a test has only the URL.
    const origin = request
      ? originOfRequest({
          get: (name) => request.headers.get(name) ?? (name === "host" ? new URL(request.url).host : null),
        })
      : null;
    let response =
      request && origin === null
        ? apiErrorResponse({ code: "misdirected", message: apiMessage("misdirected") })
        : await guarded(...args);
    const headers = apiHeadersFor(origin);
    try {
      for (const [name, value] of headers) if (!response.headers.has(name)) response.headers.set(name, value);
    } catch {
      // A response with immutable headers (one passed through from fetch): copied once.
      response = new Response(response.body, response);
      for (const [name, value] of headers) if (!response.headers.has(name)) response.headers.set(name, value);
    }
    return response;
  };
}
