// mailto: links per RFC 6068: addresses and header values percent-encoded
// as UTF-8, line breaks in the body as %0D%0A.

function encode(value: string): string {
  // encodeURIComponent leaves !'()* alone; RFC 6068 allows them, but some
  // mail clients mangle them, so encode them too. It throws on a lone
  // surrogate (the JSON API can carry one), so those become U+FFFD first.
  return encodeURIComponent(value.toWellFormed()).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

export function mailtoLink(options: { to: readonly string[]; subject: string; body: string }): string {
  const to = [...new Set(options.to)].map((address) => encode(address).replace(/%40/g, "@")).join(",");
  const body = options.body.replace(/\r\n|\r|\n/g, "\r\n");
  return `mailto:${to}?subject=${encode(options.subject)}&body=${encode(body)}`;
}
