import "server-only";
import { formToObject } from "@/lib/letters/form-data";

export const maxBodyBytes = 64 * 1024;

export type ReadBody =
  { ok: true; value: Record<string, unknown> } | { ok: false; status: 400 | 413 | 415; message: string };

/**
 * Reads a JSON or form body of at most 64 KiB. Larger bodies are refused
 * before they are parsed, so an oversized request cannot tie up the server.
 */
export async function readBody(request: Request, formFields: readonly string[]): Promise<ReadBody> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBodyBytes)
    return { ok: false, status: 413, message: `The request is larger than ${maxBodyBytes / 1024} KiB.` };
  const raw = await request.arrayBuffer();
  if (raw.byteLength > maxBodyBytes)
    return { ok: false, status: 413, message: `The request is larger than ${maxBodyBytes / 1024} KiB.` };
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const text = new TextDecoder("utf-8", { fatal: false }).decode(raw);
  if (type === "application/json") {
    try {
      const value: unknown = JSON.parse(text);
      if (!value || typeof value !== "object" || Array.isArray(value))
        return { ok: false, status: 400, message: "The body must be a JSON object." };
      return { ok: true, value: value as Record<string, unknown> };
    } catch {
      return { ok: false, status: 400, message: "The body is not valid JSON." };
    }
  }
  if (type === "application/x-www-form-urlencoded") {
    const form = new FormData();
    for (const [key, value] of new URLSearchParams(text)) form.append(key, value);
    return { ok: true, value: formToObject(form, formFields) };
  }
  return { ok: false, status: 415, message: "Send application/json or application/x-www-form-urlencoded." };
}
