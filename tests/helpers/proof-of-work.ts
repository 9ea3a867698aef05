// Solves the signing proof of work as an API client would: a challenge from
// the real GET /api/proof-of-work route, solved with altcha-lib.
import { solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { GET as challengeRoute } from "@/app/api/proof-of-work/route";

export async function solvedProofOfWork(): Promise<string> {
  const response = await challengeRoute(new Request("http://localhost/api/proof-of-work"));
  const challenge = await response.json();
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error("The proof-of-work challenge could not be solved.");
  return btoa(JSON.stringify({ challenge, solution }));
}
