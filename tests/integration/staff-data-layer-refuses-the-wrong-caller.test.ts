// The data layer checks who is calling, whatever the route did: every
// exported function of lib/admin and lib/staff refuses a made-up identity,
// and the admin ones refuse a staff member. The list of modules is read from
// the folders, so a new module cannot be left out.
import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { issueIdentity, type StaffIdentity } from "@/lib/auth/staff-identity";
import { resetDatabase } from "../helpers/db";
import { seedLaunchCampaign, staffMember } from "../helpers/factories";

// Pure helpers with no caller to check (schemas, CSV text, form state).
const pureModules = new Set([
  "addressee-schema.ts",
  "campaign-schema.ts",
  "directory-csv.ts",
  "form-state.ts",
  "csv.ts",
  // Partner-source schema, the closed sets of ?done= codes, and date and address checks: no data, no caller.
  "source-schema.ts",
  "status-codes.ts",
  "upkeep.ts",
]);
// A folder's queries (data.ts): called only by the checked functions beside
// them; the lint rule keeps the database client out of every other file.
const queryModules = new Set(["data.ts"]);
// What staff (read-only) may call; everything else is for admins.
const readOnly = new Set(["getDashboard", "aggregatesCsv"]);

const modules = ["lib/admin", "lib/staff"].flatMap((dir) =>
  readdirSync(path.resolve(dir))
    .filter((file) => file.endsWith(".ts") && !pureModules.has(file) && !queryModules.has(file))
    .map((file) => `${dir}/${file}`),
);

describe("the staff and admin data layer", () => {
  let staff: StaffIdentity;
  beforeAll(async () => {
    await resetDatabase();
    await seedLaunchCampaign();
    staff = await staffMember("staff");
  });

  it("has modules to check", () => {
    expect(modules.length).toBeGreaterThanOrEqual(7);
  });

  it.each(modules)("%s refuses callers without the right role", async (file) => {
    const exports = (await import(`@/${file.replace(/\.ts$/, "")}`)) as Record<string, unknown>;
    const functions = Object.entries(exports).filter(([, value]) => typeof value === "function") as [
      string,
      (...args: unknown[]) => Promise<unknown>,
    ][];
    expect(functions.length).toBeGreaterThan(0);
    // Looks like a staff identity, but no session ever issued it.
    const forged = { id: staff.id, email: staff.email, name: staff.name, role: "admin" } as StaffIdentity;
    for (const [name, fn] of functions) {
      const args = ["00000000-0000-4000-8000-000000000000", {}, [], null];
      await expect(fn(forged, ...args), `${name} with a forged identity`).rejects.toThrow("Sign in to continue.");
      if (!readOnly.has(name))
        await expect(fn(staff, ...args), `${name} as staff`).rejects.toThrow("Only admins may do this.");
    }
  });

  it("lets an issued admin identity through (the check is not refusing everyone)", async () => {
    const { listAddressees } = await import("@/lib/admin/addressees");
    const admin = await staffMember("admin");
    expect((await listAddressees(admin)).length).toBeGreaterThan(0);
    expect(() => issueIdentity({ ...admin })).not.toThrow();
  });
});
