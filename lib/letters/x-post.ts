// Prepared posts for addressees reachable only on X, opened through X's web
// intent (the supporter posts it themselves; we send nothing to X).

export const xPostLimit = 280;

/**
 * Length as X counts it (twitter-text v3 weighting): most Latin, Cyrillic and
 * punctuation count 1, other characters (CJK, emoji) count 2, and any URL 23.
 */
export function xWeightedLength(text: string): number {
  const urlPattern = /https?:\/\/\S+/g;
  let length = 0;
  const withoutUrls = text.replace(urlPattern, () => {
    length += 23;
    return "";
  });
  for (const char of withoutUrls) {
    const code = char.codePointAt(0)!;
    const light =
      (code >= 0 && code <= 4351) ||
      (code >= 8192 && code <= 8205) ||
      (code >= 8208 && code <= 8223) ||
      (code >= 8242 && code <= 8247);
    length += light ? 1 : 2;
  }
  return length;
}

/**
 * The post: the template with the handle filled in, shortened at a word
 * boundary with "…" if it would exceed 280, and always naming the handle.
 */
export function xPostText(template: string, handle: string, link?: string): string {
  const mention = `@${handle}`;
  let text = template.includes("{{handle}}") ? template.replaceAll("{{handle}}", handle) : `${mention} ${template}`;
  if (!text.includes(mention)) text = `${mention} ${text}`;
  const suffix = link ? ` ${link}` : "";
  if (xWeightedLength(text + suffix) <= xPostLimit) return text + suffix;
  const words = text.split(" ");
  while (words.length > 1 && xWeightedLength(`${words.join(" ")}…${suffix}`) > xPostLimit) words.pop();
  return `${words.join(" ")}…${suffix}`;
}

export function xIntentUrl(text: string): string {
  return `https://x.com/intent/post?text=${encodeURIComponent(text)}`;
}
