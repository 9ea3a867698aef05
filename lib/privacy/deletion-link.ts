import "server-only";
import { env } from "@/lib/core/env";
import { signValue, verifySignedValue } from "./encryption";

/**
 * The "delete my data" link in every supporter email. Signed, so it works
 * without an account; it does not expire, because the right to erasure does
 * not, and it only ever removes data.
 */
export function deletionUrl(signatureId: string, language: string): string {
  const token = encodeURIComponent(signValue(`delete.${signatureId}`));
  return `${env().PUBLIC_URL}/privacy/delete?token=${token}&lang=${encodeURIComponent(language)}`;
}

/** The signature a deletion token names, or null when it is not one of ours. */
export function signatureFromDeletionToken(token: string): string | null {
  const payload = verifySignedValue(token);
  const match = payload?.match(/^delete\.([0-9a-f-]{36})$/);
  return match ? match[1]! : null;
}
