import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { apiErrorCodes } from "@/lib/core/errors";
import { apiErrorStatus } from "@/lib/http/json";
import { buildOpenApiDocument } from "@/lib/http/openapi";

/** "/api/campaigns/{slug}" for every app/api/**\/route.ts except the document itself. */
function apiRoutes(dir = "app/api"): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return apiRoutes(full);
    if (entry !== "route.ts") return [];
    return [
      "/" +
        path
          .dirname(full)
          .replace(/^app\//, "")
          .replace(/\[(\w+)\]/g, "{$1}"),
    ];
  });
}

describe("the OpenAPI document", () => {
  it("describes every public API route", () => {
    const documented = Object.keys(buildOpenApiDocument().paths).sort();
    const routes = apiRoutes()
      .filter((r) => r !== "/api/openapi.json")
      .sort();
    expect(documented).toEqual(routes);
  });

  it("gives each response a schema from the components", () => {
    const document = buildOpenApiDocument();
    expect(Object.keys(document.components.schemas)).toEqual([
      "CampaignSummary",
      "Campaign",
      "CampaignTotals",
      "SignatureSubmission",
      "SignatureAnswer",
      "Error",
    ]);
    expect(document.components.schemas.Campaign).toMatchObject({ type: "object" });
  });

  it("says that a signature through the API needs a proof of work", () => {
    const submission = buildOpenApiDocument().components.schemas.SignatureSubmission as { required: string[] };
    expect(submission.required).toEqual(expect.arrayContaining(["addressees", "channel", "altcha"]));
  });

  it("lists exactly the error codes the API answers, each with its status", () => {
    type ErrorSchema = { properties: { error: { properties: { code: { enum: string[] } } } } };
    const documented = (buildOpenApiDocument().components.schemas.Error as unknown as ErrorSchema).properties.error
      .properties.code.enum;
    expect([...documented].sort()).toEqual([...apiErrorCodes].sort());
    expect(Object.keys(apiErrorStatus).sort()).toEqual([...apiErrorCodes].sort());
  });

  it("docs/API.md lists each error code with the status the API answers", () => {
    const rows = [...readFileSync("docs/API.md", "utf8").matchAll(/^\|\s*(\d{3})\s*\|\s*`([a-z_]+)`/gm)];
    expect(Object.fromEntries(rows.map(([, status, code]) => [code, Number(status)]))).toEqual(apiErrorStatus);
  });
});
