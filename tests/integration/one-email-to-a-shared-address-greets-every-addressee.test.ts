// The appeal gives the Geneva mission's address for the Brussels embassy too:
// that address gets one email, and it greets and names both addressees.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { deliverMessage } from "@/lib/delivery/deliver-message";
import { closeMailer } from "@/lib/delivery/mailer";
import { resetDatabase } from "../helpers/db";
import { confirmedPlatformSignature, messageIdsOf, useAsMailServer } from "../helpers/delivery";
import { seedLaunchCampaign } from "../helpers/factories";
import { SmtpSink } from "../helpers/smtp-sink";

const sink = new SmtpSink();
const shared = "mission.russian@vtxnet.ch";
let campaign: Awaited<ReturnType<typeof seedLaunchCampaign>>;

async function deliverAll(signatureId: string) {
  const before = sink.received.length;
  for (const id of await messageIdsOf(signatureId)) expect(await deliverMessage(id)).toBe("sent");
  return sink.received.slice(before).filter((m) => m.envelopeTo.includes(shared));
}

const occurrences = (text: string, part: string) => text.split(part).length - 1;

describe("one email to a shared address", () => {
  beforeAll(async () => {
    await useAsMailServer(sink);
    await resetDatabase();
    campaign = await seedLaunchCampaign();
    // Give the embassy a greeting of its own, so each addressee's can be told apart.
    await db().addressee.update({ where: { key: "ru-embassy-be" }, data: { salutation: "Dear Ambassador," } });
    await db().addresseeTranslation.update({
      where: {
        addresseeId_language: {
          addresseeId: (await db().addressee.findUniqueOrThrow({ where: { key: "ru-embassy-be" } })).id,
          language: "fr",
        },
      },
      data: { salutation: "Monsieur l’Ambassadeur," },
    });
  });
  afterAll(async () => {
    closeMailer();
    await sink.stop();
  });

  it("greets and names every addressee at that address, and carries the letter once", async () => {
    const signatureId = await confirmedPlatformSignature(campaign, {
      body: "{{salutation}}\n\nPlease lift the ban.\n\n{{signer}}",
    });
    const mails = await deliverAll(signatureId);
    expect(mails).toHaveLength(1);
    const text = mails[0]!.parsed.text ?? "";
    expect(text).toContain("Permanent Mission of the Russian Federation to the United Nations Office at Geneva");
    expect(text).toContain("Embassy of the Russian Federation in Brussels, Belgium");
    expect(text).toContain("Excellency,\nDear Ambassador,");
    expect(occurrences(text, "Please lift the ban.")).toBe(1);
    const letters = await db().letter.findMany({ where: { signatureId, channel: "platform_email" } });
    expect(letters.every((l) => l.status === "sent")).toBe(true);
  });

  it("does so in the letter's language", async () => {
    const signatureId = await confirmedPlatformSignature(campaign, {
      language: "fr",
      subject: "Retirez Amnesty International de la liste",
      body: "{{salutation}}\n\nVeuillez lever l’interdiction.\n\n{{signer}}",
    });
    const mails = await deliverAll(signatureId);
    expect(mails).toHaveLength(1);
    const text = mails[0]!.parsed.text ?? "";
    expect(text).toContain(
      "Mission permanente de la Fédération de Russie auprès de l’Office des Nations unies à Genève",
    );
    expect(text).toContain("Ambassade de la Fédération de Russie à Bruxelles, Belgique");
    expect(text).toContain("Excellence,\nMonsieur l’Ambassadeur,");
    expect(occurrences(text, "Veuillez lever l’interdiction.")).toBe(1);
  });

  it("leaves an email to an address of its own as the letter was written", async () => {
    const signatureId = await confirmedPlatformSignature(campaign, {
      body: "{{salutation}}\n\nPlease lift the ban.\n\n{{signer}}",
    });
    const before = sink.received.length;
    for (const id of await messageIdsOf(signatureId)) await deliverMessage(id);
    const lavrov = sink.received.slice(before).find((m) => m.envelopeTo.includes("ministry@mid.ru"))!;
    expect(lavrov.parsed.text?.trim()).toBe("Dear Minister,\n\nPlease lift the ban.\n\nA supporter from Germany");
  });
});
