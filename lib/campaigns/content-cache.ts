import "server-only";
import { db } from "@/lib/core/db";

// A campaign's public content (texts, demands, templates, addressees and the
// embassy directory) changes a few times a day and is read on every page
// view and signature. Each process keeps what it built, keyed by a version
// read in one cheap query, so an admin's change still shows on the very next
// request (the version moves) and several app instances need no shared cache.

type Entry = { version: string; value: unknown };
const entries = new Map<string, Entry>();
const maxEntries = 500;

/**
 * The campaign row's updatedAt (every campaign save, status change or pause
 * touches it) and the count and sum of the addressees' updatedAt (a sum, not
 * a max, so an edit from an instance whose clock lags still moves it).
 * Null for an unknown slug.
 */
async function contentVersion(slug: string): Promise<string | null> {
  const rows = await db().$queryRaw<{ version: string | null }[]>`
    SELECT (SELECT "updatedAt"::text FROM "Campaign" WHERE slug = ${slug})
      || '|' || (SELECT count(*)::text || ':' || coalesce(sum(extract(epoch FROM "updatedAt")), 0)::text FROM "Addressee") AS version`;
  return rows[0]?.version ?? null;
}

/** `load()`'s result for this campaign and key, rebuilt whenever the content's version moves. */
export async function cachedCampaignContent<T>(slug: string, key: string, load: () => Promise<T>): Promise<T> {
  const version = await contentVersion(slug);
  if (version === null) return load();
  const cacheKey = `${slug}|${key}`;
  const hit = entries.get(cacheKey);
  if (hit && hit.version === version) return hit.value as T;
  // Read after the version: a change in between is newer than the version and
  // is simply read again on the next request.
  const value = await load();
  if (!entries.has(cacheKey) && entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
  entries.set(cacheKey, { version, value });
  return value;
}
