import "server-only";
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { env } from "@/lib/core/env";
import { pool } from "./db";

/**
 * A rate limiter kept in PostgreSQL (the rate_limit table), shared by every
 * app instance and worker; in process memory on the embedded database, whose
 * shared backend cannot hold two connections' named prepared statements.
 */
export function makeLimiter(
  keyPrefix: string,
  points: number,
  durationSeconds: number,
  blockDurationSeconds = 0,
): RateLimiterAbstract {
  if (env().EMBEDDED_DATABASE)
    return new RateLimiterMemory({ keyPrefix, points, duration: durationSeconds, blockDuration: blockDurationSeconds });
  return new RateLimiterPostgres({
    storeClient: pool(),
    storeType: "pool",
    tableName: "rate_limit",
    tableCreated: true,
    keyPrefix,
    points,
    duration: durationSeconds,
    blockDuration: blockDurationSeconds,
  });
}

/** A value's rate-limit key now, and under the previous secret during a rotation (lib/privacy/anonymous-key.ts). */
export type AnonymousKeys = { current: string; previous: string | null };

/**
 * Spends one point under `keys.current`, counting what the same client spent
 * under `keys.previous` (its key under the previous APP_SECRET during a
 * rotation): a new secret must not hand every client a fresh allowance.
 * Throws a RateLimiterRes when refused, as `consume` does.
 */
export async function consumeAcrossRotation(
  limiter: RateLimiterAbstract,
  keys: AnonymousKeys,
): Promise<RateLimiterRes> {
  const before = keys.previous ? await limiter.get(keys.previous) : null;
  if (before && before.consumedPoints >= limiter.points) throw before;
  const spent = await limiter.consume(keys.current);
  if (before && spent.consumedPoints + before.consumedPoints > limiter.points) {
    throw new RateLimiterRes(
      0,
      Math.max(spent.msBeforeNext, before.msBeforeNext),
      spent.consumedPoints + before.consumedPoints,
      false,
    );
  }
  return spent;
}
