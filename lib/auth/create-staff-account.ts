import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/core/db";
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
  if (!parsed.success)
    return {
      outcome: "invalid",
      problems: parsed.error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`),
    };
  const { email, name, role, password } = parsed.data;
  if (await db().staffUser.findUnique({ where: { email }, select: { id: true } })) return { outcome: "exists" };
  const id = randomUUID();
  const hashed = await hashPassword(password);
  await db().$transaction([
    db().staffUser.create({ data: { id, email, name, role, emailVerified: true } }),
    db().staffAccount.create({
      data: { id: randomUUID(), accountId: id, providerId: "credential", userId: id, password: hashed },
    }),
  ]);
  return { outcome: "created", id };
}
