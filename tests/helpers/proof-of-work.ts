// Solves the signing proof of work as an API client would, with altcha-lib:
// a challenge from GET /api/proof-of-work of a running app, or any challenge
// object (the in-process route: tests/helpers/signature-api.ts).
import { solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";

export async function solvedPayload(challenge: Parameters<typeof solveChallenge>[0]["challenge"]): Promise<string> {
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error("The proof-of-work challenge could not be solved.");
  return btoa(JSON.stringify({ challenge, solution }));
}

/** A solved proof of work from the app at `origin` (e.g. http://127.0.0.1:3107). */
export async function solvedProofOfWorkFrom(origin: string): Promise<string> {
  const response = await fetch(`${origin}/api/proof-of-work`);
  if (!response.ok) throw new Error(`GET /api/proof-of-work answered ${response.status}`);
  return solvedPayload(await response.json());
}

/**
 * The body with a freshly solved proof of work from `origin` when it is an
 * object without its own `altcha` key (give `altcha: undefined` to send none).
 */
export async function withProofOfWork(body: unknown, origin: string): Promise<unknown> {
  return lacksProofOfWork(body) ? { ...body, altcha: await solvedProofOfWorkFrom(origin) } : body;
}

/** A JSON object that brings no `altcha` key of its own (an explicit `altcha: undefined` counts as its own). */
export function lacksProofOfWork(body: unknown): body is Record<string, unknown> {
  return body !== null && typeof body === "object" && !Array.isArray(body) && !Object.hasOwn(body, "altcha");
}
