// Sending hostile input over HTTP and judging the answers: a bounded pool of
// requests, a tally of status codes per endpoint, URL encodings a browser
// (or an attacker) would use, the letter form's no-JavaScript post, and the
// checks every answer must pass.
import { readFileSync } from "node:fs";
import path from "node:path";

export type Answer = { status: number; headers: Headers; text: string; location: string | null };

/** Runs `fn` over `items` with at most `concurrency` at a time. */
export async function inPool<T>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        await fn(items[index]!, index);
      }
    }),
  );
}

/** Status codes per endpoint, for the report and for "no 5xx". */
export class Tally {
  readonly byEndpoint = new Map<string, Map<number, number>>();
  readonly serverErrors: string[] = [];

  record(endpoint: string, status: number, what: string): void {
    const counts = this.byEndpoint.get(endpoint) ?? new Map<number, number>();
    counts.set(status, (counts.get(status) ?? 0) + 1);
    this.byEndpoint.set(endpoint, counts);
    if (status >= 500) this.serverErrors.push(`${endpoint} → ${status}: ${what.slice(0, 300)}`);
  }

  total(filter: (status: number) => boolean = () => true): number {
    let n = 0;
    for (const counts of this.byEndpoint.values()) for (const [status, count] of counts) if (filter(status)) n += count;
    return n;
  }

  report(): string {
    const lines = [...this.byEndpoint].map(([endpoint, counts]) => {
      const sum = [...counts.values()].reduce((a, b) => a + b, 0);
      const statuses = [...counts]
        .sort(([a], [b]) => a - b)
        .map(([s, c]) => `${s}×${c}`)
        .join(" ");
      return `  ${endpoint.padEnd(48)} ${String(sum).padStart(6)}  ${statuses}`;
    });
    const all = this.total();
    return [
      ...lines,
      `  ${"all".padEnd(48)} ${String(all).padStart(6)}  2xx×${this.total((s) => s < 300)} 3xx×${this.total((s) => s >= 300 && s < 400)} 4xx×${this.total((s) => s >= 400 && s < 500)} 5xx×${this.total((s) => s >= 500)}`,
    ].join("\n");
  }
}

export async function send(url: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(url, { redirect: "manual", ...init, signal: AbortSignal.timeout(60_000) });
  return {
    status: response.status,
    headers: response.headers,
    text: await response.text(),
    location: response.headers.get("location"),
  };
}

/**
 * Percent-encodes every byte but the unreserved ones, reading the string as
 * UTF-8 the way a browser does (a lone surrogate becomes U+FFFD), so any
 * attack, even one encodeURIComponent refuses, can go into a URL.
 */
export function encodeComponent(value: string): string {
  return [...new TextEncoder().encode(value)]
    .map((byte) =>
      /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`,
    )
    .join("");
}

/**
 * The attack as a path segment, encoded only where HTTP forces it (bytes
 * outside printable ASCII, "/", "?", "#"): "%zz" and "%c0%ae" reach the
 * server as typed, which is how attackers send them.
 */
export function rawPathSegment(value: string): string {
  return [...new TextEncoder().encode(value)]
    .map((byte) =>
      byte > 0x20 && byte < 0x7f && !"/?#".includes(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`,
    )
    .join("");
}

/** What a browser sends for a string in a form or a JSON body it builds: well-formed UTF-16. */
export const asBrowserSends = (value: string) => value.toWellFormed();

/** React encodes strings that start with "$" in a server action's arguments by doubling the "$". */
export const replyString = (value: string) => (value.startsWith("$") ? `$${value}` : value);

const decodeEntities = (value: string) =>
  value.replace(
    /&(quot|amp|lt|gt|#39|#x27);/g,
    (_, name: string) => ({ quot: '"', amp: "&", lt: "<", gt: ">", "#39": "'", "#x27": "'" })[name]!,
  );

/** The hidden fields of the first server-action form of a page (what a browser without JavaScript posts back). */
export function hiddenFields(html: string): Record<string, string> {
  const form = html.slice(html.indexOf("<form"));
  const fields: Record<string, string> = {};
  for (const match of form
    .slice(0, form.indexOf("</form>"))
    .matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)) {
    if (match[1]!.startsWith("$ACTION")) fields[match[1]!] = decodeEntities(match[2] ?? "");
  }
  return fields;
}

/** Server action ids from the build's manifest, by "file#export". */
export function actionIds(distDir: string): Map<string, string> {
  const manifest = JSON.parse(readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  return new Map(Object.entries(manifest.node).map(([id, entry]) => [`${entry.filename}#${entry.exportedName}`, id]));
}

/** A form post as a browser without JavaScript makes it (multipart, with the page's origin). */
export function formBody(fields: [string, string][]): FormData {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  return form;
}

/**
 * Attack strings that appear in the HTML exactly as sent although they hold
 * markup characters: text the page did not escape. React escapes < > " ' &
 * in text and attributes, and Next.js escapes < > & in its inline payload,
 * so none of these may appear as they are.
 */
export function verbatimInHtml(html: string, sent: readonly string[]): string[] {
  return sent.filter((value) => /[<>]/.test(value) && value.length >= 3 && html.includes(value));
}

/** A message meant for a person: a sentence, no dump of an object, no stack trace. */
export function readableMessage(message: unknown): boolean {
  return (
    typeof message === "string" &&
    /^\s*[A-Z“"(]/.test(message) &&
    /\p{L}\s+\p{L}/u.test(message) &&
    !/\n\s+at /.test(message) &&
    !/^(Type|Reference|Syntax|Range)?Error\b/.test(message)
  );
}
