// Factories for test data, written through the app's own client.
import { randomUUID } from "node:crypto";
import type { LetterChannel } from "@/generated/prisma/client";
import { createStaffAccount } from "@/lib/auth/create-staff-account";
import { issueIdentity } from "@/lib/auth/staff-identity";
import { launchCampaign } from "@/lib/campaigns/launch-campaign";
import { seedCampaign, type CampaignSeed } from "@/lib/campaigns/seed-campaign";
import { db } from "@/lib/core/db";

export async function seedLaunchCampaign() {
  await seedCampaign(launchCampaign);
  return db().campaign.findUniqueOrThrow({
    where: { slug: launchCampaign.slug },
    include: { addressees: { include: { addressee: true }, orderBy: { position: "asc" } } },
  });
}

/** A small campaign, different from the launch one in every field that matters. */
export function campaignSeed(overrides: Partial<CampaignSeed> = {}): CampaignSeed {
  const slug = overrides.slug ?? `test-campaign-${randomUUID().slice(0, 8)}`;
  return {
    slug,
    status: "open",
    organiser: "Test organiser",
    languages: ["en"],
    translations: {
      en: {
        title: `Title of ${slug}`,
        summary: "Summary.",
        context: "First.\n\nSecond.",
        whyItMatters: "Because.",
        safetyNotice: "Be careful.",
      },
    },
    demands: [{ en: "Only demand." }],
    addressees: [
      {
        key: `${slug}-official`,
        name: "An Official",
        role: "Minister",
        kind: "official",
        emails: ["official@example.org"],
        lastVerifiedOn: "2026-01-01",
      },
    ],
    templates: { en: { subject: "Subject", body: "{{salutation}}\n\n{{demands}}\n\n{{signer}}" } },
    ...overrides,
  };
}

/**
 * Records a signature and its letters the way the signing path does: rows
 * inserted, plus pending tally rows, in one transaction.
 */
export async function insertSignature(options: {
  campaignId: string;
  country?: string;
  letters?: { addresseeId: string; channel: LetterChannel }[];
  createdAt?: Date;
}) {
  return db().$transaction(
    async (tx) => {
      const signature = await tx.signature.create({
        data: {
          campaignId: options.campaignId,
          country: options.country ?? "FR",
          identityLevel: "anonymous",
          language: "en",
          consentCounted: true,
          countedAt: options.createdAt ?? new Date(),
          ...(options.createdAt ? { createdAt: options.createdAt } : {}),
        },
      });
      const letters = [];
      for (const letter of options.letters ?? []) {
        letters.push(
          await tx.letter.create({
            data: { signatureId: signature.id, campaignId: options.campaignId, language: "en", ...letter },
          }),
        );
      }
      await tx.pendingTally.createMany({
        data: [
          { campaignId: options.campaignId, signatureId: signature.id, letterId: null },
          ...letters.map((l) => ({ campaignId: options.campaignId, signatureId: null, letterId: l.id })),
        ],
      });
      return { signature, letters };
      // The embedded database serves one transaction at a time: let a burst queue.
    },
    { maxWait: 60_000, timeout: 60_000 },
  );
}

/** A staff or admin account in the database, and the identity a verified session would give. */
export async function staffMember(role: "staff" | "admin") {
  const email = `${role}-${randomUUID().slice(0, 8)}@campaigns.example`;
  const made = await createStaffAccount({
    email,
    name: `Test ${role}`,
    role,
    password: "a long unusual passphrase 42",
  });
  if (made.outcome !== "created") throw new Error(`could not make a ${role}: ${JSON.stringify(made)}`);
  return issueIdentity({ id: made.id, email, name: `Test ${role}`, role });
}

/**
 * Signatures per partner code as staff read them on the dashboard (rolled-up
 * plus pending tallies), every code of the campaign.
 */
export async function partnerCounts(slug: string): Promise<Record<string, number>> {
  const { getDashboard } = await import("@/lib/staff/get-dashboard");
  const dashboard = await getDashboard(await staffMember("staff"), slug);
  return Object.fromEntries(dashboard.bySource.map((s) => [s.key, s.count]));
}
