import "server-only";
import type { EmailLink } from "@/emails/layout";
import { emailLink } from "./email-links";
import { signValue, verifySignedValue } from "./encryption";

/**
 * The "delete my data" link, as a path: in every supporter email (at each of
 * our origins, deletionLink) and on the confirm page (relative, so it stays
 * on the origin the page was opened on). Signed, so it works without an
 * account; it does not expire, because the right to erasure does not, and it
 * only ever removes data.
 */
export function deletionPath(signatureId: string, language: string): string {
  const token = encodeURIComponent(signValue(`delete.${signatureId}`));
  return `/privacy/delete?token=${token}&lang=${encodeURIComponent(language)}`;
}

/** The same link in an email: at the origin the supporter signed on first, then the canonical and onion ones. */
export function deletionLink(signatureId: string, language: string, linkOrigin: string | null): EmailLink {
  return emailLink(deletionPath(signatureId, language), linkOrigin);
}

/** The signature a deletion token names, or null when it is not one of ours. */
export function signatureFromDeletionToken(token: string): string | null {
  const payload = verifySignedValue(token);
  const match = payload?.match(/^delete\.([0-9a-f-]{36})$/);
  return match ? match[1]! : null;
}
