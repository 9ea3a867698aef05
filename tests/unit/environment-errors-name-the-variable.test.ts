import { describe, expect, it } from "vitest";
import { parseServerEnv } from "@/lib/env";

describe("environment parsing", () => {
  it("accepts a minimal environment and fills the documented defaults", () => {
    const env = parseServerEnv({ DATABASE_URL: "postgresql://app@db.example:5432/campaigns", APP_SECRET: "x".repeat(32) });
    expect(env.DATABASE_POOL_MAX).toBe(10);
    expect(env.PUBLIC_URL).toBe("http://localhost:3000");
    expect(env.TALLY_IN_WEB_PROCESS).toBe(true);
  });

  it("refuses to start without a database, naming the variable", () => {
    expect(() => parseServerEnv({})).toThrow(/DATABASE_URL/);
  });

  it("names every bad variable and what is wrong with it", () => {
    expect(() =>
      parseServerEnv({ DATABASE_URL: "mysql://x@y/z", DATABASE_POOL_MAX: "lots", TALLY_IN_WEB_PROCESS: "maybe" }),
    ).toThrow(/DATABASE_URL: must start with postgres[\s\S]*DATABASE_POOL_MAX[\s\S]*TALLY_IN_WEB_PROCESS/);
  });

  it("treats empty values as unset, as .env files write them", () => {
    const env = parseServerEnv({ DATABASE_URL: "postgres://a@b/c", APP_SECRET: "x".repeat(32), PUBLIC_URL: "" });
    expect(env.PUBLIC_URL).toBe("http://localhost:3000");
  });
});
