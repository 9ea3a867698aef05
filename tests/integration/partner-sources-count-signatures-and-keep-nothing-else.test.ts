// Issue 15, partner attribution: a signature that came by ?source=CODE counts
// for that partner, once the signature itself counts, and nothing but the
// number per code is kept. Unknown or malformed codes change nothing, not even
// the answer. The code a signature waits with (until its address is
// confirmed) is forgotten at confirmation.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { allClients } from "@/lib/core/vocabulary";
import { decryptText } from "@/lib/privacy/encryption";
import { confirmSupporterEmail } from "@/lib/signatures/confirm-supporter-email";
import { handleLetterForm } from "@/lib/signatures/handle-letter-form";
import { countRows, resetDatabase } from "../helpers/db";
import { partnerCounts, seedLaunchCampaign } from "../helpers/factories";
import { postSignature } from "../helpers/signature-api";
import { submissionFor } from "../helpers/submissions";

type Campaign = Awaited<ReturnType<typeof seedLaunchCampaign>>;
let campaign: Campaign;

/** The counts per code as staff see them, codes in order. */
const countsByCode = async () =>
  Object.fromEntries(Object.entries(await partnerCounts(campaign.slug)).sort(([a], [b]) => a.localeCompare(b)));

/** The confirmation link's token from the queued email, as the supporter would click it. */
async function confirmationToken(signatureId: string): Promise<string> {
  const outbox = await db().outboxMessage.findFirstOrThrow({ where: { signatureId, kind: "address_confirmation" } });
  const text = decryptText(outbox.textEncrypted, { table: "OutboxMessage", column: "textEncrypted", row: outbox.id });
  const link = text.match(/https?:\/\/\S+\/confirm\?token=\S+/)![0];
  return decodeURIComponent(new URL(link).searchParams.get("token")!);
}

const signedBody = async (response: Response) => {
  expect(response.status).toBe(201);
  const body = await response.json();
  return body as { signatureId: string; letters: unknown[] };
};

describe("partner sources", () => {
  beforeAll(async () => {
    await resetDatabase();
    campaign = await seedLaunchCampaign();
    await db().campaignSource.createMany({
      data: [
        { campaignId: campaign.id, code: "amnesty-be", label: "Amnesty Belgium newsletter" },
        { campaignId: campaign.id, code: "fidh-news", label: "FIDH news" },
      ],
    });
  });

  it("counts a signature that counts at once for its code, exactly, and ignores unknown or malformed codes", async () => {
    const answers = [];
    for (const source of ["amnesty-be", "amnesty-be", "fidh-news", "amnesty-be", "unknown-code", "BAD CODE!", 42])
      answers.push(await signedBody(await postSignature(submissionFor(campaign, { source } as never))));
    answers.push(await signedBody(await postSignature(submissionFor(campaign))));
    // The same answer whatever the code: only the fresh id differs.
    const shapes = answers.map(({ signatureId: _id, ...rest }) => JSON.stringify(rest));
    expect(new Set(shapes).size).toBe(1);
    expect(await countsByCode()).toEqual({ "amnesty-be": 3, "fidh-news": 1 });
    // Nothing ties a signature to a code.
    expect(await countRows(`SELECT count(*) AS n FROM "SupporterContact" WHERE "sourceCode" IS NOT NULL`)).toBe(0);
  });

  it("carries the code from the letter form's hidden field", async () => {
    const form = new FormData();
    const fields = { ...submissionFor(campaign, { channel: "own_email_client" }), source: "fidh-news" };
    for (const [name, value] of Object.entries(fields)) {
      if (Array.isArray(value)) for (const item of value) form.append(name, String(item));
      else if (value === true) form.append(name, "on");
      else if (value !== false && value !== undefined) form.append(name, String(value));
    }
    const state = await handleLetterForm({
      slug: campaign.slug,
      intent: "send",
      form,
      client: allClients,
      previous: { values: {}, version: 0 },
      locale: "en",
    });
    expect(state.thankYou?.outcome).toBe("recorded");
    expect(await countsByCode()).toEqual({ "amnesty-be": 3, "fidh-news": 2 });
  });

  it("waits with the code until the address is confirmed, then counts it and forgets it", async () => {
    const platform = (email: string, source: string) =>
      postSignature(
        submissionFor(campaign, { channel: "platform_email", email, consentIdentity: true, source } as never),
      );
    const waiting = await signedBody(await platform("ines.garcia@example.org", "amnesty-be"));
    const unknown = await signedBody(await platform("tom.berg@example.org", "no-such-partner"));
    expect(await countsByCode()).toEqual({ "amnesty-be": 3, "fidh-news": 2 });
    const contact = (signatureId: string) =>
      db().supporterContact.findUniqueOrThrow({ where: { signatureId }, select: { sourceCode: true } });
    expect((await contact(waiting.signatureId)).sourceCode).toBe("amnesty-be");
    expect((await contact(unknown.signatureId)).sourceCode).toBeNull();

    expect((await confirmSupporterEmail(await confirmationToken(waiting.signatureId))).outcome).toBe("confirmed");
    expect((await confirmSupporterEmail(await confirmationToken(unknown.signatureId))).outcome).toBe("confirmed");
    expect(await countsByCode()).toEqual({ "amnesty-be": 4, "fidh-news": 2 });
    expect(await countRows(`SELECT count(*) AS n FROM "SupporterContact" WHERE "sourceCode" IS NOT NULL`)).toBe(0);

    // The same address signing again does not count again, for the partner either.
    const again = await signedBody(await platform("ines.garcia@example.org", "amnesty-be"));
    expect((await confirmSupporterEmail(await confirmationToken(again.signatureId))).outcome).toBe("already_signed");
    expect(await countsByCode()).toEqual({ "amnesty-be": 4, "fidh-news": 2 });
    expect(await countRows(`SELECT count(*) AS n FROM "SupporterContact" WHERE "sourceCode" IS NOT NULL`)).toBe(0);
  });
});
