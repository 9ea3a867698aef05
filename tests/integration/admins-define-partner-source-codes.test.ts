// Partner sources as admins keep them: a code per partner and campaign, listed
// with its count; a code that counted signatures cannot be deleted; every
// change is in the audit log; staff members cannot define or delete codes.
import { beforeAll, describe, expect, it } from "vitest";
import { addSource, deleteSource, listSources } from "@/lib/admin/sources";
import { sourceInputSchema } from "@/lib/admin/source-schema";
import { db } from "@/lib/core/db";
import { rollUpTallies } from "@/lib/tallies/roll-up-tallies";
import { resetDatabase } from "../helpers/db";
import { seedLaunchCampaign, staffMember } from "../helpers/factories";
import { postSignature } from "../helpers/signature-api";
import { submissionFor } from "../helpers/submissions";

describe("partner source codes", () => {
  let campaign: Awaited<ReturnType<typeof seedLaunchCampaign>>;
  let campaignId: string;
  beforeAll(async () => {
    await resetDatabase();
    campaign = await seedLaunchCampaign();
    campaignId = campaign.id;
  });

  it("adds a code once, lists it with its count, and deletes it while unused", async () => {
    const admin = await staffMember("admin");
    const input = sourceInputSchema.parse({ campaignId, code: " Amnesty-BE ", label: "Amnesty Belgium newsletter" });
    expect(await addSource(admin, input)).toEqual({ outcome: "added", code: "amnesty-be" });
    expect(await addSource(admin, { ...input, label: "Again" })).toEqual({
      outcome: "invalid",
      problems: { code: [{ code: "sourceCodeTaken", values: { code: "amnesty-be" } }] },
    });
    const listed = (await listSources(admin)).find((c) => c.id === campaignId)!;
    expect(listed.sources).toEqual([{ code: "amnesty-be", label: "Amnesty Belgium newsletter", signatures: 0 }]);

    expect(await deleteSource(admin, campaignId, "amnesty-be")).toEqual({ outcome: "deleted" });
    expect(await deleteSource(admin, campaignId, "amnesty-be")).toEqual({ outcome: "not_found" });
    const audit = await db().auditEntry.findMany({
      where: { entity: "campaign_source", actorId: admin.id },
      orderBy: { at: "asc" },
      select: { action: true, before: true, after: true },
    });
    expect(audit).toEqual([
      { action: "source.create", before: null, after: { code: "amnesty-be", label: "Amnesty Belgium newsletter" } },
      {
        action: "source.delete",
        before: { code: "amnesty-be", label: "Amnesty Belgium newsletter" },
        after: null,
      },
    ]);
  });

  it("keeps a code that has counted signatures, still pending or rolled up, and lists their number", async () => {
    const admin = await staffMember("admin");
    await addSource(admin, { campaignId, code: "fidh", label: "FIDH mailing" });
    for (let i = 0; i < 3; i++)
      expect((await postSignature(submissionFor(campaign, { source: "fidh" } as never))).status).toBe(201);
    // Pending: the roll-up has not run.
    expect(await deleteSource(admin, campaignId, "fidh")).toEqual({ outcome: "in_use" });
    await rollUpTallies();
    expect(await deleteSource(admin, campaignId, "fidh")).toEqual({ outcome: "in_use" });
    expect(await db().campaignSource.count({ where: { campaignId, code: "fidh" } })).toBe(1);
    const listed = (await listSources(admin)).find((c) => c.id === campaignId)!;
    expect(listed.sources).toEqual([{ code: "fidh", label: "FIDH mailing", signatures: 3 }]);
  });

  it("refuses staff members who are not admins", async () => {
    const staff = await staffMember("staff");
    await expect(listSources(staff)).rejects.toThrow();
    await expect(addSource(staff, { campaignId, code: "x", label: "X" })).rejects.toThrow();
    await expect(deleteSource(staff, campaignId, "fidh")).rejects.toThrow();
    expect(await db().campaignSource.count({ where: { campaignId, code: "x" } })).toBe(0);
  });
});
