import "server-only";
import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { env } from "@/lib/core/env";
import { makeLimiter } from "@/lib/core/rate-limiter";

let perDomain: RateLimiterAbstract | undefined;

/**
 * When a message to this domain may go: now, or the moment the domain's
 * per-minute allowance frees up. Keeps a viral day from getting the
 * campaign's mail throttled or blocked by the recipients' servers.
 */
export async function domainSlot(domain: string, now = new Date()): Promise<Date | null> {
  perDomain ??= makeLimiter("deliver-domain", env().DELIVERY_PER_DOMAIN_PER_MINUTE, 60);
  try {
    await perDomain.consume(domain || "(none)");
    return null;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return new Date(now.getTime() + rejection.msBeforeNext + 50);
    throw rejection;
  }
}

/** Null inside the sending hours (UTC), else the start of the next window. */
export function outsideSendingHours(now = new Date(), hours = env().DELIVERY_HOURS): Date | null {
  const [start, end] = hours.split("-").map(Number) as [number, number];
  if (start === 0 && end === 24) return null;
  const hour = now.getUTCHours();
  const inside = start < end ? hour >= start && hour < end : hour >= start || hour < end;
  if (inside) return null;
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), start));
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

/** Exponential backoff with jitter: about 1, 2, 4, 8... minutes, at most 6 hours. */
export function backoff(attempts: number, now = new Date()): Date {
  const base = Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 3600_000);
  return new Date(now.getTime() + base * (0.8 + Math.random() * 0.4));
}
