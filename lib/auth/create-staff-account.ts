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
    return {
      outcome: "invalid",
      problems: Object.entries(described).flatMap(([field, texts]) =>
        texts.map((text) => `${field || "input"}: ${text}`),
      ),
    };
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
