// Collect little: an email address typed beside letters the supporter sends
// themselves (their own mail, a PDF, "already sent", a post on X), without
// "the organisers may email me", has no use, so it is not kept at all: no
// contact row, no email to it, no share of its owner's hourly allowance of
// confirmation emails. "Let replies reach me" changes nothing there: replies
// to letters one sends oneself go to one's own mailbox. The answer, from the
// API and from the letter form, is the same whether the address was kept or
// not: only the fresh id (and the running count) differ, so nothing in it
// tells what was stored. Every signature below is made at a fixed time.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { allClients } from "@/lib/core/vocabulary";
import type { SignatureSubmission } from "@/lib/letters/schema";
import { handleLetterForm } from "@/lib/signatures/handle-letter-form";
import { recordSignature } from "@/lib/signatures/record-signature";
import { resetDatabase } from "../helpers/db";
import { seedLaunchCampaign } from "../helpers/factories";
import { postSignature } from "../helpers/signature-api";
import { submissionFor } from "../helpers/submissions";

const signedAt = new Date("2026-03-02T09:30:00Z");
let campaign: Awaited<ReturnType<typeof seedLaunchCampaign>>;

/** What the database holds for a signature besides its counted rows. */
async function heldFor(signatureId: string) {
  return {
    contact: await db().supporterContact.count({ where: { signatureId } }),
    emails: await db().outboxMessage.count({ where: { signatureId } }),
    held: await db().heldConfirmation.count({ where: { signatureId } }),
  };
}

async function sign(overrides: Partial<SignatureSubmission>): Promise<string> {
  const result = await recordSignature(campaign.slug, submissionFor(campaign, overrides), signedAt);
  if (result.outcome !== "recorded") throw new Error(result.outcome);
  return result.signatureId;
}

/** The letter form as a browser posts it (checkboxes "on", unticked ones absent). */
function formOf(submission: SignatureSubmission): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(submission)) {
    if (Array.isArray(value)) for (const item of value) form.append(name, String(item));
    else if (value === true) form.append(name, "on");
    else if (value !== false && value !== undefined) form.append(name, String(value));
  }
  return form;
}

describe("an email address given for nothing", () => {
  beforeAll(async () => {
    await resetDatabase();
    campaign = await seedLaunchCampaign();
  });

  it("is not kept beside letters the supporter sends themselves, even with 'replies reach me', and the signature counts at once", async () => {
    const xOnly = campaign.addressees
      .filter(({ addressee }) => addressee.emails.length === 0)
      .map(({ addressee }) => addressee.id);
    expect(xOnly.length).toBeGreaterThan(0);
    const ids = [
      await sign({ channel: "own_email_client", email: "own.mail@example.org" }),
      await sign({
        channel: "pdf_print",
        email: "printer@example.org",
        replyToMe: true,
        identity: "full",
        name: "Pia Printer",
        city: "Graz",
      }),
      await sign({ channel: "self_reported", email: "already.sent@example.org", replyToMe: true }),
      // "Send them for me" to addressees reachable only on X: no letter for our server, so no use for the address.
      await sign({ channel: "platform_email", consentIdentity: true, email: "x.only@example.org", addressees: xOnly }),
    ];
    for (const signatureId of ids) {
      expect(await heldFor(signatureId)).toEqual({ contact: 0, emails: 0, held: 0 });
      expect(await db().signature.findUniqueOrThrow({ where: { id: signatureId } })).toMatchObject({
        countedAt: signedAt,
        emailHash: null,
      });
    }
    expect(await db().supporterContact.count()).toBe(0);
  });

  it("costs its owner none of their confirmation emails: their own signature right after still gets one at once", async () => {
    const email = "busy.owner@example.org";
    for (let i = 0; i < 6; i++) await sign({ channel: "own_email_client", email });
    const own = await sign({ channel: "platform_email", consentIdentity: true, email });
    expect(await heldFor(own)).toEqual({ contact: 1, emails: 1, held: 0 });
    expect(await db().outboxMessage.findFirstOrThrow({ where: { signatureId: own } })).toMatchObject({
      kind: "address_confirmation",
      status: "queued",
    });
  });

  it("gets the same answer from the API as no address at all, or an address kept to be contacted", async () => {
    const variants: Partial<SignatureSubmission>[] = [
      {},
      { email: "api.nothing@example.org", replyToMe: true },
      { email: "api.contact@example.org", consentContact: true },
    ];
    const answers = [];
    for (const variant of variants) {
      const response = await postSignature(submissionFor(campaign, { channel: "pdf_print", ...variant }));
      expect(response.status).toBe(201);
      answers.push((await response.json()) as { signatureId: string } & Record<string, unknown>);
    }
    const [nothing, forNothing, toBeContacted] = answers.map(({ signatureId: _id, ...rest }) => rest);
    expect(forNothing).toEqual(nothing);
    expect(toBeContacted).toEqual(nothing);
    expect(nothing).toMatchObject({ queued: { platformEmails: 0, awaitingConfirmation: false } });
    // What each stored, though nothing above says so.
    expect(await Promise.all(answers.map((a) => heldFor(a.signatureId)))).toEqual([
      { contact: 0, emails: 0, held: 0 },
      { contact: 0, emails: 0, held: 0 },
      { contact: 1, emails: 1, held: 0 },
    ]);
  });

  it("gets the same thank-you from the letter form as no address at all, or an address kept to be contacted", async () => {
    const variants: Partial<SignatureSubmission>[] = [
      {},
      { email: "form.nothing@example.org" },
      { email: "form.contact@example.org", consentContact: true },
    ];
    const thanks = [];
    for (const variant of variants) {
      const state = await handleLetterForm({
        slug: campaign.slug,
        intent: "send",
        form: formOf(submissionFor(campaign, { channel: "own_email_client", ...variant })),
        client: allClients,
        previous: { values: {}, version: 0 },
        locale: "en",
      });
      expect(state.fieldErrors).toBeUndefined();
      expect(state.message).toBeUndefined();
      thanks.push(state.thankYou!);
    }
    // The running count grows with each signature, and the report token names each one: the rest is alike.
    const [nothing, forNothing, toBeContacted] = thanks.map(
      ({ signatures: _count, sentReportToken: _token, ...rest }) => rest,
    );
    expect(forNothing).toEqual(nothing);
    expect(toBeContacted).toEqual(nothing);
    expect(nothing).toMatchObject({ outcome: "recorded", confirmationQueued: false });
    const contacts = await db().supporterContact.findMany({ select: { consentContact: true } });
    // Only the address given to be contacted is kept (with those of the tests above).
    expect(contacts.filter((c) => c.consentContact)).toHaveLength(2);
    expect(await db().supporterContact.count({ where: { consentContact: false } })).toBe(1);
  });
});
