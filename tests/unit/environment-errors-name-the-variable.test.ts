import { describe, expect, it } from "vitest";
import { parseServerEnv } from "@/lib/core/env";

describe("environment parsing", () => {
  it("accepts a minimal environment and fills the documented defaults", () => {
    const env = parseServerEnv({
      DATABASE_URL: "postgresql://app@db.example:5432/campaigns",
      APP_SECRET: "x".repeat(32),
    });
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

  it("lets the embed route be framed by any HTTPS site, none, or named origins, and nothing else", () => {
    const base = { DATABASE_URL: "postgres://a@b/c", APP_SECRET: "x".repeat(32) };
    expect(parseServerEnv(base).EMBED_FRAME_ANCESTORS).toBe("https:");
    expect(
      parseServerEnv({ ...base, EMBED_FRAME_ANCESTORS: "https://www.fidh.org https://www.omct.org" })
        .EMBED_FRAME_ANCESTORS,
    ).toBe("https://www.fidh.org https://www.omct.org");
    expect(parseServerEnv({ ...base, EMBED_FRAME_ANCESTORS: "none" }).EMBED_FRAME_ANCESTORS).toBe("none");
    // A source list is CSP syntax: a stray keyword or a plain-http site would widen it.
    for (const bad of ["*", "http://partner.example", "https://a.example; script-src *", "'self' https:"]) {
      expect(() => parseServerEnv({ ...base, EMBED_FRAME_ANCESTORS: bad }), bad).toThrow(
        /EMBED_FRAME_ANCESTORS: must be "https:", "none" or HTTPS origins/,
      );
    }
  });
});
