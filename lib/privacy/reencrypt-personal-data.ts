import "server-only";
import {
  currentCiphertextPrefix,
  currentEmailHashKeyId,
  decryptText,
  emailHash,
  encryptText,
  encryptedColumns,
  type CipherPlace,
} from "./encryption";
import { ciphertextsWithout, emailHashesWithout, replaceCiphertext, replaceEmailHash } from "./data";

// After APP_SECRET changes (the old one moved to APP_SECRET_PREVIOUS), every
// ciphertext and email hash made with the old secret is rewritten with the
// new one, so the old secret can be dropped and, if it leaked, opens
// nothing. Also rewrites ciphertexts made before associated data (version 1).
// Staff two-step secrets, sealed by better-auth, are rewritten beside this by
// lib/auth/two-factor.ts (rewriteStaffSecrets); the worker runs both.
//
// Resumable without bookkeeping: what still needs doing is found from the
// data itself (a ciphertext's first five bytes are its version and key id;
// an email hash's first four are its key id), and each row is replaced only
// if it still holds what was read, so a crash, a second worker or a purge
// running at the same moment loses and doubles nothing.

export type ReencryptionReport = {
  /** Ciphertexts rewritten with the current key and their place bound in. */
  rewritten: number;
  /** Ciphertexts neither key opens (their secret is gone): left as they are, counted for staff. */
  unreadable: number;
  /** Email hashes made again with the current key. */
  hashesRewritten: number;
  /** Email hashes whose address is no longer held, removed: they can be neither checked nor remade. */
  hashesDropped: number;
};

const firstUuid = "00000000-0000-0000-0000-000000000000";

/** Rewrites one batch of one column; returns the last row seen, or null when the column is done. */
async function reencryptBatch(
  place: Omit<CipherPlace, "row">,
  rowColumn: string,
  after: string,
  batchSize: number,
  report: ReencryptionReport,
): Promise<string | null> {
  const { table, column } = place;
  const where = { table, column, rowColumn };
  const rows = await ciphertextsWithout(where, currentCiphertextPrefix(), after, batchSize);
  for (const { row, value } of rows) {
    const at = { table, column, row } as CipherPlace;
    let plain: string;
    try {
      plain = decryptText(value, at);
    } catch {
      report.unreadable++;
      continue;
    }
    report.rewritten += await replaceCiphertext(where, row, encryptText(plain, at), value);
  }
  return rows.length < batchSize ? null : rows[rows.length - 1]!.row;
}

async function rehashBatch(after: string, batchSize: number, report: ReencryptionReport): Promise<string | null> {
  const rows = await emailHashesWithout(currentEmailHashKeyId(), after, batchSize);
  for (const { id, hash, email } of rows) {
    let address: string | null = null;
    try {
      address = email ? decryptText(email, { table: "SupporterContact", column: "emailEncrypted", row: id }) : null;
    } catch {
      address = null;
    }
    const next = address ? Buffer.from(emailHash(address)) : null;
    const changed = await replaceEmailHash(id, next, hash);
    if (changed === "taken") {
      // The campaign already holds this address's new hash (the same person
      // counted twice before). The count stays; this copy's hash goes.
      const dropped = await replaceEmailHash(id, null, hash);
      report.hashesDropped += dropped === "taken" ? 0 : dropped;
    } else if (next) report.hashesRewritten += changed;
    else report.hashesDropped += changed;
  }
  return rows.length < batchSize ? null : rows[rows.length - 1]!.id;
}

/**
 * Rewrites everything the current key did not make. Safe to run at any time
 * and from several workers at once; nothing to do is a few index-free scans.
 */
export async function reencryptPersonalData(options: { batchSize?: number } = {}): Promise<ReencryptionReport> {
  const batchSize = options.batchSize ?? 500;
  const report: ReencryptionReport = { rewritten: 0, unreadable: 0, hashesRewritten: 0, hashesDropped: 0 };
  for (const [table, { row: rowColumn, columns }] of Object.entries(encryptedColumns)) {
    for (const column of columns) {
      let after: string | null = firstUuid;
      while (after !== null)
        after = await reencryptBatch(
          { table, column } as Omit<CipherPlace, "row">,
          rowColumn,
          after,
          batchSize,
          report,
        );
    }
  }
  let after: string | null = firstUuid;
  while (after !== null) after = await rehashBatch(after, batchSize, report);
  return report;
}
