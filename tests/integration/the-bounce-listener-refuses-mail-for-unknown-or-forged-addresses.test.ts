// The bounce listener is no open relay and no spam target: it takes mail only
// for a bounces+<token>@ address whose token we made and whose message we
// sent; anything else is refused at RCPT TO with 550, before any data.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BounceListener } from "@/lib/bounces/bounce-listener";
import { db } from "@/lib/core/db";
import { returnPathAddress } from "@/lib/delivery/return-path";
import { deliveryReport, listenForBounces, refusalCode } from "../helpers/bounces";
import { resetDatabase } from "../helpers/db";
import { confirmedPlatformSignature } from "../helpers/delivery";
import { seedLaunchCampaign } from "../helpers/factories";

process.env.MAIL_RETURN_PATH_DOMAIN = "campaigns.example";

let listener: BounceListener;

describe("the bounce listener", () => {
  beforeAll(async () => {
    await resetDatabase();
    listener = await listenForBounces();
  });
  afterAll(async () => {
    await listener.close();
  });

  it("refuses unknown, forged and foreign recipients at RCPT TO, and records nothing", async () => {
    const campaign = await seedLaunchCampaign();
    const signatureId = await confirmedPlatformSignature(campaign);
    const message = await db().deliveryMessage.findFirstOrThrow({ where: { signatureId } });
    const real = returnPathAddress({ kind: "delivery", id: message.id });
    const [local, domain] = real.split("@") as [string, string];
    const forgedMac = `${local.slice(0, -20)}${"0".repeat(20)}@${domain}`;
    const otherMessage = returnPathAddress({ kind: "delivery", id: "00000000-0000-4000-8000-000000000000" });
    const report = (to: string) => deliveryReport({ returnPath: to, recipient: message.toAddress, status: "5.1.1" });

    for (const to of [
      forgedMac,
      // A well-made token for a message that does not exist.
      otherMessage,
      // Our token under another domain: we relay nothing.
      `${local}@elsewhere.example`,
      `postmaster@${domain}`,
      "someone@example.org",
    ]) {
      expect(await refusalCode(listener, to, report(to)), to).toBe(550);
    }
    expect(await db().deliveryMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({
      outcome: null,
      status: message.status,
    });
    expect(await db().mailAddressHealth.count()).toBe(0);

    // The real address is taken.
    expect(await refusalCode(listener, real, report(real))).toBeNull();
  });

  it("refuses a report larger than it takes", async () => {
    const campaign = await seedLaunchCampaign();
    const signatureId = await confirmedPlatformSignature(campaign);
    const message = await db().deliveryMessage.findFirstOrThrow({ where: { signatureId } });
    const to = returnPathAddress({ kind: "delivery", id: message.id });
    const huge = deliveryReport({ returnPath: to, recipient: message.toAddress, status: "5.1.1" }).replace(
      "The letter's text",
      "x".repeat(5 * 1024 * 1024),
    );
    expect(await refusalCode(listener, to, huge)).toBe(552);
    expect((await db().deliveryMessage.findUniqueOrThrow({ where: { id: message.id } })).outcome).toBeNull();
  });
});
