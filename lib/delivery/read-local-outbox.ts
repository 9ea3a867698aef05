import "server-only";
import { simpleParser } from "mailparser";
import { decryptText } from "@/lib/privacy/encryption";
import { newestLocalMails } from "./data";

export type LocalMailItem = {
  id: string;
  toAddress: string;
  subject: string;
  createdAt: Date;
  raw: string;
  text: string;
};

/** The newest mails filed in the local outbox (no SMTP_URL), decrypted, with their text part. */
export async function readLocalOutbox(limit = 20): Promise<LocalMailItem[]> {
  const rows = await newestLocalMails(limit);
  return Promise.all(
    rows.map(async (row) => {
      const raw = decryptText(row.rawEncrypted, { table: "LocalMail", column: "rawEncrypted", row: row.id });
      const parsed = await simpleParser(raw);
      return {
        id: row.id,
        toAddress: decryptText(row.toAddressEncrypted, {
          table: "LocalMail",
          column: "toAddressEncrypted",
          row: row.id,
        }),
        subject: parsed.subject ?? "",
        createdAt: row.createdAt,
        raw,
        text: parsed.text ?? "",
      };
    }),
  );
}
