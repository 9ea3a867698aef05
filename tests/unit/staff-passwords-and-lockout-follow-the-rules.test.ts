// Staff passwords: long, not common, hashed with Argon2id. (Sign-in limits:
// tests/integration/staff-sign-in-neither-leaks-nor-locks-out.test.ts.)
import { describe, expect, it } from "vitest";
import { hashPassword, passwordProblem, verifyPassword } from "@/lib/auth/password";
import { spreadsheetSafe } from "@/lib/core/csv";

describe("staff passwords", () => {
  it("refuses short and common passwords and ones made of the email", () => {
    expect(passwordProblem("short")).toBe("Use at least 12 characters.");
    expect(passwordProblem("1q2w3e4r5t6y")).toBe("This password is one of the most common ones; choose another.");
    expect(passwordProblem("qwerty123456")).toBe("This password is one of the most common ones; choose another.");
    expect(passwordProblem("ada.lovelace-2026", "ada.lovelace@example.org")).toBe(
      "The password must not contain your email address.",
    );
    expect(passwordProblem("violet meadow lantern river")).toBeNull();
  });

  it("hashes with Argon2id and verifies", async () => {
    const hash = await hashPassword("violet meadow lantern river");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword({ hash, password: "violet meadow lantern river" })).toBe(true);
    expect(await verifyPassword({ hash, password: "violet meadow lantern rivet" })).toBe(false);
    expect(await verifyPassword({ hash: "not a hash", password: "x" })).toBe(false);
  });
});

describe("CSV cells", () => {
  it("keep spreadsheet formulas as text", () => {
    for (const formula of ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"])
      expect(spreadsheetSafe(formula)).toBe(`'${formula}`);
    expect(spreadsheetSafe("Ana Ruiz")).toBe("Ana Ruiz");
    expect(spreadsheetSafe(42)).toBe("42");
  });
});
