// JSON answers of the public API: one shape for every error, so clients can
// show `error.message` and act on `error.code`.
import { NextResponse } from "next/server";
import type { z } from "zod";
import { redactAddresses } from "@/lib/privacy/redact";

export type ApiErrorCode = "not_found" | "bad_request" | "cross_site" | "unavailable";

const statusOf: Record<ApiErrorCode, number> = { not_found: 404, bad_request: 400, cross_site: 403, unavailable: 503 };

export function jsonError(
  code: ApiErrorCode,
  message: string,
  details?: Record<string, string[]>,
  headers?: HeadersInit,
): NextResponse {
  return NextResponse.json(
    { error: { code, message, ...(details ? { fields: details } : {}) } },
    { status: statusOf[code], headers: { "Cache-Control": "no-store", ...headers } },
  );
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
  return jsonError("bad_request", `Bad parameter. ${summary}`, fields);
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
      return jsonError(
        "unavailable",
        "The service is briefly unavailable. Nothing was lost; please try again in a few seconds.",
        undefined,
        { "Retry-After": "5" },
      );
    }
  };
}
