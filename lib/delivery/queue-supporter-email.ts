import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import type { RenderedEmail } from "@/emails/layout";
import type { OutboxKind } from "@/lib/core/vocabulary";
import { encryptText } from "@/lib/privacy/encryption";
import { insertOutboxMessage } from "./data";

/** Which email to a supporter this is (the OutboxKind enum). */
export type SupporterEmailKind = OutboxKind;

/**
 * Files an email to a supporter in the outbox (encrypted) and adds its job,
 * in the caller's transaction. Each kind goes at most once per signature: a
 * second call (two workers finishing the last two messages at once) is a
 * no-op thanks to the unique index.
 */
export async function queueSupporterEmail(
  tx: Prisma.TransactionClient,
  options: {
    signatureId: string;
    kind: SupporterEmailKind;
    language: string;
    to: string;
    email: RenderedEmail;
    purgeAfter: Date;
  },
): Promise<boolean> {
  // The id is made here: the ciphertexts are bound to their row.
  const id = randomUUID();
  const at = (column: "toEncrypted" | "textEncrypted" | "htmlEncrypted") => ({
    table: "OutboxMessage" as const,
    column,
    row: id,
  });
  return insertOutboxMessage(tx, {
    id,
    kind: options.kind,
    signatureId: options.signatureId,
    language: options.language,
    toEncrypted: encryptText(options.to, at("toEncrypted")),
    subject: options.email.subject.slice(0, 300),
    textEncrypted: encryptText(options.email.text, at("textEncrypted")),
    htmlEncrypted: encryptText(options.email.html, at("htmlEncrypted")),
    purgeAfter: options.purgeAfter,
  });
}
