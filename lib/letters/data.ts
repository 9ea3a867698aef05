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
      templates: { select: { language: true, subject: true, body: true, xPost: true } },
      demands: { orderBy: { position: "asc" }, select: { translations: true } },
      addressees: {
        orderBy: { position: "asc" },
        where: { addressee: { status: "active" } },
        select: { preselected: true, addressee: { select: addresseeSelect } },
      },
    },
  });
}

/** Active embassies with a country (the per-country directory), by name. */
export async function activeEmbassies(): Promise<AddresseeRow[]> {
  return db().addressee.findMany({
    where: { kind: "embassy", status: "active", country: { not: null } },
    orderBy: { name: "asc" },
    select: addresseeSelect,
  });
}
