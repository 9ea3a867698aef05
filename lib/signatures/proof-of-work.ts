import "server-only";
import { deriveKey } from "altcha-lib/algorithms/sha";
import { create, randomInt } from "altcha-lib/frameworks/nextjs";
import { db } from "@/lib/db/client";
import { keyFor } from "@/lib/privacy/keys";

// A self-hosted proof of work (ALTCHA) on the final step: the browser spends
// about a second of computation, which costs a person nothing and a bot
// sending thousands of signatures a great deal. No third party is involved.
const lifetimeSeconds = 10 * 60;

/** Spent challenge ids, shared by every app instance through PostgreSQL. */
const spentChallenges = {
  async setIfAbsent(id: string): Promise<boolean> {
    await db().$executeRawUnsafe(`DELETE FROM "ProofOfWorkUse" WHERE "usedAt" < now() - make_interval(secs => $1)`, lifetimeSeconds * 2);
    const inserted = await db().$executeRawUnsafe(
      `INSERT INTO "ProofOfWorkUse" (id, "usedAt") VALUES ($1, now()) ON CONFLICT (id) DO NOTHING`,
      id.slice(0, 200),
    );
    return inserted === 1;
  },
  async get(id: string): Promise<boolean> {
    return (await db().proofOfWorkUse.count({ where: { id } })) > 0;
  },
  async set(): Promise<void> {},
};

let altcha: ReturnType<typeof create> | undefined;
function instance() {
  altcha ??= create({
    deriveKey,
    hmacSignatureSecret: keyFor("proof-of-work").current.toString("hex"),
    createChallengeParameters: () => ({
      algorithm: "SHA-256",
      cost: 1,
      // The solver tries counters from 0 up: about 50,000 SHA-256 hashes on average.
      counter: randomInt(100_000, 20_000),
      expiresAt: Math.floor(Date.now() / 1000) + lifetimeSeconds,
    }),
    store: spentChallenges as never,
  });
  return altcha;
}

/** GET /api/proof-of-work: a fresh challenge for the widget. */
export function proofOfWorkChallenge(request: Request): Promise<Response> {
  return instance().challengeHandler(request);
}

/** True when the payload solves one of our challenges that has not been spent yet. */
export async function verifyProofOfWork(payload: string): Promise<boolean> {
  const { error, verification } = await instance().verify(payload, deriveKey, keyFor("proof-of-work").current.toString("hex"), undefined, spentChallenges as never);
  return !error && Boolean(verification?.verified);
}
