// Staff sign-in as an attacker would try it: guesses in parallel, an email
// that may or may not have an account, and an admin they want locked out.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createStaffAccount } from "@/lib/auth/create-staff-account";
import { signInStaff, type SignInResult } from "@/lib/auth/sign-in";
import { db } from "@/lib/core/db";
import { resetDatabase } from "../helpers/db";

const password = "a long unusual passphrase 42";
const anywhere = { client: "all-clients" };

async function account(): Promise<{ id: string; email: string }> {
  const email = `staff-${randomUUID().slice(0, 8)}@campaigns.example`;
  const made = await createStaffAccount({ email, name: "Sam Staff", role: "admin", password });
  if (made.outcome !== "created") throw new Error(JSON.stringify(made));
  return { id: made.id, email };
}

function attempt(email: string, guess: string, cookie?: string): Promise<SignInResult> {
  return signInStaff({ email, password: guess }, { ...anywhere, headers: new Headers(cookie ? { cookie } : {}) });
}

const outcome = (result: SignInResult) => result.outcome;

describe("staff sign-in", () => {
  beforeAll(async () => {
    await resetDatabase();
  });

  it("checks five of 40 parallel wrong passwords and refuses the other 35 before checking", async () => {
    const { email } = await account();
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt(email, `wrong guess number ${i}`)));
    const outcomes = results.map(outcome);
    expect(outcomes.filter((o) => o === "invalid")).toHaveLength(5);
    expect(outcomes.filter((o) => o === "locked")).toHaveLength(35);
    // Before issue 13 all 40 were checked and the failure count rose by 2 (read, then written back).
    console.log(
      `[lockout] 40 parallel wrong passwords: ${outcomes.filter((o) => o === "invalid").length} checked, ${outcomes.filter((o) => o === "locked").length} refused before any check`,
    );
    // Locked means locked for this browser, the right password included.
    expect(outcome(await attempt(email, password))).toBe("locked");
  });

  it("answers for an email without an account exactly as for a real account", async () => {
    const { email: known } = await account();
    const unknown = `nobody-${randomUUID().slice(0, 8)}@campaigns.example`;
    const tryAll = async (email: string) => {
      const seen: string[] = [];
      for (let i = 0; i < 7; i++) {
        const result = await attempt(email, `wrong guess ${i}`);
        seen.push(
          result.outcome === "locked" ? `locked ~${Math.round(result.retryAfterSeconds / 60)} min` : result.outcome,
        );
      }
      return seen;
    };
    const forKnown = await tryAll(known);
    const forUnknown = await tryAll(unknown);
    expect(forKnown).toEqual([
      "invalid",
      "invalid",
      "invalid",
      "invalid",
      "invalid",
      "locked ~15 min",
      "locked ~15 min",
    ]);
    expect(forUnknown).toEqual(forKnown);
  });

  it("never locks out an admin on a browser they signed in from, and logs sign-ins and the lockout", async () => {
    const admin = await account();
    const first = await attempt(admin.email, password);
    expect(first.outcome).toBe("signed_in");
    if (first.outcome !== "signed_in") return;
    const deviceCookie = `${first.deviceCookie.name}=${encodeURIComponent(first.deviceCookie.value)}`;

    // Someone elsewhere guesses until the account is locked for new browsers.
    await Promise.all(Array.from({ length: 20 }, (_, i) => attempt(admin.email, `attacker guess ${i}`)));
    expect(outcome(await attempt(admin.email, password))).toBe("locked");
    // The admin's own browser still signs in; another account's cookie does not help.
    expect(outcome(await attempt(admin.email, password, deviceCookie))).toBe("signed_in");
    const other = await account();
    expect(outcome(await attempt(other.email, "wrong", deviceCookie))).toBe("invalid");
    expect(outcome(await attempt(admin.email, password, `${first.deviceCookie.name}=forged.value`))).toBe("locked");

    const audit = await db().auditEntry.findMany({
      where: { entityId: admin.id },
      orderBy: { at: "asc" },
      select: { action: true, actorEmail: true },
    });
    expect(audit.map((a) => a.action)).toEqual(["staff.sign_in", "staff.sign_in_locked", "staff.sign_in"]);
    expect(audit.every((a) => a.actorEmail === admin.email)).toBe(true);
  });

  it("gives a right password's guess back, so signing in does not bring a lockout nearer", async () => {
    const { email } = await account();
    const outcomes: string[] = [];
    for (let i = 0; i < 4; i++) outcomes.push(outcome(await attempt(email, `typo ${i}`)));
    for (let i = 0; i < 3; i++) outcomes.push(outcome(await attempt(email, password)));
    outcomes.push(outcome(await attempt(email, "one more typo")));
    expect(outcomes).toEqual([
      "invalid",
      "invalid",
      "invalid",
      "invalid",
      "signed_in",
      "signed_in",
      "signed_in",
      "invalid",
    ]);
  });
});
