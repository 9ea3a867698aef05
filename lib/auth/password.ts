// Staff passwords: Argon2id (OWASP's parameters), at least 12 characters,
// refused when they are among the ~50,000 most common passwords.
import { hash, verify } from "@node-rs/argon2";

// Algorithm.Argon2id; the package exports it as a const enum, which isolated modules cannot read.
const argon2id = 2;
import { dictionary } from "@zxcvbn-ts/language-common";
import type { Problem } from "@/lib/core/errors";
import { problemTranslator, type ProblemCode } from "@/lib/i18n/messages";

export const passwordLength = { min: 12, max: 128 } as const;

let common: Set<string> | undefined;

/** Why this password will not do, as a "staffFormErrors" code, or null when it will. */
export function passwordIssue(
  password: string,
  email?: string,
): (Problem & { code: ProblemCode<"staffFormErrors"> }) | null {
  if (password.length < passwordLength.min) return { code: "passwordTooShort", values: { min: passwordLength.min } };
  if (password.length > passwordLength.max) return { code: "passwordTooLong", values: { max: passwordLength.max } };
  common ??= new Set(dictionary["passwords-common"]);
  const lower = password.toLowerCase();
  if (common.has(lower)) return { code: "passwordCommon" };
  if (email && lower.includes(email.toLowerCase().split("@")[0]!) && email.split("@")[0]!.length >= 4) {
    return { code: "passwordHasEmail" };
  }
  return null;
}

/** The same in English, as `npm run admin:create` prints it. */
export function passwordProblem(password: string, email?: string): string | null {
  const issue = passwordIssue(password, email);
  return issue && problemTranslator("en", "staffFormErrors")(issue.code, issue.values);
}
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
}

export function verifyPassword({ hash: stored, password }: { hash: string; password: string }): Promise<boolean> {
  return verify(stored, password).catch(() => false);
}
