// Reads what the app put in the supporter outbox, as a person would find it
// in their inbox: the e2e test follows the confirmation link from there.
import { db } from "@/lib/db/client";
import { decryptText } from "@/lib/privacy/encryption";

export async function confirmationLinkFor(email: string): Promise<string> {
  process.env.DATABASE_URL ??= process.env.E2E_DATABASE_URL;
  const messages = await db().outboxMessage.findMany({ where: { kind: "address_confirmation" }, orderBy: { createdAt: "desc" } });
  for (const message of messages) {
    if (decryptText(message.toEncrypted) !== email) continue;
    const link = decryptText(message.textEncrypted).match(/https?:\/\/\S+\/confirm\?token=\S+/)?.[0];
    if (link) return link;
  }
  throw new Error(`No confirmation email to ${email} in the outbox.`);
}
