import "server-only";
import type { EmailLink } from "@/emails/layout";
import { emailLinkOrigins } from "@/lib/core/origins";
import { decryptText, encryptText } from "./encryption";

/**
 * One page of the site as an email link: the same path at the origin the
 * supporter's request came in on (when still listed), the canonical origin
 * and the onion one (lib/core/origins.ts emailLinkOrigins), theirs first. A
 * supporter in Russia who signed over Tor gets a link they can open; with
 * PUBLIC_URL alone it is the one link it always was.
 */
export function emailLink(pathAndQuery: string, linkOrigin?: string | null): EmailLink {
  return emailLinkOrigins(linkOrigin).map((o) => ({ url: `${o.origin}${pathAndQuery}`, kind: o.kind }));
}

const place = (signatureId: string) =>
  ({ table: "SupporterContact", column: "linkOriginEncrypted", row: signatureId }) as const;

/**
 * Every sealed origin is this long before encryption: AES-GCM keeps the
 * length, and an onion origin (68 characters) is longer than most domains,
 * so unpadded ciphertexts would tell a database reader who came over Tor.
 * An origin is at most a 253-character host, a scheme and a port.
 */
const sealedOriginLength = 300;

/**
 * The origin a supporter signed on, sealed for their contact row like their
 * address. Kept whichever origin it is, the canonical one too, and padded to
 * one length, so the row does not tell who came over Tor or a mirror.
 */
export function sealLinkOrigin(origin: string, signatureId: string): Uint8Array<ArrayBuffer> {
  return encryptText(origin.padEnd(sealedOriginLength, " "), place(signatureId));
}

/**
 * The origin a supporter signed on, for the emails the worker makes later;
 * null (the canonical origin comes first) when none was kept or it no longer
 * opens (a contact from before origins were kept, a secret gone).
 */
export function openLinkOrigin(sealed: Uint8Array | null | undefined, signatureId: string): string | null {
  if (!sealed) return null;
  try {
    // Origins hold no spaces: what follows the origin is the padding.
    return decryptText(sealed, place(signatureId)).trimEnd();
  } catch {
    return null;
  }
}
