// The app's public origins: PUBLIC_URL (canonical), ONION_URL and
// MIRROR_URLS. One app answers on all of them; a request keeps its reader on
// the origin it came in on, and a request for any other host is refused
// (proxy.ts, lib/http/json.ts), so no page ever links to an address the
// operator did not list. Pure apart from reading the settings.
import { env, type ServerEnv } from "@/lib/core/env";

export type OriginKind = "canonical" | "onion" | "mirror";

export type PublicOrigin = {
  /** scheme://host[:port], as browsers send it in Origin. */
  origin: string;
  /** host[:port], lower case, without the scheme's default port. */
  host: string;
  kind: OriginKind;
  https: boolean;
};

/** Hosts that only this machine reaches (health checks, a laptop): accepted, treated as the canonical origin. */
const loopbackHost = /^(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

function toOrigin(value: string, kind: OriginKind): PublicOrigin {
  const url = new URL(value);
  return { origin: url.origin, host: url.host.toLowerCase(), kind, https: url.protocol === "https:" };
}

/** Canonical first, then the onion, then the mirrors; no host twice. */
export function publicOriginsOf(settings: Pick<ServerEnv, "PUBLIC_URL" | "ONION_URL" | "MIRROR_URLS">): PublicOrigin[] {
  const listed = [
    toOrigin(settings.PUBLIC_URL, "canonical"),
    ...(settings.ONION_URL ? [toOrigin(settings.ONION_URL, "onion")] : []),
    ...settings.MIRROR_URLS.map((mirror) => toOrigin(mirror, "mirror")),
  ];
  return listed.filter((o, i) => listed.findIndex((other) => other.host === o.host) === i);
}

let cache: { settings: ServerEnv; origins: PublicOrigin[] } | undefined;

/** This process's origins (publicOriginsOf its settings). */
export function publicOrigins(): PublicOrigin[] {
  const settings = env();
  if (cache?.settings !== settings) cache = { settings, origins: publicOriginsOf(settings) };
  return cache.origins;
}

export function canonicalOrigin(): PublicOrigin {
  return publicOrigins()[0]!;
}

export function onionOrigin(): PublicOrigin | null {
  return publicOrigins().find((o) => o.kind === "onion") ?? null;
}

/** A Host value as listed origins keep it: lower case, no trailing dot, no default port. */
function normalisedHost(value: string): string | null {
  const host = value.trim().toLowerCase();
  if (!/^([a-z0-9-]+(\.[a-z0-9-]+)*\.?|\[[0-9a-f:.]+\])(:\d{1,5})?$/.test(host)) return null;
  return host.replace(/\.(?=(:\d+)?$)/, "").replace(/:(80|443)$/, "");
}

/** The listed origin with this host (port included), or null. */
function originWithHost(host: string, origins: PublicOrigin[]): PublicOrigin | null {
  return (
    origins.find((o) => o.host === host) ??
    // "https://x" is listed as host "x"; a client may still say "x:443".
    origins.find((o) => o.host.replace(/:(80|443)$/, "") === host) ??
    null
  );
}

/**
 * The listed origin a request came in on, from its Host header and, when a
 * reverse proxy set one, X-Forwarded-Host (Next.js checks server actions'
 * Origin against the latter, so it must be ours too). Null: refuse the
 * request. A loopback Host (a health check on the machine) counts as the
 * canonical origin; a loopback X-Forwarded-Host never does.
 */
export function originOfRequest(
  headers: { get(name: string): string | null },
  origins: PublicOrigin[] = publicOrigins(),
): PublicOrigin | null {
  const rawHost = headers.get("host");
  const forwarded = headers.get("x-forwarded-host");
  const host = rawHost === null ? null : normalisedHost(rawHost);
  if (host === null) return null;
  const fromHost = originWithHost(host, origins) ?? (loopbackHost.test(host) ? origins[0]! : null);
  if (!fromHost) return null;
  if (forwarded === null) return fromHost;
  // A proxy that appends gives "a, b"; ours sets one. More than one is refused.
  // Next.js itself copies Host into X-Forwarded-Host when no proxy set one.
  const forwardedHost = forwarded.includes(",") ? null : normalisedHost(forwarded);
  if (forwardedHost === host) return fromHost;
  return forwardedHost === null ? null : originWithHost(forwardedHost, origins);
}

/** A stored or sent origin (an Origin header, an email's first link) if it is still listed. */
export function listedOrigin(
  value: string | null | undefined,
  origins: PublicOrigin[] = publicOrigins(),
): PublicOrigin | null {
  if (!value) return null;
  return origins.find((o) => o.origin === value) ?? null;
}

/**
 * The origins an email's links go to, in order: the one the supporter's
 * request came in on (when still listed), the canonical one, the onion.
 * Mirrors other than the supporter's own are left out: a mirror is for
 * those who found it, and the list in an email would hand every mirror to
 * anyone who reads the mailbox.
 */
export function emailLinkOrigins(
  requestOrigin: string | null | undefined,
  origins: PublicOrigin[] = publicOrigins(),
): PublicOrigin[] {
  const first = listedOrigin(requestOrigin, origins);
  const onion = origins.find((o) => o.kind === "onion") ?? null;
  const chosen = [first, origins[0]!, onion].filter((o): o is PublicOrigin => o !== null);
  return chosen.filter((o, i) => chosen.findIndex((other) => other.origin === o.origin) === i);
}
