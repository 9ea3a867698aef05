// Links that share a campaign without tracking anyone: each is a plain URL
// the supporter's own browser opens (no script, no counter, no image from
// another host, no code that says who shared).
/** The services with a share address anyone can open. */
export type ShareService = "email" | "telegram" | "whatsapp" | "x" | "vk";

export type ShareLink = { service: ShareService; href: string };

/**
 * The share links for `url` (the campaign's public address, without any
 * partner code) and `text` (its title), in the order the page lists them.
 * Signal has no share address and Mastodon's depends on the reader's
 * server: for those the page offers the link to copy.
 */
export function shareLinks(url: string, text: string): ShareLink[] {
  const e = encodeURIComponent;
  return [
    { service: "email", href: `mailto:?subject=${e(text)}&body=${e(`${text}\n\n${url}`)}` },
    { service: "telegram", href: `https://t.me/share/url?url=${e(url)}&text=${e(text)}` },
    { service: "whatsapp", href: `https://wa.me/?text=${e(`${text} ${url}`)}` },
    { service: "x", href: `https://x.com/intent/post?text=${e(text)}&url=${e(url)}` },
    { service: "vk", href: `https://vk.com/share.php?url=${e(url)}&title=${e(text)}` },
  ];
}

/**
 * The campaign page's public address: no language, no partner code, nothing
 * that tells who shared it. `origin` is the one the reader came in on
 * (requestOrigin()), so a reader on the onion or a mirror shares that address.
 */
export function campaignShareUrl(origin: string, slug: string): string {
  return `${origin.replace(/\/+$/, "")}/c/${slug}`;
}
