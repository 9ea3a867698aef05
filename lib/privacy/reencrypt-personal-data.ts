import "server-only";
import { db } from "@/lib/core/db";
import {
  currentCiphertextPrefix,
  currentEmailHashKeyId,
  decryptText,
  emailHash,
  encryptText,
  encryptedColumns,
  type CipherPlace,
} from "./encryption";

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

// Byte columns are read as base64 text: raw queries through the driver
// adapter cannot return bytea ("Cannot serialize value of type object").
type Row = { row: string; value: string };
const bytes = (base64: string) => new Uint8Array(Buffer.from(base64, "base64"));

/** Rewrites one batch of one column; returns the last row seen, or null when the column is done. */
async function reencryptBatch(
  place: Omit<CipherPlace, "row">,
  rowColumn: string,
  after: string,
  batchSize: number,
  report: ReencryptionReport,
): Promise<string | null> {
  const { table, column } = place;
  // Names come from encryptedColumns, a constant: safe to place in the statement.
  const rows = await db().$queryRawUnsafe<Row[]>(
    `SELECT "${rowColumn}"::text AS row, encode("${column}", 'base64') AS value FROM "${table}"
     WHERE "${column}" IS NOT NULL AND substring("${column}" from 1 for 5) <> $1 AND "${rowColumn}" > $2::uuid
     ORDER BY "${rowColumn}" LIMIT $3`,
    currentCiphertextPrefix(),
    after,
    batchSize,
  );
  for (const { row, value: base64 } of rows) {
    const value = bytes(base64);
    const at = { table, column, row } as CipherPlace;
    let plain: string;
    try {
      plain = decryptText(value, at);
    } catch {
      report.unreadable++;
      continue;
    }
    const changed = await db().$executeRawUnsafe(
      `UPDATE "${table}" SET "${column}" = $1 WHERE "${rowColumn}" = $2::uuid AND "${column}" = $3`,
      encryptText(plain, at),
      row,
      value,
    );
    report.rewritten += changed;
  }
  return rows.length < batchSize ? null : rows[rows.length - 1]!.row;
}

function isUniqueViolation(error: unknown): boolean {
  const known = error as {
    code?: string;
    meta?: { code?: string; driverAdapterError?: { cause?: { originalCode?: string } } };
  };
  return (
    known.code === "P2002" ||
    known.meta?.code === "23505" ||
    known.meta?.driverAdapterError?.cause?.originalCode === "23505" ||
    /23505|unique constraint/i.test(String(error))
  );
}

type HashRow = { id: string; hash: string; email: string | null };

async function rehashBatch(after: string, batchSize: number, report: ReencryptionReport): Promise<string | null> {
  const rows = await db().$queryRawUnsafe<HashRow[]>(
    `SELECT s.id::text AS id, encode(s."emailHash", 'base64') AS hash, encode(c."emailEncrypted", 'base64') AS email
     FROM "Signature" s LEFT JOIN "SupporterContact" c ON c."signatureId" = s.id
     WHERE s."emailHash" IS NOT NULL AND (length(s."emailHash") <> 36 OR substring(s."emailHash" from 1 for 4) <> $1) AND s.id > $2::uuid
     ORDER BY s.id LIMIT $3`,
    currentEmailHashKeyId(),
    after,
    batchSize,
  );
  for (const row of rows) {
    const { id } = row;
    const hash = bytes(row.hash);
    const email = row.email === null ? null : bytes(row.email);
    let address: string | null = null;
    try {
      address = email ? decryptText(email, { table: "SupporterContact", column: "emailEncrypted", row: id }) : null;
    } catch {
      address = null;
    }
    const next = address ? Buffer.from(emailHash(address)) : null;
    try {
      const changed = await db().$executeRawUnsafe(
        `UPDATE "Signature" SET "emailHash" = $1 WHERE id = $2::uuid AND "emailHash" = $3`,
        next,
        id,
        hash,
      );
      if (next) report.hashesRewritten += changed;
      else report.hashesDropped += changed;
    } catch (error) {
      // 23505: the campaign already holds this address's new hash (the same
      // person counted twice before). The count stays; this copy's hash goes.
      if (!isUniqueViolation(error)) throw error;
      report.hashesDropped += await db().$executeRawUnsafe(
        `UPDATE "Signature" SET "emailHash" = NULL WHERE id = $1::uuid AND "emailHash" = $2`,
        id,
        hash,
      );
    }
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
