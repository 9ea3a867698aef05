import "server-only";
import { campaignContentVersion } from "./data";

// A campaign's public content (texts, demands, templates, addressees and the
// embassy directory) changes a few times a day and is read on every page
// view and signature. Each process keeps what it built, keyed by a version
// read in one cheap query, so an admin's change still shows on the very next
// request (the version moves) and several app instances need no shared cache.

type Entry = { version: string; value: unknown };
const entries = new Map<string, Entry>();
const maxEntries = 500;

/** `load()`'s result for this campaign and key, rebuilt whenever the content's version moves. */
export async function cachedCampaignContent<T>(slug: string, key: string, load: () => Promise<T>): Promise<T> {
  return (await versionedCampaignContent(slug, key, load)).value;
}

/**
 * The same, with the version it belongs to (null for an unknown slug), for
 * a caller that keeps the value and has the database check that version
 * later (the signing statement, lib/signatures/data.ts).
 */
export async function versionedCampaignContent<T>(
  slug: string,
  key: string,
  load: () => Promise<T>,
): Promise<{ value: T; version: string | null }> {
  const version = await campaignContentVersion(slug);
  if (version === null) return { value: await load(), version };
  const cacheKey = `${slug}|${key}`;
  const hit = entries.get(cacheKey);
  if (hit && hit.version === version) return { value: hit.value as T, version };
  // Read after the version: a change in between is newer than the version and
  // is simply read again on the next request.
  const value = await load();
  if (!entries.has(cacheKey) && entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
  entries.set(cacheKey, { version, value });
  return { value, version };
}
