import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { keyFor } from "@/lib/privacy/keys";
import { mailDomain } from "@/lib/core/mail-settings";

/**
 * What a bounce address names: a letter's DeliveryMessage, a supporter's
 * OutboxMessage, or an addressee's digest. One letter per kind keeps the
 * address under the 64 characters a local part may have.
 */
export const returnPathKinds = { m: "delivery", o: "outbox", d: "digest" } as const;
export type ReturnPathKind = (typeof returnPathKinds)[keyof typeof returnPathKinds];
export type ReturnPathRef = { kind: ReturnPathKind; id: string };

const letterOf = Object.fromEntries(Object.entries(returnPathKinds).map(([letter, kind]) => [kind, letter])) as Record<
  ReturnPathKind,
  string
>;
/** 80 bits: a guess has one chance in 10^24, and the local part stays at 63 characters. */
const macLength = 20;
const uuid = /^[0-9a-f]{32}$/;

function mac(key: Buffer, payload: string): string {
  return createHmac("sha256", key).update(`return-path.${payload}`).digest("hex").slice(0, macLength);
}

/**
 * The local part after "bounces+": kind, id (hex, no dashes) and a keyed MAC,
 * lower case throughout because some mail servers lower-case what they pass on.
 */
export function returnPathToken(ref: ReturnPathRef): string {
  const payload = `${letterOf[ref.kind]}.${ref.id.replaceAll("-", "").toLowerCase()}`;
  return `${payload}.${mac(keyFor("bounce-token").current, payload)}`;
}

/** The envelope sender (MAIL FROM) of a message: bounces come back to it, and it names the message. */
export function returnPathAddress(ref: ReturnPathRef): string {
  return `bounces+${returnPathToken(ref)}@${mailDomain()}`;
}

/**
 * The message a bounce address names, or null when it is not one of ours
 * (unknown shape, another domain, a MAC that does not match under the current
 * or the previous APP_SECRET: nobody can forge a bounce for a message).
 */
export function readReturnPath(address: string): ReturnPathRef | null {
  const at = address.lastIndexOf("@");
  if (at < 0 || address.slice(at + 1).toLowerCase() !== mailDomain().toLowerCase()) return null;
  const match = /^bounces\+([a-z])\.([0-9a-f]{32})\.([0-9a-f]+)$/.exec(address.slice(0, at).toLowerCase());
  if (!match) return null;
  const [, letter, hex, given] = match as unknown as [string, string, string, string];
  const kind = returnPathKinds[letter as keyof typeof returnPathKinds];
  if (!kind || !uuid.test(hex) || given.length !== macLength) return null;
  const ring = keyFor("bounce-token");
  const payload = `${letter}.${hex}`;
  const matches = [ring.current, ring.previous]
    .filter((key): key is Buffer => key !== null)
    .some((key) => timingSafeEqual(Buffer.from(mac(key, payload)), Buffer.from(given)));
  if (!matches) return null;
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { kind, id };
}

/**
 * The message a Message-ID of ours names: "<id@domain>" a letter's
 * DeliveryMessage, "<outbox-id@domain>" a supporter email, "<digest-id@domain>"
 * a digest. So every email the app sends gets its own return path without
 * each sender passing one; null for any other Message-ID.
 */
export function returnPathOfMessageId(messageId: string): ReturnPathRef | null {
  const match = /^<(?:(outbox|digest)-)?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})@[^>]+>$/i.exec(
    messageId,
  );
  if (!match) return null;
  const kind: ReturnPathKind = match[1] === "outbox" ? "outbox" : match[1] === "digest" ? "digest" : "delivery";
  return { kind, id: match[2]!.toLowerCase() };
}
