import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { create, deriveHmacKeySecret, randomInt } from "altcha-lib/frameworks/nextjs";
import { verify } from "altcha-lib/frameworks/shared";
import { env } from "@/lib/core/env";
import { keyFor } from "@/lib/privacy/keys";

// A self-hosted proof of work (ALTCHA) on signing: the browser spends about a
// second of computation, which costs a person nothing and a bot sending
// thousands of signatures a great deal. No third party is involved.
//
// PBKDF2 rather than plain SHA-256: each attempt is one native PBKDF2 call in
// the browser (WebCrypto), so a phone works at nearly the speed of a server
// core, whereas with one SHA-256 per attempt a phone pays the JavaScript
// overhead of every call and a bot with native code pays a hundredth of it.
// The server derives the key once when it makes the challenge (deterministic
// mode) and checks a signature of it on verification.
export const proofOfWorkLifetimeSeconds = 10 * 60;
const lifetimeSeconds = proofOfWorkLifetimeSeconds;

// The challenge is signed with one secret and its derived key with another,
// both from the proof-of-work key of APP_SECRET (or the previous one).
// Derived once per key and process.
type Secrets = { challengeSecret: string; keySecret: string };
const secrets = new Map<string, Promise<Secrets>>();
const secretsOf = (key: Buffer): Promise<Secrets> => {
  const challengeSecret = key.toString("hex");
  let found = secrets.get(challengeSecret);
  if (!found) {
    found = deriveHmacKeySecret(challengeSecret).then((keySecret) => ({ challengeSecret, keySecret }));
    secrets.set(challengeSecret, found);
  }
  return found;
};

let current: ReturnType<typeof create> | undefined;

/** GET /api/proof-of-work: a fresh challenge for the widget or an API client. */
export async function proofOfWorkChallenge(request: Request): Promise<Response> {
  if (!current) {
    const { PROOF_OF_WORK_ITERATIONS: iterations, PROOF_OF_WORK_ATTEMPTS: attempts } = env();
    const { challengeSecret, keySecret } = await secretsOf(keyFor("proof-of-work").current);
    current = create({
      deriveKey,
      hmacSignatureSecret: challengeSecret,
      // With the derived key signed, verification needs no PBKDF2 run.
      hmacKeySignatureSecret: keySecret,
      createChallengeParameters: () => ({
        algorithm: "PBKDF2/SHA-256",
        cost: iterations,
        // The solver tries counters from 0 up; the answer lies uniformly
        // between half and one and a half times `attempts`.
        counter: randomInt(Math.max(1, Math.round(attempts * 1.5)), Math.max(1, Math.round(attempts / 2))),
        expiresAt: Math.floor(Date.now() / 1000) + lifetimeSeconds,
      }),
    });
  }
  return current.challengeHandler(request);
}

/**
 * The id of the challenge the payload solves, when it is one of ours, solved
 * and not expired; else null. During a key rotation a challenge signed with
 * the previous key (made in the minutes before the switch) still counts.
 *
 * Whether it was spent before is the signing statement's to say: it records
 * the id in ProofOfWorkUse, shared by every app instance, and writes nothing
 * if the id was there (data.ts writeSignature). A database failure there
 * throws (the request answers 503, try again), which is why this is not
 * handed to altcha as its store: altcha turns a store's error into "not
 * verified", and during an outage supporters were told their proof was
 * invalid.
 */
export async function provenChallenge(payload: string): Promise<string | null> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(atob(payload));
  } catch {
    return null;
  }
  const ring = keyFor("proof-of-work");
  for (const key of [ring.current, ring.previous]) {
    if (!key) continue;
    const verdict = solvedWithKeySignature(parsed, await secretsOf(key));
    if (verdict === "ask-altcha") return altchaVerdict(payload);
    // Our challenges carry no data.challengeId: the nonce names each one.
    if (verdict) return verdict;
  }
  return null;
}

/** altcha-lib's own verification of the payload, with either key: the nonce of the solved challenge, or null. */
export async function altchaVerdict(payload: string): Promise<string | null> {
  const ring = keyFor("proof-of-work");
  for (const key of [ring.current, ring.previous]) {
    if (!key) continue;
    const { challengeSecret, keySecret } = await secretsOf(key);
    const { error, verification, payload: solved } = await verify(payload, deriveKey, challengeSecret, keySecret);
    // A server-signed payload (no challenge of ours) names no nonce: not ours to accept.
    const parameters = (solved as { challenge?: { parameters?: unknown } } | null)?.challenge?.parameters;
    if (!error && verification?.verified && isObject(parameters)) return nonceOf(parameters);
  }
  return null;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null;
const nonceOf = (parameters: Json) => String(parameters.nonce).slice(0, 200);

/**
 * altcha-lib's check of a solved challenge whose derived key we signed
 * (verifySolution, path 4a: not expired, parameters signed by us, a
 * well-formed solution, the derived key's signature ours), step for step,
 * with node:crypto's HMAC instead of WebCrypto's: three WebCrypto jobs were
 * a tenth of a signature's CPU. The nonce when solved, false when not, and
 * "ask-altcha" for anything this path does not cover (no key signature, a
 * server payload), which altcha-lib then judges. A test holds the two
 * verdicts equal over every tampering it knows.
 */
function solvedWithKeySignature(
  payload: unknown,
  { challengeSecret, keySecret }: Secrets,
): string | false | "ask-altcha" {
  if (!isObject(payload) || "verificationData" in payload || !("challenge" in payload && "solution" in payload))
    return "ask-altcha";
  const { challenge, solution } = payload;
  if (!isObject(challenge) || !isObject(challenge.parameters)) return false;
  const parameters = challenge.parameters;
  if (!parameters.keySignature) return "ask-altcha";
  if (parameters.expiresAt && (parameters.expiresAt as number) < Date.now() / 1000) return false;
  if (!challenge.signature) return false;
  const signature = createHmac("sha256", challengeSecret).update(canonicalJson(parameters)).digest("hex");
  if (!sameText(challenge.signature, signature)) return false;
  const derivedKey = isObject(solution) ? solution.derivedKey : undefined;
  const counter = isObject(solution) ? solution.counter : undefined;
  if (
    typeof derivedKey !== "string" ||
    !/^(?:[0-9a-f]{2})+$/.test(derivedKey) ||
    !(Number.isInteger(counter) && (counter as number) >= 0 && (counter as number) <= 0xffffffff)
  )
    return false;
  const keySignature = createHmac("sha256", keySecret).update(Buffer.from(derivedKey, "hex")).digest("hex");
  return sameText(parameters.keySignature, keySignature) ? nonceOf(parameters) : false;
}

/** altcha-lib's canonical JSON: keys sorted at every depth, undefined values left out. */
function canonicalJson(value: unknown): string {
  const sorted = (v: unknown): unknown =>
    !isObject(v) || Array.isArray(v)
      ? v
      : Object.fromEntries(
          Object.keys(v)
            .sort()
            .flatMap((k) => (v[k] === undefined ? [] : [[k, sorted(v[k])]])),
        );
  return JSON.stringify(sorted(value));
}

/** Equal strings, compared in constant time (a non-string is never equal). */
function sameText(given: unknown, expected: string): boolean {
  if (typeof given !== "string" || given.length !== expected.length) return false;
  const a = Buffer.from(given, "utf8");
  const b = Buffer.from(expected, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}
