import "server-only";
import { mailDomain } from "@/lib/core/mail-settings";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { digestModeAddresseeIds } from "@/lib/digests/data";
import { insertDeliveryMessage, lettersAwaitingMessages, linkLettersToMessage } from "./data";

/**
 * Turns a signature's queued platform letters into delivery messages, one
 * per distinct recipient address (two addressees sharing an address get one
 * message), and adds a delivery job for each, in the caller's transaction.
 * Letters to addressees in daily_digest mode get no message: they wait for
 * their addressee's daily digest (lib/digests/send-daily-digests.ts).
 */
export async function createDeliveryMessages(tx: Prisma.TransactionClient, signatureId: string): Promise<number> {
  const waiting = await lettersAwaitingMessages(tx, signatureId);
  const digested = await digestModeAddresseeIds(
    tx,
    waiting.map((letter) => letter.addressee.id),
  );
  const letters = waiting.filter((letter) => !digested.has(letter.addressee.id));
  const domain = mailDomain();
  const byAddress = new Map<string, { id: string; letterIds: string[] }>();
  for (const letter of letters) {
    for (const raw of letter.addressee.emails) {
      const address = raw.trim().toLowerCase();
      let message = byAddress.get(address);
      if (!message) {
        const id = randomUUID();
        await insertDeliveryMessage(tx, {
          id,
          signatureId,
          campaignId: letter.campaignId,
          addresseeId: letter.addressee.id,
          toAddress: address,
          toName: letter.addressee.name,
          toDomain: address.split("@")[1] ?? "",
          messageIdHeader: `<${id}@${domain}>`,
        });
        message = { id, letterIds: [] };
        byAddress.set(address, message);
      }
      message.letterIds.push(letter.id);
    }
  }
  for (const message of byAddress.values()) {
    // A letter links to the message of its first address; the others carry it too.
    await linkLettersToMessage(tx, message.id, message.letterIds);
  }
  return byAddress.size;
}
