import "server-only";
import { RateLimiterMemory, RateLimiterPostgres, type RateLimiterAbstract } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { pool } from "./client";

/**
 * A rate limiter kept in PostgreSQL (the rate_limit table), shared by every
 * app instance and worker; in process memory on the embedded database, whose
 * shared backend cannot hold two connections' named prepared statements.
 */
export function makeLimiter(keyPrefix: string, points: number, durationSeconds: number, blockDurationSeconds = 0): RateLimiterAbstract {
  if (env().EMBEDDED_DATABASE) return new RateLimiterMemory({ keyPrefix, points, duration: durationSeconds, blockDuration: blockDurationSeconds });
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
