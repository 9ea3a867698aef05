// zod 4.6 runs its size checks on any value that has a "length", even after
// refusing the value's type: {"length": {"toString": 0}} in a JSON body made
// the signing schema throw (a 500) instead of naming the problem. The body
// reader drops such a length, so the schema refuses the field as it should.
import { describe, expect, it } from "vitest";
import { readBody } from "@/lib/http/read-body";
import { signatureSubmissionSchema } from "@/lib/letters/schema";

const jsonRequest = (body: string) =>
  new Request("http://localhost/api/campaigns/x/signatures", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
  });

describe("a JSON body with a forged length", () => {
  it("reaches the schema without the forged length, and the schema refuses the field", async () => {
    const body = await readBody(jsonRequest('{"name": {"length": {"toString": 0}}, "city": "Porto"}'), []);
    expect(body.ok).toBe(true);
    if (!body.ok) return;
    expect(body.value).toEqual({ name: {}, city: "Porto" });
    const parsed = signatureSubmissionSchema.safeParse(body.value);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.some((issue) => issue.path[0] === "name")).toBe(true);
  });

  it("keeps a numeric length and every other field as sent", async () => {
    const body = await readBody(jsonRequest('{"letter": {"length": 3}, "addressees": ["a", "b"]}'), []);
    expect(body.ok && body.value).toEqual({ letter: { length: 3 }, addressees: ["a", "b"] });
  });
});
