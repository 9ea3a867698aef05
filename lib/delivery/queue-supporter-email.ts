import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import type { RenderedEmail } from "@/emails/layout";
import { encryptText } from "@/lib/privacy/encryption";
import { addJob } from "./job-queue";

export type SupporterEmailKind = "address_confirmation" | "thank_you" | "delivery_summary" | "held_confirmations";

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
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "OutboxMessage" ("id", "kind", "signatureId", "language", "toEncrypted", "subject", "textEncrypted", "htmlEncrypted", "purgeAfter")
    VALUES (${id}::uuid, ${options.kind}::"OutboxKind", ${options.signatureId}::uuid, ${options.language}, ${encryptText(options.to, at("toEncrypted"))},
            ${options.email.subject.slice(0, 300)}, ${encryptText(options.email.text, at("textEncrypted"))}, ${encryptText(options.email.html, at("htmlEncrypted"))}, ${options.purgeAfter})
    ON CONFLICT ("signatureId", "kind") DO NOTHING
    RETURNING "id"`;
  if (!row) return false;
  await addJob(tx, "send-supporter-email", { outboxMessageId: row.id }, { jobKey: `outbox:${row.id}` });
  return true;
}
