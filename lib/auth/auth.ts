import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { twoFactor } from "better-auth/plugins/two-factor";
import { db } from "@/lib/core/db";
import { env } from "@/lib/core/env";
import { publicOrigins } from "@/lib/core/origins";
import { keyFor, keyId } from "@/lib/privacy/keys";
import { hashPassword, passwordLength, verifyPassword } from "./password";

/** A stable version number for a key: from its public key id. */
const versionOf = (key: Buffer) => keyId(key).readUInt32BE(0) >>> 4;

/** better-auth's secrets, current first; the previous one during a rotation. */
export function staffAuthSecrets(): { version: number; value: string }[] {
  const ring = keyFor("staff-auth");
  return [ring.current, ring.previous]
    .filter((key): key is Buffer => key !== null)
    .map((key) => ({ version: versionOf(key), value: key.toString("hex") }));
}

/** What opens values sealed before versioned secrets: the secret of that time (the previous one after a rotation). */
export function staffAuthLegacySecret(): string {
  const ring = keyFor("staff-auth");
  return (ring.previous ?? ring.current).toString("hex");
}

function createAuth() {
  const publicUrl = env().PUBLIC_URL;
  // Over HTTPS every auth cookie is __Host- (Secure, Path=/, no Domain: bound
  // to this exact host). Plain http is only for a laptop on localhost.
  const secure = publicUrl.startsWith("https://");
  return betterAuth({
    appName: "Letter campaigns",
    baseURL: publicUrl,
    basePath: "/api/auth",
    // Versioned secrets: two-factor secrets and backup codes are stored in an
    // envelope naming the secret's version, so during an APP_SECRET rotation
    // the previous one still opens them until the re-encryption job has
    // rewritten them (rewriteStaffSecrets). `secret` opens what was stored
    // before envelopes (under the secret of that time).
    secrets: staffAuthSecrets(),
    secret: staffAuthLegacySecret(),
    database: prismaAdapter(db(), { provider: "postgresql" }),
    user: {
      modelName: "staffUser",
      additionalFields: {
        role: { type: "string", required: false, defaultValue: "staff", input: false },
      },
    },
    session: {
      modelName: "staffSession",
      expiresIn: 8 * 3600,
      updateAge: 3600,
      // No cookie cache: a role taken away or a session revoked counts at once.
      cookieCache: { enabled: false },
    },
    account: { modelName: "staffAccount" },
    verification: { modelName: "staffVerification" },
    emailAndPassword: {
      enabled: true,
      // Accounts are made by admins (npm run admin:create), never by sign-up.
      disableSignUp: true,
      minPasswordLength: passwordLength.min,
      maxPasswordLength: passwordLength.max,
      password: { hash: hashPassword, verify: verifyPassword },
    },
    plugins: [
      twoFactor({ issuer: "Letter campaigns", schema: { twoFactor: { modelName: "staffTwoFactor" } } }),
      nextCookies(),
    ],
    advanced: {
      cookiePrefix: secure ? "__Host-lc" : "lc",
      useSecureCookies: false,
      defaultCookieAttributes: { secure, httpOnly: true, sameSite: "lax", path: "/" },
      // No raw IP address is stored anywhere (sessions included).
      ipAddress: { disableIpTracking: true },
    },
    // Our own limits (lib/auth/sign-in.ts): per account with backoff, and per client.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    // Its warnings say "User not found" or "Invalid password": a log reader
    // would learn which staff emails exist. Errors only.
    logger: { level: "error" },
    // Staff may sign in on any of our origins (the onion included).
    trustedOrigins: publicOrigins().map((o) => o.origin),
  });
}

let instance: ReturnType<typeof createAuth> | undefined;

/** The better-auth instance (created on first use, after the environment is read). */
export function auth() {
  instance ??= createAuth();
  return instance;
}
