// The pure parts of the per-process answer cache that scripts/serve.ts puts
// in front of Next.js (lib/http/cached-answers.ts is the HTTP side).
//
// Why: every public page is rendered per request because its CSP nonce is
// fresh each time (proxy.ts), and that render alone costs five to six times
// the throughput of a static page. The pages are the same for every visitor
// of one address and language, so a render is kept for about a second and
// each response gets the kept HTML with a fresh random nonce joined in where
// the render's own nonce was (that one never leaves the server). Values that
// must be unique per page view (the letter form's submissionKey) are joined
// in fresh the same way. Only plain page views are cached: no session or
// other cookie, no client-router (RSC) request, only the public pages.
import { randomBytes } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { constants, crc32, deflateRawSync } from "node:zlib";
import { getBotType } from "next/dist/shared/lib/router/utils/is-bot";
import { negotiateLocale } from "@/lib/i18n/locales";

/** How long an answer is kept, per kind of route. */
export type CachePolicy = {
  /** A request for an answer at least this old starts one new render in the background. */
  refreshAfterMs: number;
  /** An answer this old is never served: the request waits for the new render instead. */
  maxAgeMs: number;
};

/**
 * Pages: rendered at most about once a second per key; the count they show is
 * at most maxAgeMs old (the target is 5 s). The totals: at most a second old
 * (their computedAt says when), refreshed in the background after half a
 * second so readers rarely wait. Writes do not drop them: at a surge's 33
 * signatures a second that recomputed the totals for nearly every read
 * (bench/surge.ts: totals p99 574 ms), and a signer's own count is on the
 * thank-you view, not in a cached answer.
 */
export const cachePolicies = {
  page: { refreshAfterMs: 1_000, maxAgeMs: 3_000 },
  totals: { refreshAfterMs: 500, maxAgeMs: 1_000 },
} satisfies Record<string, CachePolicy>;

export type CacheKind = keyof typeof cachePolicies;

/** The request the cache renders for a key: built from the key alone, so no client's other headers reach a kept answer. */
export type RenderRequest = { path: string; headers: Record<string, string> };

export type CacheTarget = { key: string; kind: CacheKind; render: RenderRequest };

/** The public GETs that look the same to every visitor of one address, language and kind of client. */
const cachedRoutes: { pattern: RegExp; kind: CacheKind }[] = [
  { pattern: /^\/$/, kind: "page" },
  { pattern: /^\/privacy$/, kind: "page" },
  { pattern: /^\/c\/[^/]+$/, kind: "page" },
  { pattern: /^\/c\/[^/]+\/write$/, kind: "page" },
  { pattern: /^\/embed\/[^/]+$/, kind: "page" },
  { pattern: /^\/api\/campaigns\/[^/]+\/totals$/, kind: "totals" },
];

/** Request headers of Next's client router and server actions (rsc, next-router-state-tree, next-action, ...). */
const routerHeader = /^(rsc|next-.*)$/;
const documentDestinations = new Set(["document", "iframe", "frame", "empty"]);
const maxCachedUrlLength = 2_048;

/** One user agent per kind of client Next.js renders differently for (bots get metadata in the <head>). */
const userAgentFor = {
  browser: "Mozilla/5.0",
  dom: "Mozilla/5.0 (compatible; Googlebot/2.1)",
  html: "facebookexternalhit/1.1",
} as const;

/** What Next.js tells apart by the User-Agent header: browsers, and two kinds of bots. */
export function clientKind(userAgent: string | undefined): keyof typeof userAgentFor {
  return userAgent ? (getBotType(userAgent) ?? "browser") : "browser";
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

/**
 * The cache key and the render request for a request the cache may answer,
 * or null to leave it to Next.js: anything but a plain GET of a public page
 * or the totals, any request with a cookie or credentials (staff, or anything
 * personal), and Next's client-router requests.
 */
export function cacheTarget(request: {
  method?: string;
  url?: string;
  headers: IncomingHttpHeaders;
}): CacheTarget | null {
  const { method, url, headers } = request;
  if (method !== "GET" || !url || !url.startsWith("/") || url.length > maxCachedUrlLength) return null;
  if (headers.cookie !== undefined || headers.authorization !== undefined) return null;
  for (const name of Object.keys(headers)) if (routerHeader.test(name)) return null;
  const destination = header(headers, "sec-fetch-dest");
  if (destination !== undefined && !documentDestinations.has(destination)) return null;
  const host = header(headers, "host")?.toLowerCase();
  if (!host) return null;
  // The render is asked for by Host alone: a different X-Forwarded-Host (which
  // proxy.ts checks too, lib/core/origins.ts) goes to Next.js to be judged.
  const forwardedHost = header(headers, "x-forwarded-host")?.toLowerCase();
  if (forwardedHost !== undefined && forwardedHost !== host) return null;

  const queryAt = url.indexOf("?");
  const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
  const query = new URLSearchParams(queryAt === -1 ? "" : url.slice(queryAt + 1));
  if (query.has("_rsc")) return null;
  const kind = cachedRoutes.find((route) => route.pattern.test(pathname))?.kind;
  if (!kind) return null;

  // What the answer varies on, and nothing else: the address as sent, the
  // interface language proxy.ts will choose, and the kind of client.
  const locale = negotiateLocale({
    requested: query.get("lang"),
    acceptLanguage: header(headers, "accept-language") ?? null,
  });
  const client = clientKind(header(headers, "user-agent"));
  return {
    key: JSON.stringify([host, url, locale, client]),
    kind,
    render: {
      path: url,
      headers: {
        host,
        "accept-language": locale,
        "user-agent": userAgentFor[client],
        accept: kind === "page" ? "text/html" : "application/json",
        "accept-encoding": "identity",
      },
    },
  };
}

/** A fresh nonce: 16 random bytes in base64, as proxy.ts makes them. */
export function freshNonce(): string {
  return randomBytes(16).toString("base64");
}

/** A fresh letter-form key: 18 random bytes in base64url, as the builder page makes them. */
export function freshSubmissionKey(): string {
  return randomBytes(18).toString("base64url");
}

/** The values joined into each answer, fresh per response. */
export type Fresh = { nonce: string; submissionKey: string };
type Hole = keyof Fresh;

/** A text split where the render's own per-view values were: parts[0] hole[0] parts[1] ... */
export type Template = { parts: Buffer[]; holes: Hole[]; fixedBytes: number };

/** A kept answer: its status (200, or 404 for an unknown campaign), its headers (some templated) and its body, with its parts also compressed once. */
export type CachedAnswer = {
  status: 200 | 404;
  headers: [name: string, value: string | Template][];
  body: Template;
  gzipped: Buffer[] | null;
  contentType: string;
};

/** Next.js compresses nothing smaller (the default threshold of its compression); neither do we. */
export const gzipThreshold = 1_024;

/** Every value joined in is this long (freshNonce, freshSubmissionKey), so compressed parts can refer back past one. */
export const freshValueLength = 24;
const window = 32 * 1024;

/**
 * Each part as raw deflate ending in a sync flush, so that parts and stored
 * blocks can follow each other in one stream. Each part is compressed with
 * what comes before it as its dictionary, the values replaced by NUL bytes:
 * it may refer back to earlier text (as whole-page gzip does) but never into
 * a value, since the text has no NUL byte to match one (if it has, each part
 * is compressed on its own).
 */
export function compressParts(template: Template): Buffer[] {
  const filler = Buffer.alloc(freshValueLength);
  const linked = !template.parts.some((part) => part.includes(0));
  let before = Buffer.alloc(0);
  return template.parts.map((part, i) => {
    const compressed = part.length
      ? deflateRawSync(part, {
          finishFlush: constants.Z_SYNC_FLUSH,
          ...(linked && before.length ? { dictionary: before } : {}),
        })
      : Buffer.alloc(0);
    if (linked) {
      before = Buffer.concat([before, part, ...(i < template.holes.length ? [filler] : [])]);
      if (before.length > window) before = before.subarray(before.length - window);
    }
    return compressed;
  });
}

const gzipHeader = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
/** An empty final block (fixed Huffman codes, end of block at once), after a byte-aligned sync flush. */
const lastBlock = Buffer.from([0x03, 0x00]);

/**
 * The template filled with fresh values, as a gzip member, without
 * compressing anything per response: the parts compressed once
 * (compressParts), each value between them as a stored (uncompressed)
 * deflate block, a CRC over the whole text and its length (RFC 1951, 1952).
 */
export function fillGzipped(template: Template, compressed: Buffer[], fresh: Fresh): Buffer {
  const chunks: Buffer[] = [gzipHeader];
  let crc = 0;
  let length = 0;
  template.parts.forEach((part, i) => {
    chunks.push(compressed[i]!);
    crc = crc32(part, crc);
    length += part.length;
    const hole = template.holes[i];
    if (hole === undefined) return;
    const value = Buffer.from(fresh[hole]);
    // compressParts left room for exactly this length; another would shift every reference after it.
    if (value.length !== freshValueLength) throw new Error(`a fresh value must be ${freshValueLength} bytes long`);
    // A stored block: header byte (not last, type 00), LEN and its complement, the bytes as they are.
    const stored = Buffer.alloc(5);
    stored.writeUInt16LE(value.length, 1);
    stored.writeUInt16LE(~value.length & 0xffff, 3);
    chunks.push(stored, value);
    crc = crc32(value, crc);
    length += value.length;
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(length >>> 0, 4);
  chunks.push(lastBlock, trailer);
  return Buffer.concat(chunks);
}

/** What a render answered; rawHeaders (name, value, ...) keeps the names as Next.js spelt them. */
export type Rendered = { status: number; headers: IncomingHttpHeaders; rawHeaders?: string[]; body: Buffer };

const nonceInPolicy = /'nonce-([A-Za-z0-9+/=]{16,})'/;
const submissionKeyField = /name="submissionKey" value="([A-Za-z0-9_-]{24})"/g;
/** Headers that describe one transfer, not the answer; set again per response. */
const perTransferHeaders = new Set([
  "etag",
  "content-length",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "date",
  "content-encoding",
]);

/** Splits `text` on every occurrence of each value. Values are long random strings, so no other text matches them. */
export function splitOn(text: string, values: Partial<Record<Hole, string>>): Template {
  const wanted = (Object.entries(values) as [Hole, string][]).filter(([, value]) => value);
  const parts: Buffer[] = [];
  const holes: Hole[] = [];
  let from = 0;
  for (;;) {
    let next: { at: number; hole: Hole; length: number } | null = null;
    for (const [hole, value] of wanted) {
      const at = text.indexOf(value, from);
      if (at !== -1 && (!next || at < next.at)) next = { at, hole, length: value.length };
    }
    if (!next) break;
    parts.push(Buffer.from(text.slice(from, next.at)));
    holes.push(next.hole);
    from = next.at + next.length;
  }
  parts.push(Buffer.from(text.slice(from)));
  return { parts, holes, fixedBytes: parts.reduce((sum, part) => sum + part.length, 0) };
}

/** The template with fresh values in its holes. */
export function fill(template: Template, fresh: Fresh): Buffer {
  if (template.holes.length === 0) return template.parts[0]!;
  const values = template.holes.map((hole) => Buffer.from(fresh[hole]));
  const chunks: Buffer[] = [];
  template.parts.forEach((part, i) => {
    chunks.push(part);
    if (i < values.length) chunks.push(values[i]!);
  });
  return Buffer.concat(chunks);
}

function fillText(template: Template, fresh: Fresh): string {
  return fill(template, fresh).toString();
}

/**
 * The render as a kept answer, or null when it must not be kept: anything
 * but a 200 or a 404 (an unknown campaign is as public as a known one, and
 * made-up addresses then cost one render each, not two), an answer that sets
 * a cookie, a page without a CSP nonce, and a letter form whose per-view key
 * cannot be found to be replaced.
 */
export function keepable(rendered: Rendered, kind: CacheKind): CachedAnswer | null {
  const { status, headers, body } = rendered;
  if (status !== 200 && status !== 404) return null;
  if (headers["set-cookie"] !== undefined || headers["content-encoding"] !== undefined) return null;
  const contentType = header(headers, "content-type") ?? "";
  const policy = header(headers, "content-security-policy") ?? "";
  const nonce = policy.match(nonceInPolicy)?.[1];
  // A page needs its nonce replaced; the totals (JSON, headers from the
  // route, not proxy.ts) have none.
  if (!nonce && kind === "page") return null;
  const text = body.toString();
  const values: Partial<Fresh> = nonce ? { nonce } : {};
  if (kind === "page") {
    if (!contentType.startsWith("text/html") || !text.includes(`nonce="${nonce}"`)) return null;
    if (text.includes('name="submissionKey"')) {
      const keys = new Set([...text.matchAll(submissionKeyField)].map((m) => m[1]!));
      if (keys.size !== 1) return null;
      values.submissionKey = [...keys][0]!;
    }
  } else if (!contentType.startsWith("application/json")) return null;
  const pairs: [string, string][] = [];
  if (rendered.rawHeaders)
    for (let i = 0; i + 1 < rendered.rawHeaders.length; i += 2)
      pairs.push([rendered.rawHeaders[i]!, rendered.rawHeaders[i + 1]!]);
  else
    for (const [name, value] of Object.entries(headers))
      for (const one of value === undefined ? [] : Array.isArray(value) ? value : [value]) pairs.push([name, one]);
  const kept: CachedAnswer["headers"] = [];
  for (const [name, value] of pairs) {
    if (perTransferHeaders.has(name.toLowerCase())) continue;
    kept.push([name, nonce && value.includes(nonce) ? splitOn(value, { nonce }) : value]);
  }
  const template = splitOn(text, values);
  return {
    status,
    headers: kept,
    body: template,
    gzipped: template.fixedBytes >= gzipThreshold ? compressParts(template) : null,
    contentType,
  };
}

/** The headers of one response from a kept answer, with the fresh nonce where the render's was. */
export function answerHeaders(answer: CachedAnswer, fresh: Fresh): [string, string][] {
  return answer.headers.map(([name, value]) => [name, typeof value === "string" ? value : fillText(value, fresh)]);
}

/** Whether the client takes gzip (Accept-Encoding names it, not with q=0). */
export function acceptsGzip(acceptEncoding: string | string[] | undefined): boolean {
  const value = Array.isArray(acceptEncoding) ? acceptEncoding.join(",") : acceptEncoding;
  if (!value) return false;
  return value.split(",").some((part) => {
    const [coding = "", ...params] = part.trim().toLowerCase().split(";");
    if (coding.trim() !== "gzip" && coding.trim() !== "*") return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

type Entry = {
  answer: CachedAnswer | null; // null: the render was not keepable; Next answers such requests itself for a while
  renderedAt: number; // when the render started, so an answer's age covers the data it read
  bytes: number;
};

export type Lookup = { answer: CachedAnswer } | { pass: true };

/**
 * Kept answers by key, single-flight: one render at a time per key, the
 * others wait for it (or take the answer still young enough while it runs).
 * Bounded in entries and bytes: the oldest go first, so keys an attacker
 * makes up (random queries or Host headers) push out others but never grow
 * memory. A render that fails or is not keepable sends its waiters to
 * Next.js; it is never an unhandled rejection.
 */
export class AnswerCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<Entry>>();
  private bytes = 0;

  constructor(
    private readonly options: {
      render: (target: CacheTarget) => Promise<Rendered>;
      now?: () => number;
      maxEntries?: number;
      maxBytes?: number;
      onRenderError?: (error: unknown) => void;
    },
  ) {}

  private now(): number {
    return this.options.now?.() ?? performance.now();
  }

  get size(): number {
    return this.entries.size;
  }

  async lookup(target: CacheTarget): Promise<Lookup> {
    const policy = cachePolicies[target.kind];
    const entry = this.entries.get(target.key);
    if (entry) {
      const age = this.now() - entry.renderedAt;
      if (age < policy.maxAgeMs) {
        if (age >= policy.refreshAfterMs) void this.renderOnce(target);
        return entry.answer ? { answer: entry.answer } : { pass: true };
      }
    }
    const fresh = await this.renderOnce(target);
    return fresh.answer ? { answer: fresh.answer } : { pass: true };
  }

  /** The render in flight for this key, or a new one. Never rejects. */
  private renderOnce(target: CacheTarget): Promise<Entry> {
    const running = this.inFlight.get(target.key);
    if (running) return running;
    const renderedAt = this.now();
    const done = this.options
      .render(target)
      .then((rendered) => keepable(rendered, target.kind))
      .catch((error: unknown) => {
        this.options.onRenderError?.(error);
        return null;
      })
      .then((answer) => {
        const entry: Entry = { answer, renderedAt, bytes: answer ? sizeOf(answer) : 0 };
        this.store(target.key, entry);
        return entry;
      })
      .finally(() => {
        if (this.inFlight.get(target.key) === done) this.inFlight.delete(target.key);
      });
    this.inFlight.set(target.key, done);
    return done;
  }

  private store(key: string, entry: Entry): void {
    // A slower render that started earlier never replaces a newer one.
    if ((this.entries.get(key)?.renderedAt ?? -Infinity) > entry.renderedAt) return;
    this.remove(key);
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    const maxEntries = this.options.maxEntries ?? 500;
    const maxBytes = this.options.maxBytes ?? 64 * 1024 * 1024;
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= maxEntries && this.bytes <= maxBytes) break;
      this.remove(oldest);
    }
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes -= entry.bytes;
    this.entries.delete(key);
  }
}

/** Bytes an answer holds, near enough for the bound. */
function sizeOf(answer: CachedAnswer): number {
  const text = (value: string | Template) => (typeof value === "string" ? value.length : value.fixedBytes);
  const gzipped = answer.gzipped?.reduce((sum, part) => sum + part.length, 0) ?? 0;
  return (
    answer.body.fixedBytes + gzipped + answer.headers.reduce((sum, [name, value]) => sum + name.length + text(value), 0)
  );
}
