import "server-only";
import type { ApiError } from "@/lib/core/errors";
import { maxRequestBodyBytes } from "@/lib/core/vocabulary";
import { apiMessage, type ApiMessageKey } from "@/lib/letters/form-messages";
import { formToObject } from "@/lib/letters/form-data";

export type ReadBody =
  | { ok: true; value: Record<string, unknown> }
  | {
      ok: false;
      /** The answer to give (lib/http/json.ts#bodyRefusal builds it). */
      error: ApiError;
      status: 400 | 413 | 415;
      /** The same as error.message. */
      message: string;
    };

function refused(status: 400 | 413 | 415, key: ApiMessageKey, values?: Record<string, number>): ReadBody {
  const message = apiMessage(key, values);
  return { ok: false, status, message, error: { code: status === 413 ? "too_large" : "bad_request", message } };
}

/**
 * Drops a "length" that is not a number from any object in a JSON body. zod
 * 4.6 runs its size checks (min, max, length) on any value that has a length,
 * even after it refused the value's type, and {"length": {"toString": 0}}
 * then throws instead of being refused. None of our fields is called length.
 */
function withoutForgedLengths(key: string, value: unknown): unknown {
  return key === "length" && typeof value !== "number" ? undefined : value;
}

/**
 * Reads a JSON or form body of at most 64 KiB (maxRequestBodyBytes). Larger
 * bodies are refused before they are parsed, so an oversized request cannot
 * tie up the server.
 */
export async function readBody(request: Request, formFields: readonly string[]): Promise<ReadBody> {
  const tooLarge = () => refused(413, "tooLarge", { kib: maxRequestBodyBytes / 1024 });
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxRequestBodyBytes) return tooLarge();
  const raw = await request.arrayBuffer();
  if (raw.byteLength > maxRequestBodyBytes) return tooLarge();
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const text = new TextDecoder("utf-8", { fatal: false }).decode(raw);
  if (type === "application/json") {
    try {
      const value: unknown = JSON.parse(text, withoutForgedLengths);
      if (!value || typeof value !== "object" || Array.isArray(value)) return refused(400, "notAnObject");
      return { ok: true, value: value as Record<string, unknown> };
    } catch {
      return refused(400, "notJson");
    }
  }
  if (type === "application/x-www-form-urlencoded") {
    const form = new FormData();
    for (const [key, value] of new URLSearchParams(text)) form.append(key, value);
    return { ok: true, value: formToObject(form, formFields) };
  }
  return refused(415, "unsupportedType");
}
