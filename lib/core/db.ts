// The one module that owns database connections: the Prisma client for
// feature modules, and the same pg pool for the few libraries that take one
// (the rate limiter). Pages and route handlers never import this.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/lib/core/env";

// Next.js dev reloads modules; keep one pool and client per process.
const globalForDb = globalThis as unknown as { prisma?: PrismaClient; pool?: pg.Pool };

export function pool(): pg.Pool {
  if (!globalForDb.pool) {
    const settings = env();
    globalForDb.pool = new pg.Pool({
      connectionString: settings.DATABASE_URL,
      max: settings.DATABASE_POOL_MAX,
      connectionTimeoutMillis: settings.DATABASE_CONNECT_TIMEOUT_MS,
    });
    // An idle connection dropped by a database restart must not crash the process.
    globalForDb.pool.on("error", (error) => console.warn("database connection lost:", error.message));
    globalForDb.pool.on("connect", (client) =>
      client.on("error", (error) => console.warn("database connection lost:", error.message)),
    );
    releaseBrokenCheckouts(globalForDb.pool);
  }
  return globalForDb.pool;
}

/**
 * Prisma's transactions (6.19, driver adapters) give their connection back
 * only once COMMIT or ROLLBACK succeeds. A database restart in the middle of
 * a transaction makes both fail, so the connection stayed checked out for
 * good; after DATABASE_POOL_MAX such transactions every request waited for a
 * connection and answered 503 until the app was restarted. So a checked-out
 * connection that breaks goes back to the pool at once, with its error (the
 * pool then discards it), and releasing it again later does nothing.
 * Only `pool.connect()` without a callback hands out such connections (the
 * Prisma adapter, graphile-worker); `pool.query` releases its own on error.
 */
function releaseBrokenCheckouts(target: pg.Pool): void {
  type Callback = (...args: unknown[]) => void;
  const original = target.connect.bind(target) as { (): Promise<pg.PoolClient>; (callback: Callback): void };
  target.connect = ((callback?: Callback) => {
    if (callback) return original(callback);
    return original().then((client) => {
      const release = client.release.bind(client);
      let released = false;
      const giveBack = (error?: Error | boolean) => {
        if (released) return;
        released = true;
        client.removeListener("error", giveBack);
        release(error);
      };
      client.on("error", giveBack);
      client.release = giveBack;
      return client;
    });
  }) as typeof target.connect;
}

export function db(): PrismaClient {
  // A transaction waits for a connection as long as any query does
  // (DATABASE_CONNECT_TIMEOUT_MS), not Prisma's own 2 seconds, which turned
  // a burst of signatures on a healthy database into 503s.
  globalForDb.prisma ??= new PrismaClient({
    adapter: new PrismaPg(pool()),
    transactionOptions: { maxWait: env().DATABASE_CONNECT_TIMEOUT_MS },
  });
  return globalForDb.prisma;
}

export async function disconnectDb(): Promise<void> {
  await globalForDb.prisma?.$disconnect();
  await globalForDb.pool?.end().catch(() => {});
  globalForDb.prisma = undefined;
  globalForDb.pool = undefined;
}
