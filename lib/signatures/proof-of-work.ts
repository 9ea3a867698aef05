import "server-only";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { create, deriveHmacKeySecret, randomInt } from "altcha-lib/frameworks/nextjs";
import { verify } from "altcha-lib/frameworks/shared";
import { env } from "@/lib/core/env";
import { keyFor } from "@/lib/privacy/keys";
import { spendChallenge } from "./data";

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
const lifetimeSeconds = 10 * 60;

/**
 * Records a challenge as spent, shared by every app instance through
 * PostgreSQL; false when it was spent before. A database failure throws (and
 * the request answers 503, try again), which is why this is not handed to
 * altcha as its store: altcha turns a store's error into "not verified", and
 * during an outage supporters were told their proof was invalid.
 */
function spend(challengeId: string): Promise<boolean> {
  return spendChallenge(challengeId, lifetimeSeconds);
}

// The challenge is signed with one secret and its derived key with another,
// both from the proof-of-work key of APP_SECRET (or the previous one).
const secretsOf = async (key: Buffer) => {
  const challengeSecret = key.toString("hex");
  return { challengeSecret, keySecret: await deriveHmacKeySecret(challengeSecret) };
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
 * True when the payload solves one of our challenges that has not been spent
 * yet. During a key rotation a challenge signed with the previous key (made
 * in the minutes before the switch) still counts.
 */
export async function verifyProofOfWork(payload: string): Promise<boolean> {
  const ring = keyFor("proof-of-work");
  for (const key of [ring.current, ring.previous]) {
    if (!key) continue;
    const { challengeSecret, keySecret } = await secretsOf(key);
    const { error, verification, payload: solved } = await verify(payload, deriveKey, challengeSecret, keySecret);
    // Our challenges carry no data.challengeId: the nonce names each one.
    if (!error && verification?.verified && solved)
      return spend(String((solved as { challenge: { parameters: { nonce: string } } }).challenge.parameters.nonce));
  }
  return false;
}
