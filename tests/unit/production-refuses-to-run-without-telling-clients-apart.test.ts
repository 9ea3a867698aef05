// In production the web server stops at start, naming the setting, when it
// cannot tell clients apart (every visitor would share one signing limit).
import { describe, expect, it } from "vitest";
import { parseServerEnv, productionProblems } from "@/lib/core/env";
import { privacyFacts } from "@/lib/privacy/privacy-facts";

const base = { DATABASE_URL: "postgresql://u@h/d", APP_SECRET: "x".repeat(40) };

describe("production settings", () => {
  it("refuse to run without CLIENT_IP_HEADER, and say how to set it", () => {
    const problems = productionProblems(parseServerEnv({ ...base, NODE_ENV: "production" }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^CLIENT_IP_HEADER is not set\. .*x-real-ip with deploy\/Caddyfile.*or to none/);
  });

  it("accept a header, or none said explicitly, and do not bother development", () => {
    expect(
      productionProblems(parseServerEnv({ ...base, NODE_ENV: "production", CLIENT_IP_HEADER: "x-real-ip" })),
    ).toEqual([]);
    expect(productionProblems(parseServerEnv({ ...base, NODE_ENV: "production", CLIENT_IP_HEADER: "none" }))).toEqual(
      [],
    );
    expect(productionProblems(parseServerEnv({ ...base, NODE_ENV: "development" }))).toEqual([]);
  });

  it("never claim per-client limits on the privacy page when clients share one", () => {
    expect(privacyFacts(parseServerEnv({ ...base, CLIENT_IP_HEADER: "none" })).perClientLimits).toBe(false);
    expect(privacyFacts(parseServerEnv({ ...base, CLIENT_IP_HEADER: "x-real-ip" })).perClientLimits).toBe(true);
  });
});
