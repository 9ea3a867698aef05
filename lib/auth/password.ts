// Staff passwords: Argon2id (OWASP's parameters), at least 12 characters,
// refused when they are among the ~50,000 most common passwords.
import { hash, verify } from "@node-rs/argon2";

// Algorithm.Argon2id; the package exports it as a const enum, which isolated modules cannot read.
const argon2id = 2;
import { dictionary } from "@zxcvbn-ts/language-common";

export const passwordLength = { min: 12, max: 128 } as const;

let common: Set<string> | undefined;

/** Why this password will not do, or null when it will. */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < passwordLength.min) return `Use at least ${passwordLength.min} characters.`;
  if (password.length > passwordLength.max) return `Use at most ${passwordLength.max} characters.`;
  common ??= new Set(dictionary["passwords-common"]);
  const lower = password.toLowerCase();
  if (common.has(lower)) return "This password is one of the most common ones; choose another.";
  if (email && lower.includes(email.toLowerCase().split("@")[0]!) && email.split("@")[0]!.length >= 4) {
    return "The password must not contain your email address.";
  }
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
}

export function verifyPassword({ hash: stored, password }: { hash: string; password: string }): Promise<boolean> {
  return verify(stored, password).catch(() => false);
}
