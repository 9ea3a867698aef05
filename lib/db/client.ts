// The one module that owns database connections: the Prisma client for
// feature modules, and the same pg pool for the few libraries that take one
// (the rate limiter). Pages and route handlers never import this.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/lib/env";

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
    globalForDb.pool.on("connect", (client) => client.on("error", (error) => console.warn("database connection lost:", error.message)));
  }
  return globalForDb.pool;
}

export function db(): PrismaClient {
  globalForDb.prisma ??= new PrismaClient({ adapter: new PrismaPg(pool()) });
  return globalForDb.prisma;
}

export async function disconnectDb(): Promise<void> {
  await globalForDb.prisma?.$disconnect();
  await globalForDb.pool?.end().catch(() => {});
  globalForDb.prisma = undefined;
  globalForDb.pool = undefined;
}
