import "server-only";
import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { keyFor, keyId } from "./keys";

// Ciphertext layout: version (1) | key id (4) | IV (12) | tag (16) | data.
const VERSION = 1;

/** AES-256-GCM: confidentiality and integrity for personal data at rest. */
export function encryptText(plain: string): Uint8Array<ArrayBuffer> {
  const key = keyFor("encryption").current;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  const out = Buffer.concat([Buffer.from([VERSION]), keyId(key), iv, cipher.getAuthTag(), data]);
  return new Uint8Array(out);
}

export function decryptText(stored: Uint8Array): string {
  const buffer = Buffer.from(stored);
  if (buffer[0] !== VERSION) throw new Error("Unknown ciphertext version.");
  const id = buffer.subarray(1, 5);
  const ring = keyFor("encryption");
  const key = [ring.current, ring.previous].find((k) => k && keyId(k).equals(id));
  if (!key) throw new Error("Ciphertext was made with a key that is no longer configured (APP_SECRET_PREVIOUS?).");
  const decipher = createDecipheriv("aes-256-gcm", key, buffer.subarray(5, 17));
  decipher.setAuthTag(buffer.subarray(17, 33));
  return Buffer.concat([decipher.update(buffer.subarray(33)), decipher.final()]).toString("utf8");
}

export function encryptOptional(plain: string | undefined | null): Uint8Array<ArrayBuffer> | null {
  return plain ? encryptText(plain) : null;
}

/** Lower-cased and trimmed: the form in which two addresses count as one person. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Keyed hash of a normalised email: finds a second signature by the same
 * person without keeping the address in clear, and cannot be reversed by
 * hashing a list of known addresses without the key.
 */
export function emailHash(email: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(createHmac("sha256", keyFor("email-hash").current).update(normaliseEmail(email)).digest());
}

/** Signs `payload` for a link; verify with `verifySignedValue`. */
export function signValue(payload: string): string {
  const mac = createHmac("sha256", keyFor("link-signing").current).update(payload).digest("base64url");
  return `${payload}.${mac}`;
}

export function verifySignedValue(token: string): string | null {
  const dot = token.lastIndexOf(".");
  if (dot <= 0) return null;
  const payload = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1), "base64url");
  const ring = keyFor("link-signing");
  for (const key of [ring.current, ring.previous]) {
    if (!key) continue;
    const expected = createHmac("sha256", key).update(payload).digest();
    if (given.length === expected.length && timingSafeEqual(given, expected)) return payload;
  }
  return null;
}
