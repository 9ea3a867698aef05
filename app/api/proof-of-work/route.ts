import { apiRoute } from "@/lib/http/json";
import { proofOfWorkChallenge } from "@/lib/signatures/proof-of-work";

export const dynamic = "force-dynamic";

/** A proof-of-work challenge for the letter form's final step (ALTCHA widget). */
export const GET = apiRoute((request: Request) => proofOfWorkChallenge(request));
