// Addressee upkeep as the admin list and editor compute it, at a time the test
// chooses: details verified more than 180 days before "now" are flagged with
// the date they were due; addresses two addressees share name the other one.
import { beforeAll, describe, expect, it } from "vitest";
import { getAddresseeUpkeep, listAddressees } from "@/lib/admin/addressees";
import { db } from "@/lib/core/db";
import { resetDatabase } from "../helpers/db";
import { seedLaunchCampaign, staffMember } from "../helpers/factories";

const day = 86_400_000;

describe("addressee upkeep", () => {
  beforeAll(async () => {
    await resetDatabase();
    await seedLaunchCampaign();
  });

  it("flags details not verified for more than 180 days, counted from the clock it is given", async () => {
    const admin = await staffMember("admin");
    const verified = await db().addressee.findUniqueOrThrow({
      where: { key: "ru-president" },
      select: { id: true, lastVerifiedAt: true },
    });
    const dueAt = new Date(verified.lastVerifiedAt.getTime() + 180 * day);
    const at = async (now: Date) =>
      (await listAddressees(admin, now)).find((a) => a.key === "ru-president")!.upkeep.verifyBy;
    expect(await at(new Date(dueAt.getTime()))).toBeNull();
    expect(await at(new Date(dueAt.getTime() + day))).toEqual(dueAt);
    expect((await getAddresseeUpkeep(admin, verified, new Date(dueAt.getTime() - day))).verifyBy).toBeNull();
    expect((await getAddresseeUpkeep(admin, verified, new Date(dueAt.getTime() + day))).verifyBy).toEqual(dueAt);
  });

  it("names the addressees that share an email address, and only those", async () => {
    const admin = await staffMember("admin");
    const list = await listAddressees(admin, new Date("2025-06-01T00:00:00Z"));
    const geneva = list.find((a) => a.key === "ru-mission-un-geneva")!;
    const brussels = list.find((a) => a.key === "ru-embassy-be")!;
    expect(brussels.upkeep.shared).toEqual([
      { email: "mission.russian@vtxnet.ch", with: [{ id: geneva.id, name: geneva.name }] },
    ]);
    expect(geneva.upkeep.shared).toEqual([
      { email: "mission.russian@vtxnet.ch", with: [{ id: brussels.id, name: brussels.name }] },
    ]);
    const others = list.filter((a) => a.id !== geneva.id && a.id !== brussels.id);
    expect(others.flatMap((a) => a.upkeep.shared)).toEqual([]);
    expect((await getAddresseeUpkeep(admin, brussels, new Date("2025-06-01T00:00:00Z"))).shared).toEqual(
      brussels.upkeep.shared,
    );
  });
});
