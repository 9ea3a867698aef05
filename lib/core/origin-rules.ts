// What a listed origin may look like; env.ts checks ONION_URL and MIRROR_URLS
// with these (origins.ts would import env.ts back).

/** http and https only, no path, query or credentials: an origin, not a page. */
export const originProblem = (value: string): string | null => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "must be a URL such as https://write.example.org";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "must start with http:// or https://";
  if (url.username || url.password) return "must not carry a user name or password";
  if ((url.pathname !== "/" && url.pathname !== "") || url.search || url.hash)
    return "must be an origin only (scheme, host and port), without a path";
  return null;
};

/** A v3 onion service's host: 56 base32 characters and .onion. */
export const onionHostPattern = /^[a-z2-7]{56}\.onion$/;
