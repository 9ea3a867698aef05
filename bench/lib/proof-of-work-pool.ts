// Solved proofs of work for benchmarks that sign through the API, made
// before the timed run so the load generator only sends them. Challenges
// come from the app's own code with the bench's APP_SECRET (as the server
// would make them) at the smallest cost: the server's side of a signature
// (checking the derived key's signature, recording the spent id) is the
// same whatever the cost, and what a browser pays is measured on its own
// (bench/proof-of-work-solve-time.ts).
import { solvedPayload } from "../../tests/helpers/proof-of-work.ts";

/** Settings the app under test and this process share. */
export const benchProofOfWorkSettings = { PROOF_OF_WORK_ITERATIONS: "1", PROOF_OF_WORK_ATTEMPTS: "2" };

export type ProofPool = { take: () => string; left: () => number };

/** `count` solved payloads; `take()` hands out each once and says so when they run out. */
export async function solvedProofPool(count: number): Promise<ProofPool> {
  Object.assign(process.env, benchProofOfWorkSettings);
  const { proofOfWorkChallenge } = await import("../../lib/signatures/proof-of-work.ts");
  const proofs: string[] = [];
  for (let i = 0; i < count; i++) {
    const challenge = await (await proofOfWorkChallenge(new Request("http://bench/api/proof-of-work"))).json();
    proofs.push(await solvedPayload(challenge));
  }
  return {
    take: () => {
      const proof = proofs.pop();
      if (!proof) throw new Error(`The bench used all ${count} prepared proofs of work; raise the count.`);
      return proof;
    },
    left: () => proofs.length,
  };
}
