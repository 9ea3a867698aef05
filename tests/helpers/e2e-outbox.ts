// Reads what the app put in the supporter outbox, as a person would find it
// in their inbox: e2e tests follow the links in those emails.
import { db } from "@/lib/core/db";
import { decryptText } from "@/lib/privacy/encryption";

type Kind = "address_confirmation" | "thank_you" | "delivery_summary";

/** The first link matching `pattern` in the newest email of this kind to `email`. */
export async function emailLinkFor(email: string, kind: Kind, pattern: RegExp): Promise<string> {
  process.env.DATABASE_URL ??= process.env.E2E_DATABASE_URL;
  const messages = await db().outboxMessage.findMany({ where: { kind }, orderBy: { createdAt: "desc" } });
  for (const message of messages) {
    if (decryptText(message.toEncrypted, { table: "OutboxMessage", column: "toEncrypted", row: message.id }) !== email)
      continue;
    const link = decryptText(message.textEncrypted, {
      table: "OutboxMessage",
      column: "textEncrypted",
      row: message.id,
    }).match(pattern)?.[0];
    if (link) return link;
  }
  throw new Error(`No ${kind} email to ${email} with such a link in the outbox.`);
}

export const confirmationLinkFor = (email: string) =>
  emailLinkFor(email, "address_confirmation", /https?:\/\/\S+\/confirm\?token=\S+/);
export const deletionLinkFor = (email: string, kind: Kind) =>
  emailLinkFor(email, kind, /https?:\/\/\S+\/privacy\/delete\?token=\S+/);
