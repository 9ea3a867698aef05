// What a page tells readers about the onion service (ONION_URL): readers in
// Russia may find the site blocked, and in Tor Browser the onion address
// reaches it anyway, hiding which site they visit from their network and
// where they are from us. Pure apart from reading the settings.
import { onionOrigin, type PublicOrigin } from "@/lib/core/origins";

export type OnionOffer =
  /** The reader is on the onion already. */
  | { kind: "here" }
  /** The onion's host (shown as text) and the same page there. */
  | { kind: "elsewhere"; host: string; href: string };

/**
 * Null when no onion is set. `path` is the page's path and query without
 * `lang` (requestPathWithoutLang()); the link keeps the interface language.
 */
export function onionOffer(
  current: PublicOrigin,
  path: string,
  locale: string,
  onion: PublicOrigin | null = onionOrigin(),
): OnionOffer | null {
  if (!onion) return null;
  if (current.origin === onion.origin) return { kind: "here" };
  // Appended, not resolved: a path such as "//x" must not name another host.
  const url = new URL(`${onion.origin}${path.startsWith("/") ? path : "/"}`);
  url.searchParams.set("lang", locale);
  return { kind: "elsewhere", host: onion.host, href: url.toString() };
}
