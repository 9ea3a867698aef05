import "server-only";
import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { env } from "@/lib/core/env";
import { makeLimiter } from "@/lib/core/rate-limiter";

let perDomain: RateLimiterAbstract | undefined;

/**
 * How many of `count` messages to this domain may go now, and when the rest
 * may: the moment the domain's per-minute allowance frees up, a minute later
 * for each further allowance's worth. Keeps a viral day from getting the
 * campaign's mail throttled or blocked by the recipients' servers. One
 * counter update per domain and batch; refused points count as spent, as a
 * refused message's point did when messages asked one by one.
 */
export async function domainAllowance(
  domain: string,
  count: number,
  now = new Date(),
): Promise<{ allowed: number; laterAt: (index: number) => Date }> {
  const perMinute = env().DELIVERY_PER_DOMAIN_PER_MINUTE;
  perDomain ??= makeLimiter("deliver-domain", perMinute, 60);
  try {
    await perDomain.consume(domain || "(none)", count);
    return { allowed: count, laterAt: () => now };
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const allowed = Math.min(count, Math.max(0, count - (rejection.consumedPoints - perMinute)));
    const freeAt = now.getTime() + rejection.msBeforeNext + 50;
    return { allowed, laterAt: (index) => new Date(freeAt + Math.floor(index / perMinute) * 60_000) };
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
