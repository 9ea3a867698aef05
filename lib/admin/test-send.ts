import "server-only";
// "Send me what the addressee would get": a campaign's letter to one of its
// addressees, in one language, composed exactly as a supporter's (a sample
// supporter, a fixed seed or a chosen variant), made into the email our
// server would send (lib/delivery/letter-mail.ts), and sent through the real
// mailer to the signed-in admin only. Marked as a test in the subject and a
// header; no letter, signature or tally row is written, so nothing counts.
import { randomUUID } from "node:crypto";
import { assertRole, type StaffIdentity } from "@/lib/auth/staff-identity";
import { env } from "@/lib/core/env";
import { letterMail } from "@/lib/delivery/letter-mail";
import { mailDomain } from "@/lib/core/mail-settings";
import { sendMail } from "@/lib/delivery/mailer";
import { composeLetter } from "@/lib/letters/compose-letters";
import { getLetterBuilders, type LetterBuilder } from "@/lib/letters/get-letter-builder";
import { textForSharedAddress } from "@/lib/letters/shared-address";
import { drawVariant, variantTexts, type LetterVariants } from "@/lib/letters/variants";
import { recordAudit } from "./audit";
import { findCampaignForEdit } from "./data";

/** The seed a test letter draws with unless a variant is chosen: the same test, the same letter. */
export const testSendSeed = "admin-test-send-seed";

/** Which variant to send: "auto" draws with testSendSeed; a number picks that one (subject 0 is the template's own). */
export type VariantChoice = "auto" | number;

export type TestSendRequest = {
  campaignId: string;
  addresseeId: string;
  language: string;
  subject: VariantChoice;
  opening: VariantChoice;
  closing: VariantChoice;
  /** "[TEST]" in the admin's interface language. */
  subjectPrefix: string;
  /** The sample supporter's name, in the admin's interface language. */
  sampleName: string;
};

export type TestSendResult =
  | { outcome: "sent"; to: string; subject: string }
  | { outcome: "not_found" }
  | { outcome: "no_email" }
  | { outcome: "failed"; reason: string };

/** The campaign's builders in each letter language, for the test-send page; null when it is not public or unknown. */
export async function testSendOptions(
  actor: StaffIdentity,
  campaignId: string,
): Promise<{ slug: string; builders: Record<string, LetterBuilder> } | null> {
  assertRole(actor, "admin");
  const row = await findCampaignForEdit(campaignId);
  if (!row) return null;
  const builders = await getLetterBuilders(row.slug);
  return builders ? { slug: row.slug, builders: builders.byLanguage } : null;
}

/** The variants with the chosen ones fixed: a list of one where a choice was made. */
function chosenVariants(
  variants: LetterVariants,
  request: TestSendRequest,
  addresseeId: string,
): { variants: LetterVariants; subject: string } {
  const drawn = drawVariant(variants, testSendSeed, addresseeId, request.language);
  const pick = (choice: VariantChoice, auto: number, count: number) =>
    choice === "auto" || choice < 0 || choice >= count ? auto : choice;
  const texts = variantTexts(variants, {
    subject: pick(request.subject, drawn.subject, 1 + variants.subjectVariants.length),
    opening: pick(request.opening, drawn.opening, variants.openingVariants.length),
    closing: pick(request.closing, drawn.closing, variants.closingVariants.length),
  });
  return {
    subject: texts.subject,
    variants: {
      subject: texts.subject,
      body: variants.body,
      subjectVariants: [],
      openingVariants: texts.opening ? [texts.opening] : [],
      closingVariants: texts.closing ? [texts.closing] : [],
    },
  };
}

/** Sends the test letter to the admin's own address, and writes the audit line either way. */
export async function sendTestLetter(
  actor: StaffIdentity,
  request: TestSendRequest,
  now = new Date(),
): Promise<TestSendResult> {
  assertRole(actor, "admin");
  const options = await testSendOptions(actor, request.campaignId);
  const builder =
    options && Object.hasOwn(options.builders, request.language) ? options.builders[request.language]! : null;
  const addressee = builder?.addressees.find((a) => a.id === request.addresseeId);
  if (!builder || !addressee) return { outcome: "not_found" };
  if (addressee.emails.length === 0) return { outcome: "no_email" };

  const chosen = chosenVariants(builder.template.variants, request, addressee.id);
  // A sample supporter who signs with name and country, as many do.
  const draft = {
    subject: chosen.subject,
    body: builder.template.body,
    language: builder.language,
    identity: "name_country" as const,
    name: request.sampleName,
    country: "FR",
    seed: testSendSeed,
  };
  const letter = composeLetter(addressee, draft, now, chosen.variants);
  const settings = env();
  const subject = `${request.subjectPrefix} ${letter.subject}`;
  const mail = letterMail({
    campaignSender: { name: settings.MAIL_FROM_NAME, address: settings.MAIL_FROM_ADDRESS },
    // Never the addressee: the admin who asked, at the address they sign in with.
    addressee: { name: actor.name, address: actor.email },
    identity: draft.identity,
    supporterName: draft.name,
    supporterCountry: draft.country,
    language: builder.language,
    subject,
    text: textForSharedAddress([{ addresseeName: addressee.name, text: letter.text }]),
    // Not one of the delivery's ids: a bounce of a test names no letter.
    messageId: `<test-${randomUUID()}@${mailDomain()}>`,
  });
  const outcome = await sendMail({ ...mail, headers: { ...mail.headers, "X-Campaign-Test": "yes" } });
  await recordAudit(actor, {
    action: "test_send",
    entity: "campaign",
    entityId: request.campaignId,
    after: {
      addresseeId: addressee.id,
      language: builder.language,
      subject: letter.subject,
      accepted: outcome.accepted,
    },
  });
  return outcome.accepted
    ? { outcome: "sent", to: actor.email, subject }
    : { outcome: "failed", reason: outcome.reason };
}
