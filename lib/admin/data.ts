// The admin feature's only door to the database: addressees, campaigns, the
// embassy directory, the delivery queue and the audit log. Plain queries and
// writes that trust their input; who may call them is checked by the use cases
// beside this file (assertRole), which are the folder's public functions.
// Functions that take a transaction client run in the caller's transaction.
import "server-only";
import { Prisma, type DeliveryStatus } from "@/generated/prisma/client";
import { db } from "@/lib/core/db";
import { addJob } from "@/lib/delivery/job-queue";
import type { AddresseeInput } from "./addressee-schema";
import type { CampaignInput } from "./campaign-schema";

export type Tx = Prisma.TransactionClient;

/** Runs `work` in one transaction. */
export async function inTransaction<T>(work: (tx: Tx) => Promise<T>, options?: { timeout?: number }): Promise<T> {
  return db().$transaction(work, options);
}

/** Which constraint a failed write broke: a unique value taken, or a row it points to gone. */
export function brokenConstraint(error: unknown): "unique" | "foreign_key" | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return null;
  return error.code === "P2002" ? "unique" : error.code === "P2003" ? "foreign_key" : null;
}

// --- Audit log -----------------------------------------------------------------------

export type AuditEntryData = {
  actorId: string;
  actorEmail: string;
  action: string;
  entity: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
};

const json = (value: unknown) =>
  value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);

/** One audit line, in the caller's transaction when given one. */
export async function insertAuditEntry(entry: AuditEntryData, tx: Tx = db()): Promise<void> {
  await tx.auditEntry.create({ data: { ...entry, before: json(entry.before), after: json(entry.after) } });
}

/** Audit lines, newest first, older than `before` when given. */
export async function auditEntries(before: Date | undefined, take: number) {
  return db().auditEntry.findMany({
    where: before ? { at: { lt: before } } : {},
    orderBy: { at: "desc" },
    take,
    select: {
      id: true,
      at: true,
      actorEmail: true,
      action: true,
      entity: true,
      entityId: true,
      before: true,
      after: true,
    },
  });
}

// --- Addressees ----------------------------------------------------------------------

const editableAddressee = {
  id: true,
  key: true,
  name: true,
  role: true,
  organisation: true,
  kind: true,
  country: true,
  emails: true,
  xHandle: true,
  postalAddress: true,
  webFormUrl: true,
  salutation: true,
  lastVerifiedAt: true,
  status: true,
  timeZone: true,
  officeHours: true,
  officeDays: true,
  hourlyCap: true,
  deliveryMode: true,
  digestFormat: true,
  fallback: true,
  updatedAt: true,
  translations: {
    select: { language: true, name: true, role: true, salutation: true, organisation: true },
    orderBy: { language: "asc" },
  },
  campaigns: { select: { campaign: { select: { slug: true, status: true } } } },
} satisfies Prisma.AddresseeSelect;

export type AddresseeForEdit = Prisma.AddresseeGetPayload<{ select: typeof editableAddressee }>;
export type TranslationInput = {
  language: string;
  name: string;
  role: string;
  salutation: string | null;
  organisation: string | null;
};

export async function addresseeList() {
  return db().addressee.findMany({
    orderBy: [{ kind: "asc" }, { country: "asc" }, { name: "asc" }],
    select: {
      id: true,
      key: true,
      name: true,
      role: true,
      kind: true,
      country: true,
      status: true,
      lastVerifiedAt: true,
      emails: true,
      campaigns: { select: { campaign: { select: { slug: true } } } },
    },
  });
}

/** Every addressee's email addresses, to find the ones shared. */
export async function addresseeEmails() {
  return db().addressee.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, emails: true } });
}

export async function findAddresseeForEdit(id: string, tx: Tx = db()): Promise<AddresseeForEdit | null> {
  return tx.addressee.findUnique({ where: { id }, select: editableAddressee });
}

/** Creates or updates an addressee and replaces its translations; returns its id. */
export async function writeAddressee(
  tx: Tx,
  id: string | null,
  input: AddresseeInput,
  translations: TranslationInput[],
): Promise<string> {
  const data = { ...input, lastVerifiedAt: new Date(`${input.lastVerifiedAt}T00:00:00Z`) };
  const saved = id
    ? await tx.addressee.update({ where: { id }, data, select: { id: true } })
    : await tx.addressee.create({ data, select: { id: true } });
  await tx.addresseeTranslation.deleteMany({ where: { addresseeId: saved.id } });
  if (translations.length > 0)
    await tx.addresseeTranslation.createMany({ data: translations.map((t) => ({ ...t, addresseeId: saved.id })) });
  return saved.id;
}

// --- Campaigns -----------------------------------------------------------------------

export async function campaignList() {
  return db().campaign.findMany({
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      slug: true,
      status: true,
      languages: true,
      signatureGoal: true,
      opensAt: true,
      closesAt: true,
      translations: { select: { language: true, title: true } },
      _count: { select: { signatures: { where: { countedAt: { not: null } } } } },
    },
  });
}

/** Every addressee a campaign may choose from. */
export async function addresseeChoices() {
  return db().addressee.findMany({
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      role: true,
      organisation: true,
      salutation: true,
      kind: true,
      country: true,
      status: true,
      // For the letter preview: each addressee as a letter in that language names and greets it.
      translations: { select: { language: true, name: true, role: true, salutation: true, organisation: true } },
    },
  });
}

export async function findCampaignForEdit(id: string) {
  return db().campaign.findUnique({
    where: { id },
    include: {
      translations: true,
      demands: { orderBy: { position: "asc" }, include: { translations: true } },
      templates: true,
      addressees: { orderBy: { position: "asc" }, select: { addresseeId: true } },
    },
  });
}

/** A campaign with everything the audit log keeps of it, in a stable order. */
export async function campaignSnapshot(tx: Tx, id: string) {
  return tx.campaign.findUnique({
    where: { id },
    include: {
      translations: { orderBy: { language: "asc" } },
      demands: { orderBy: { position: "asc" }, include: { translations: { orderBy: { language: "asc" } } } },
      templates: { orderBy: { language: "asc" } },
      addressees: { orderBy: { position: "asc" }, select: { addresseeId: true } },
    },
  });
}
export type CampaignSnapshot = Awaited<ReturnType<typeof campaignSnapshot>>;

/**
 * Creates or updates a campaign with its texts, templates, demands and
 * addressees; languages no longer listed lose their texts. Returns its id.
 */
export async function writeCampaign(
  tx: Tx,
  id: string | null,
  input: CampaignInput,
  closedAt: Date | null,
): Promise<string> {
  const fields = {
    slug: input.slug,
    organiser: input.organiser,
    status: input.status,
    languages: input.languages,
    signatureGoal: input.signatureGoal,
    ...(input.hourlyCap === undefined ? {} : { hourlyCap: input.hourlyCap }),
    appealDate: input.appealDate,
    opensAt: input.opensAt,
    closesAt: input.closesAt,
    closedAt,
  };
  const campaign = id
    ? await tx.campaign.update({ where: { id }, data: fields })
    : await tx.campaign.create({ data: fields });
  const campaignId = campaign.id;

  await tx.campaignTranslation.deleteMany({ where: { campaignId, language: { notIn: input.languages } } });
  await tx.letterTemplate.deleteMany({ where: { campaignId, language: { notIn: input.languages } } });
  for (const language of input.languages) {
    const texts = input.texts[language]!;
    await tx.campaignTranslation.upsert({
      where: { campaignId_language: { campaignId, language } },
      create: { campaignId, language, ...texts },
      update: texts,
    });
    const template = input.templates[language]!;
    await tx.letterTemplate.upsert({
      where: { campaignId_language: { campaignId, language } },
      create: { campaignId, language, ...template },
      update: template,
    });
  }
  // Demands have no history of their own (letters keep their text), so they are rewritten whole.
  await tx.demand.deleteMany({ where: { campaignId } });
  const count = input.demands[input.languages[0]!]!.length;
  for (let position = 1; position <= count; position++) {
    await tx.demand.create({
      data: {
        campaignId,
        position,
        translations: {
          create: input.languages.map((language) => ({ language, text: input.demands[language]![position - 1]! })),
        },
      },
    });
  }
  await tx.campaignAddressee.deleteMany({ where: { campaignId, addresseeId: { notIn: input.addresseeIds } } });
  for (const [index, addresseeId] of input.addresseeIds.entries()) {
    await tx.campaignAddressee.upsert({
      where: { campaignId_addresseeId: { campaignId, addresseeId } },
      create: { campaignId, addresseeId, position: index + 1 },
      update: { position: index + 1 },
    });
  }
  return campaignId;
}

// --- Embassy directory ---------------------------------------------------------------

export async function directoryEntries() {
  return db().addressee.findMany({
    where: { kind: { in: ["embassy", "mission"] } },
    orderBy: [{ country: "asc" }, { name: "asc" }],
    select: {
      id: true,
      key: true,
      kind: true,
      country: true,
      name: true,
      emails: true,
      status: true,
      lastVerifiedAt: true,
    },
  });
}

/** Every embassy and mission with all its columns and its translations' organisation lines, for the CSV export. */
export async function directoryRows() {
  return db().addressee.findMany({
    where: { kind: { in: ["embassy", "mission"] } },
    orderBy: [{ country: "asc" }, { key: "asc" }],
    include: { translations: { select: { language: true, organisation: true }, orderBy: { language: "asc" } } },
  });
}

/** The addressees that already have one of these keys, with the languages they are translated into. */
export async function addresseesWithKeys(tx: Tx, keys: string[]) {
  return tx.addressee.findMany({
    where: { key: { in: keys } },
    select: { key: true, kind: true, translations: { select: { language: true } } },
  });
}

/**
 * Creates or overwrites directory rows by key, and sets the organisation line
 * of the translations named (which exist: the caller checked).
 */
export async function upsertDirectoryRows(
  tx: Tx,
  rows: (AddresseeInput & { translatedOrganisations: Record<string, string | null> })[],
): Promise<void> {
  for (const { translatedOrganisations, ...row } of rows) {
    const data = {
      key: row.key,
      name: row.name,
      role: row.role,
      organisation: row.organisation,
      kind: row.kind,
      country: row.country,
      emails: row.emails,
      xHandle: row.xHandle,
      postalAddress: row.postalAddress,
      webFormUrl: row.webFormUrl,
      salutation: row.salutation,
      status: row.status,
      lastVerifiedAt: new Date(`${row.lastVerifiedAt}T00:00:00Z`),
    };
    const saved = await tx.addressee.upsert({
      where: { key: row.key },
      create: data,
      update: data,
      select: { id: true },
    });
    for (const [language, organisation] of Object.entries(translatedOrganisations))
      await tx.addresseeTranslation.update({
        where: { addresseeId_language: { addresseeId: saved.id, language } },
        data: { organisation },
      });
  }
}

// --- Partner sources -----------------------------------------------------------------

/** Every campaign with its `?source=` codes and the signatures each counted, newest campaign first. */
export async function sourcesByCampaign() {
  const [campaigns, counts] = await Promise.all([
    db().campaign.findMany({
      orderBy: { createdAt: "desc" },
      select: {
        id: true,
        slug: true,
        languages: true,
        translations: { select: { language: true, title: true } },
        sources: { orderBy: { code: "asc" }, select: { code: true, label: true } },
      },
    }),
    db().$queryRaw<{ campaignId: string; code: string; n: bigint }[]>(sourceCountsSql(Prisma.sql`true`)),
  ]);
  const count = new Map(counts.map((c) => [`${c.campaignId} ${c.code}`, Number(c.n)]));
  return campaigns.map((c) => ({
    ...c,
    sources: c.sources.map((s) => ({ ...s, signatures: count.get(`${c.id} ${s.code}`) ?? 0 })),
  }));
}

/** Partner codes' counts: rolled up plus still pending (dimension signatures_by_source), where `filter` holds. */
function sourceCountsSql(filter: Prisma.Sql) {
  return Prisma.sql`
    SELECT "campaignId", key AS code, sum(n)::bigint AS n FROM (
      SELECT "campaignId", key, count AS n FROM "Tally" WHERE dimension = 'signatures_by_source' AND ${filter}
      UNION ALL
      SELECT "campaignId", key, delta FROM "PendingTally" WHERE dimension = 'signatures_by_source' AND ${filter}
    ) AS counts GROUP BY 1, 2`;
}

export async function insertSource(tx: Tx, source: { campaignId: string; code: string; label: string }) {
  await tx.campaignSource.create({ data: source });
}

export async function findSource(tx: Tx, campaignId: string, code: string) {
  return tx.campaignSource.findUnique({
    where: { campaignId_code: { campaignId, code } },
    select: { code: true, label: true },
  });
}

/**
 * Deletes the code if it has counted no signature, rolled up or pending; whether
 * it did. (A signature that counts for the code while this runs may still add a
 * pending row for it: that count then belongs to no code staff can see.)
 */
export async function deleteUnusedSource(tx: Tx, campaignId: string, code: string): Promise<boolean> {
  const deleted = await tx.$executeRaw`
    DELETE FROM "CampaignSource" WHERE "campaignId" = ${campaignId}::uuid AND code = ${code}
      AND NOT EXISTS (${sourceCountsSql(Prisma.sql`"campaignId" = ${campaignId}::uuid AND key = ${code}`)})`;
  return deleted === 1;
}

// --- Delivery queue ------------------------------------------------------------------

export async function deliveryQueue(status: DeliveryStatus | undefined, take: number) {
  const [messages, counts, campaigns] = await Promise.all([
    db().deliveryMessage.findMany({
      where: status ? { status } : {},
      orderBy: [{ updatedAt: "desc" }],
      take,
      select: {
        id: true,
        toName: true,
        toAddress: true,
        status: true,
        attempts: true,
        lastError: true,
        nextAttemptAt: true,
        sentAt: true,
        createdAt: true,
        campaignId: true,
      },
    }),
    // Every campaign's messages by status, from the tallies the status triggers keep (rolled up plus
    // pending: exact) instead of counting every message on each view.
    db().$queryRaw<{ status: DeliveryStatus; n: bigint }[]>`
      SELECT key AS status, sum(n)::bigint AS n FROM (
        SELECT key, count AS n FROM "Tally" WHERE dimension = 'delivery_by_status'
        UNION ALL
        SELECT key, delta FROM "PendingTally" WHERE dimension = 'delivery_by_status'
      ) AS counts GROUP BY 1 HAVING sum(n) <> 0`,
    db().campaign.findMany({ select: { id: true, slug: true, deliveryPaused: true }, orderBy: { createdAt: "asc" } }),
  ]);
  return { messages, counts: counts.map((c) => ({ status: c.status, count: Number(c.n) })), campaigns };
}

export async function findDeliveryMessage(tx: Tx, id: string) {
  return tx.deliveryMessage.findUnique({ where: { id }, select: { status: true, attempts: true, lastError: true } });
}

/** Whether the message's letter still has its text (purges and deletions remove it). */
export async function messageHasLetterText(tx: Tx, id: string): Promise<boolean> {
  const letter = await tx.letter.findFirst({
    where: { deliveryMessageId: id },
    select: { content: { select: { letterId: true } } },
  });
  return Boolean(letter?.content);
}

/** Queues a message again with a fresh count of attempts, its letters and its job. */
export async function requeueMessage(tx: Tx, id: string): Promise<void> {
  await tx.deliveryMessage.update({
    where: { id },
    data: { status: "queued", attempts: 0, lastError: null, nextAttemptAt: new Date(), sendingSince: null },
  });
  await tx.letter.updateMany({ where: { deliveryMessageId: id }, data: { status: "queued" } });
  await addJob(tx, "deliver-message", { messageId: id }, { jobKey: `deliver:${id}` });
}

/** Cancels a message and its letters, saying who did. */
export async function cancelMessage(tx: Tx, id: string, by: string): Promise<void> {
  await tx.deliveryMessage.update({ where: { id }, data: { status: "cancelled", lastError: `Cancelled by ${by}.` } });
  await tx.letter.updateMany({ where: { deliveryMessageId: id }, data: { status: "cancelled" } });
}

export async function campaignDeliveryPaused(tx: Tx, campaignId: string) {
  return tx.campaign.findUnique({ where: { id: campaignId }, select: { deliveryPaused: true } });
}

export async function setDeliveryPaused(tx: Tx, campaignId: string, paused: boolean): Promise<void> {
  await tx.campaign.update({ where: { id: campaignId }, data: { deliveryPaused: paused } });
}

/** Emails to supporters: kind and status only (their addresses stay encrypted). */
export async function supporterEmails(take: number) {
  return db().outboxMessage.findMany({
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      kind: true,
      language: true,
      status: true,
      attempts: true,
      lastError: true,
      createdAt: true,
      sentAt: true,
    },
  });
}
