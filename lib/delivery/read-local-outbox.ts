import "server-only";
import { db } from "@/lib/db/client";
import { decryptText } from "@/lib/privacy/encryption";

export type LocalMailItem = { id: string; toAddress: string; subject: string; createdAt: Date; raw: string };

/** The newest mails filed in the local outbox (no SMTP_URL), decrypted. */
export async function readLocalOutbox(limit = 20): Promise<LocalMailItem[]> {
  const rows = await db().localMail.findMany({ orderBy: { createdAt: "desc" }, take: limit });
  return rows.map((row) => ({ id: row.id, toAddress: decryptText(row.toAddressEncrypted), subject: row.subject, createdAt: row.createdAt, raw: decryptText(row.rawEncrypted) }));
}
