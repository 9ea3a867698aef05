import "server-only";
import { randomUUID } from "node:crypto";
import { describeProblems, problemsOf } from "@/lib/core/errors";
import { problemTranslator } from "@/lib/i18n/messages";
import { insertStaffAccount, staffAccountByEmail } from "./data";
import { hashPassword } from "./password";
import { newStaffSchema } from "./schema";

export type NewStaffAccount = { email: string; name: string; role: "staff" | "admin"; password: string };

/**
 * Makes a staff or admin account with an email and password (better-auth's
 * "credential" account). Used by `npm run admin:create`; sign-up is closed.
 */
export async function createStaffAccount(
  input: NewStaffAccount,
): Promise<{ outcome: "created"; id: string } | { outcome: "invalid"; problems: string[] } | { outcome: "exists" }> {
  const parsed = newStaffSchema.safeParse(input);
  if (!parsed.success) {
    // In English: the command prints them.
    const described = describeProblems(problemsOf(parsed.error), problemTranslator("en", "staffFormErrors"));
    // A set: the password's rules are checked on their own and again beside the
    // email (not the same as the password), so one broken rule came twice.
    const lines = Object.entries(described).flatMap(([field, texts]) =>
      texts.map((text) => `${field || "input"}: ${text}`),
    );
    return { outcome: "invalid", problems: [...new Set(lines)] };
  }
  const { email, name, role, password } = parsed.data;
  if (await staffAccountByEmail(email)) return { outcome: "exists" };
  const id = randomUUID();
  await insertStaffAccount({
    id,
    accountId: randomUUID(),
    email,
    name,
    role,
    passwordHash: await hashPassword(password),
  });
  return { outcome: "created", id };
}
