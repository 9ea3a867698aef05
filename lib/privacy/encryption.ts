import "server-only";
import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { keyFor, keyId } from "./keys";

/**
 * Every column that holds a ciphertext, with the column naming its row. The
 * re-encryption job (rotate-keys.ts) walks this list, so a new encrypted
 * column is added here and nowhere else.
 */
export const encryptedColumns = {
  SupporterContact: {
    row: "signatureId",
    columns: ["emailEncrypted", "nameEncrypted", "cityEncrypted", "linkOriginEncrypted"],
  },
  PlatformLetter: { row: "letterId", columns: ["subjectEncrypted", "bodyEncrypted"] },
  OutboxMessage: { row: "id", columns: ["toEncrypted", "textEncrypted", "htmlEncrypted"] },
  LocalMail: { row: "id", columns: ["toAddressEncrypted", "rawEncrypted"] },
} as const;
type EncryptedTable = keyof typeof encryptedColumns;

/** Where a ciphertext lives; it is bound to that place and opens nowhere else. */
export type CipherPlace = {
  [T in EncryptedTable]: { table: T; column: (typeof encryptedColumns)[T]["columns"][number]; row: string };
}[EncryptedTable];

// Ciphertext layout: version (1) | key id (4) | IV (12) | tag (16) | data.
// Version 2 authenticates the place (table, column, row) as associated data:
// someone who can write to the database cannot move a ciphertext to another
// row (say, one supporter's address into another's contact) and have it
// decrypt there. Version 1 (before 2026-12) had no associated data; it is
// still read, and the re-encryption job rewrites it as version 2.
const VERSION = 2;
const LEGACY_VERSION = 1;

function associatedData(at: CipherPlace): Buffer {
  return Buffer.from(`letter-campaigns|${at.table}|${at.column}|${at.row}`, "utf8");
}

/** The first five bytes every ciphertext made now starts with: version and current key id. */
export function currentCiphertextPrefix(): Buffer {
  return Buffer.concat([Buffer.from([VERSION]), keyId(keyFor("encryption").current)]);
}

/** AES-256-GCM: confidentiality and integrity for personal data at rest, bound to its place. */
export function encryptText(plain: string, at: CipherPlace): Uint8Array<ArrayBuffer> {
  const key = keyFor("encryption").current;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(associatedData(at));
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  const out = Buffer.concat([Buffer.from([VERSION]), keyId(key), iv, cipher.getAuthTag(), data]);
  return new Uint8Array(out);
}

/** Opens a ciphertext made for this place, with the current or the previous key. */
export function decryptText(stored: Uint8Array, at: CipherPlace): string {
  const buffer = Buffer.from(stored);
  const version = buffer[0];
  if (version !== VERSION && version !== LEGACY_VERSION) throw new Error("Unknown ciphertext version.");
  const id = buffer.subarray(1, 5);
  const ring = keyFor("encryption");
  const key = [ring.current, ring.previous].find((k) => k && keyId(k).equals(id));
  if (!key) throw new Error("Ciphertext was made with a key that is no longer configured (APP_SECRET_PREVIOUS?).");
  const decipher = createDecipheriv("aes-256-gcm", key, buffer.subarray(5, 17));
  if (version === VERSION) decipher.setAAD(associatedData(at));
  decipher.setAuthTag(buffer.subarray(17, 33));
  return Buffer.concat([decipher.update(buffer.subarray(33)), decipher.final()]).toString("utf8");
}

export function encryptOptional(plain: string | undefined | null, at: CipherPlace): Uint8Array<ArrayBuffer> | null {
  return plain ? encryptText(plain, at) : null;
}

/** Lower-cased and trimmed: the form in which two addresses count as one person. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Keyed hash of a normalised email: finds a second signature by the same
 * person without keeping the address in clear, and cannot be reversed by
 * hashing a list of known addresses without the key. Stored as key id (4
 * bytes) and HMAC (32), so the re-encryption job can tell which hashes an
 * older secret made.
 */
export function emailHash(email: string): Uint8Array<ArrayBuffer> {
  const key = keyFor("email-hash").current;
  return new Uint8Array(Buffer.concat([keyId(key), hmacOf(key, email)]));
}

/**
 * Every form this address's hash can have in the database while a rotation
 * is under way: made with the current or the previous key, with the key id
 * or (before 2026-12) without.
 */
export function emailHashCandidates(email: string): Uint8Array<ArrayBuffer>[] {
  const ring = keyFor("email-hash");
  return [ring.current, ring.previous]
    .filter((key): key is Buffer => key !== null)
    .flatMap((key) => [Buffer.concat([keyId(key), hmacOf(key, email)]), hmacOf(key, email)])
    .map((hash) => new Uint8Array(hash));
}

/** The key id every email hash made now starts with. */
export function currentEmailHashKeyId(): Buffer {
  return keyId(keyFor("email-hash").current);
}

const hmacOf = (key: Buffer, email: string) => createHmac("sha256", key).update(normaliseEmail(email)).digest();

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
