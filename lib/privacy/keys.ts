import "server-only";
import { createHash, hkdfSync } from "node:crypto";
import { env } from "@/lib/core/env";

/** What each derived key is for; changing a label changes that key. */
export type KeyPurpose =
  "encryption" | "email-hash" | "link-signing" | "proof-of-work" | "client-hash" | "staff-auth" | "bounce-token";

type KeyRing = { current: Buffer; previous: Buffer | null };
const cache = new Map<KeyPurpose, KeyRing>();

function derive(secret: string, purpose: KeyPurpose): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "letter-campaigns", purpose, 32));
}

/**
 * Keys derived from APP_SECRET with HKDF, one per purpose, so a leak of one
 * use (say, a signed link) reveals nothing about another.
 */
export function keyFor(purpose: KeyPurpose): KeyRing {
  let ring = cache.get(purpose);
  if (!ring) {
    const settings = env();
    ring = {
      current: derive(settings.APP_SECRET, purpose),
      previous: settings.APP_SECRET_PREVIOUS ? derive(settings.APP_SECRET_PREVIOUS, purpose) : null,
    };
    cache.set(purpose, ring);
  }
  return ring;
}

/** A short, non-secret identifier of a key, stored beside what it encrypted. */
export function keyId(key: Buffer): Buffer {
  return createHash("sha256").update(key).digest().subarray(0, 4);
}
