// The letters feature's only door to the database: reads that return plain
// rows for the letter builder (get-letter-builder.ts).
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/core/db";

const addresseeSelect = {
  id: true,
  name: true,
  role: true,
  organisation: true,
  kind: true,
  country: true,
  emails: true,
  xHandle: true,
  postalAddress: true,
  salutation: true,
  translations: true,
} satisfies Prisma.AddresseeSelect;

/** An addressee with its translations, as the builder reads them. */
export type AddresseeRow = Prisma.AddresseeGetPayload<{ select: typeof addresseeSelect }>;

/** A public campaign's templates, demands and active addressees in order. */
export async function letterBuilderRow(slug: string) {
  return db().campaign.findUniqueOrThrow({
    where: { slug },
    select: {
      id: true,
      templates: {
        select: {
          language: true,
          subject: true,
          body: true,
          xPost: true,
          subjectVariants: true,
          openingVariants: true,
          closingVariants: true,
        },
      },
      demands: { orderBy: { position: "asc" }, select: { translations: true } },
      addressees: {
        orderBy: { position: "asc" },
        // Paused ones too: supporters are offered their fallback instead of our sending.
        select: {
          preselected: true,
          addressee: { select: { ...addresseeSelect, status: true, webFormUrl: true, fallback: true } },
        },
      },
    },
  });
}

/**
 * Which of these addresses (lower-case) have sending paused after bounces
 * (MailAddressHealth.pausedAt). Read apart from the cached content: a pause
 * does not move the campaign's content version.
 */
export async function pausedAddresses(addresses: readonly string[]): Promise<Set<string>> {
  if (addresses.length === 0) return new Set();
  const rows = await db().mailAddressHealth.findMany({
    where: { address: { in: addresses.map((a) => a.toLowerCase()) }, pausedAt: { not: null } },
    select: { address: true },
  });
  return new Set(rows.map((r) => r.address));
}

/** Active embassies with a country (the per-country directory), by name. */
export async function activeEmbassies(): Promise<AddresseeRow[]> {
  return db().addressee.findMany({
    where: { kind: "embassy", status: "active", country: { not: null } },
    orderBy: { name: "asc" },
    select: addresseeSelect,
  });
}

/**
 * Marks a signature's letters as sent by their supporter (those not sent by
 * our server, not cancelled, not marked before) and, in the same transaction,
 * queues one "sent" tally row for each, when the signature already counts: a
 * signature waiting for its address to be confirmed gets its reported letters
 * counted as sent at confirmation (confirm-supporter-email.ts), with its
 * prepared ones, so "sent" is always a part of "prepared". A letter already
 * marked is left alone, so a report sent twice (or twice at once: the row
 * lock makes the second wait and then find it marked) counts once.
 */
export async function markLettersReportedSent(options: {
  slug: string;
  signatureId: string;
  addresseeIds: string[];
  now: Date;
}): Promise<{ counted: number; already: number }> {
  const where = {
    signatureId: options.signatureId,
    addresseeId: { in: options.addresseeIds },
    channel: { not: "platform_email" as const },
    status: { not: "cancelled" as const },
    campaign: { slug: options.slug },
  };
  return db().$transaction(async (tx) => {
    const already = await tx.letter.count({ where: { ...where, reportedSentAt: { not: null } } });
    const marked = await tx.letter.updateManyAndReturn({
      where: { ...where, reportedSentAt: null },
      data: { reportedSentAt: options.now },
      select: { id: true, campaignId: true },
    });
    const signature = await tx.signature.findUnique({
      where: { id: options.signatureId },
      select: { countedAt: true },
    });
    if (marked.length > 0 && signature?.countedAt)
      await tx.pendingTally.createMany({
        data: marked.map((l) => ({ campaignId: l.campaignId, sentLetterId: l.id })),
      });
    return { counted: marked.length, already };
  });
}
