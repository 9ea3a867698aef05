// mailto: links per RFC 6068: addresses and header values percent-encoded
// as UTF-8, line breaks in the body as %0D%0A.

/** Percent-encodes a value for a link's query (mailto and webmail compose links). */
export function encodeLinkValue(value: string): string {
  // encodeURIComponent leaves !'()* alone; RFC 6068 allows them, but some
  // mail clients mangle them, so encode them too. It throws on a lone
  // surrogate (the JSON API can carry one), so those become U+FFFD first.
  return encodeURIComponent(value.toWellFormed()).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Addresses for a link: each once, "@" kept readable. */
export function linkAddresses(to: readonly string[]): string {
  return [...new Set(to)].map((address) => encodeLinkValue(address).replace(/%40/g, "@")).join(",");
}

/** Line breaks as CRLF, as RFC 6068 asks of a mailto body. */
export function crlf(text: string): string {
  return text.replace(/\r\n|\r|\n/g, "\r\n");
}

/** A mailto link; without a body (an empty one), only the address and subject. */
export function mailtoLink(options: { to: readonly string[]; subject: string; body: string }): string {
  const body = options.body ? `&body=${encodeLinkValue(crlf(options.body))}` : "";
  return `mailto:${linkAddresses(options.to)}?subject=${encodeLinkValue(options.subject)}${body}`;
}
