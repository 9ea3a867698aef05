// The largest body anyone may send is maxRequestBodyBytes
// (lib/core/vocabulary.ts): the API's reader and the proxy import it; the
// server actions' limit in next.config.ts is a string the config needs
// written out, so it is checked here.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { maxRequestBodyBytes } from "@/lib/core/vocabulary";
import nextConfig from "@/next.config";

describe("the body size limit", () => {
  it("is the same number for server actions, the API and the proxy", () => {
    expect(nextConfig.experimental?.serverActions?.bodySizeLimit).toBe(`${maxRequestBodyBytes / 1024}kb`);
    for (const file of ["proxy.ts", "lib/http/read-body.ts"]) {
      const source = readFileSync(file, "utf8");
      expect(source, file).toContain("maxRequestBodyBytes");
      expect(source, file).not.toMatch(/64 \* 1024/);
    }
  });
});
