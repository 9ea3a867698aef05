import "server-only";
import { assertRole, type StaffIdentity } from "@/lib/auth/staff-identity";
import { recordAudit } from "@/lib/admin/audit";
import { decryptText } from "@/lib/privacy/encryption";
import { toCsv } from "@/lib/core/csv";
import { letterChannels, type LetterChannel } from "@/lib/core/vocabulary";
import { translator } from "@/lib/i18n/messages";
import { countryName } from "@/lib/letters/countries";
import { campaignIdBySlug, consentedContacts } from "./data";
import { getDashboard } from "./get-dashboard";

// The figures file is in English: its labels are the English dashboard's.
const english = translator("en", "staff");
const isChannel = (key: string): key is LetterChannel => (letterChannels as readonly string[]).includes(key);
const channelLabel = (key: string) => (isChannel(key) ? english(`dashboard.channels.${key}`) : key);

/** The dashboard's figures as one CSV: dimension, key, label, count. */
export async function aggregatesCsv(actor: StaffIdentity, slug: string): Promise<string | null> {
  assertRole(actor, "staff");
  const data = await getDashboard(actor, slug);
  if (!data.campaign || data.campaign.slug !== slug) return null;
  const addresseeLabel = (c: { name: string | null }) => c.name ?? english("dashboard.deletedAddressee");
  // Prepared and sent are separate rows (sent is a part of prepared, never to be added to it).
  const rows: (string | number)[][] = [
    ["signatures", "", "All signatures", data.signatures],
    ["letters", "", "Letters prepared", data.letters],
    ["letters_sent", "", "Letters confirmed sent", data.lettersSent],
    ...data.byDay.map((c) => ["signatures_by_day", c.key, c.key, c.count]),
    ...data.byCountry.map((c) => ["signatures_by_country", c.key, countryName(c.key, "en"), c.count]),
    ...data.bySource.map((c) => ["signatures_by_source", c.key, c.label, c.count]),
    ...data.byAddressee.map((c) => ["letters_by_addressee", c.key, addresseeLabel(c), c.count]),
    ...data.byAddressee.map((c) => ["letters_sent_by_addressee", c.key, addresseeLabel(c), c.sent]),
    ...data.byChannel.map((c) => ["letters_by_channel", c.key, channelLabel(c.key), c.count]),
    ...data.byChannel.map((c) => ["letters_sent_by_channel", c.key, channelLabel(c.key), c.sent]),
    ...data.delivery.map((d) => ["delivery_status", d.status, d.status, d.count]),
  ];
  return toCsv(["dimension", "key", "label", "count"], rows);
}

/**
 * Supporters who ticked "you may contact me" and confirmed their address
 * (the link in the confirmation email), and no one else: name, email,
 * country, date. Admins only, and every export is in the audit log, since
 * this is the most sensitive file the app can produce.
 */
export async function consentedSupportersCsv(actor: StaffIdentity, slug: string): Promise<string | null> {
  assertRole(actor, "admin");
  const campaignId = await campaignIdBySlug(slug);
  if (!campaignId) return null;
  const contacts = await consentedContacts(campaignId);
  await recordAudit(actor, {
    action: "supporters.export",
    entity: "campaign",
    entityId: campaignId,
    after: { rows: contacts.length },
  });
  return toCsv(
    ["email", "name", "country", "language", "signed_at"],
    contacts.map((c) => [
      decryptText(c.emailEncrypted!, { table: "SupporterContact", column: "emailEncrypted", row: c.signatureId }),
      c.nameEncrypted
        ? decryptText(c.nameEncrypted, { table: "SupporterContact", column: "nameEncrypted", row: c.signatureId })
        : "",
      c.signature.country,
      c.signature.language,
      c.createdAt.toISOString(),
    ]),
  );
}
