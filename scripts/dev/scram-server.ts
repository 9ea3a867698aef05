// The server side of SCRAM-SHA-256 (RFC 5802, RFC 7677), the password
// exchange PostgreSQL uses: the password never crosses the socket, and a
// client that does not know it learns nothing but "refused". Used by the
// embedded database, whose PGlite backend has no authentication of its own.
import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from "node:crypto";

const ITERATIONS = 4096;

export type ScramAnswer = { kind: "continue" | "final"; data: Buffer } | { kind: "refused" };

export class ScramVerifier {
  private readonly salt = randomBytes(16);
  private readonly storedKey: Buffer;
  private readonly serverKey: Buffer;

  constructor(password: string) {
    // SASLprep is skipped: our passwords are generated base64url text.
    const salted = pbkdf2Sync(password.normalize("NFKC"), this.salt, ITERATIONS, 32, "sha256");
    this.storedKey = sha256(hmac(salted, "Client Key"));
    this.serverKey = hmac(salted, "Server Key");
  }

  /** One client's exchange: feed it each password message ('p' payload) in turn. */
  exchange(): { receive(payload: Buffer): ScramAnswer } {
    let step: "initial" | "final" | "done" = "initial";
    let clientFirstBare = "";
    let serverFirst = "";
    let nonce = "";
    return {
      receive: (payload) => {
        if (step === "initial") {
          // SASLInitialResponse: mechanism\0, Int32 length, client-first-message.
          const end = payload.indexOf(0);
          if (end < 0 || payload.length < end + 5 || payload.subarray(0, end).toString() !== "SCRAM-SHA-256")
            return refused();
          const length = payload.readInt32BE(end + 1);
          const clientFirst = payload.subarray(end + 5, end + 5 + Math.max(length, 0)).toString("utf8");
          // No channel binding over a plain loopback socket: "n,," or "y,,".
          const match = /^[ny],[^,]*,(n=[^,]*,r=([^,]+)(?:,.*)?)$/.exec(clientFirst);
          if (!match) return refused();
          clientFirstBare = match[1]!;
          nonce = match[2]! + randomBytes(18).toString("base64");
          serverFirst = `r=${nonce},s=${this.salt.toString("base64")},i=${ITERATIONS}`;
          step = "final";
          return { kind: "continue", data: Buffer.from(serverFirst) };
        }
        if (step === "final") {
          step = "done";
          const clientFinal = payload.toString("utf8");
          const match = /^(c=[^,]*,r=([^,]+)(?:,.*)?),p=([A-Za-z0-9+/=]+)$/.exec(clientFinal);
          if (!match || match[2] !== nonce) return refused();
          const authMessage = `${clientFirstBare},${serverFirst},${match[1]}`;
          const proof = Buffer.from(match[3]!, "base64");
          const signature = hmac(this.storedKey, authMessage);
          if (proof.length !== signature.length) return refused();
          const clientKey = Buffer.from(proof.map((byte, i) => byte ^ signature[i]!));
          if (!timingSafeEqual(sha256(clientKey), this.storedKey)) return refused();
          const serverSignature = hmac(this.serverKey, authMessage).toString("base64");
          return { kind: "final", data: Buffer.from(`v=${serverSignature}`) };
        }
        return refused();
      },
    };
  }
}

function refused(): ScramAnswer {
  return { kind: "refused" };
}

function hmac(key: Buffer, text: string): Buffer {
  return createHmac("sha256", key).update(text).digest();
}

function sha256(data: Buffer): Buffer {
  return createHash("sha256").update(data).digest();
}
