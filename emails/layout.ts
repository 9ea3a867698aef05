// The frame every supporter email shares: a text part and a simple HTML part
// (no images, no remote content, no tracking), with the delete-my-data link
// at the foot of each.
import { daysPhrase, fill, footerTexts, linkTexts } from "./texts";

/** Which of the site's addresses a link opens: the usual one, the Tor onion service, or a mirror. */
export type LinkKind = "canonical" | "onion" | "mirror";

/**
 * Where a link leads: one URL (the site's usual address), or the same page
 * at each address the supporter may use, theirs first
 * (lib/privacy/email-links.ts). With more than one, each is labelled, so a
 * reader whose network blocks one address has the other at hand.
 */
export type EmailLink = string | readonly { url: string; kind: LinkKind }[];

export type EmailBlock =
  | { kind: "paragraph"; text: string }
  | { kind: "list"; items: string[] }
  | { kind: "link"; label: string; url: EmailLink }
  /** Text someone typed, shown as a quotation (never as markup or a link of ours). */
  | { kind: "quote"; text: string };

export type RenderedEmail = { subject: string; text: string; html: string };

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** Right-to-left languages get dir="rtl" in the HTML part. */
const rtlLanguages = new Set(["ar", "fa", "he", "ur"]);

/** What every email needs besides its own text. */
export type EmailContext = { language: string; deleteUrl: EmailLink; retentionDays: number };

export function renderEmail(options: EmailContext & { subject: string; blocks: EmailBlock[] }): RenderedEmail {
  const footer = footerTexts(options.language);
  const via = linkTexts(options.language);
  const addresses = (link: EmailLink) =>
    typeof link === "string" ? [{ url: link, kind: "canonical" as const }] : link;
  const blocks: EmailBlock[] = [
    ...options.blocks,
    { kind: "paragraph", text: fill(footer.why, { days: daysPhrase(options.language, options.retentionDays) }) },
    { kind: "link", label: footer.delete, url: options.deleteUrl },
  ];
  const text = blocks
    .map((block) => {
      if (block.kind === "paragraph") return block.text;
      if (block.kind === "list") return block.items.map((item) => `- ${item}`).join("\n");
      if (block.kind === "quote")
        return block.text
          .split("\n")
          .map((line) => `> ${line}`)
          .join("\n");
      const [only, ...more] = addresses(block.url);
      if (only && more.length === 0) return `${block.label}\n${only.url}`;
      return [block.label, ...addresses(block.url).map((a) => `${via[a.kind]} ${a.url}`)].join("\n");
    })
    .join("\n\n");
  const body = blocks
    .map((block) => {
      // A line break typed inside a paragraph (an outcome update) stays one.
      if (block.kind === "paragraph") return `<p>${escapeHtml(block.text).replace(/\n/g, "<br>\n")}</p>`;
      if (block.kind === "list")
        return `<ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ul>`;
      if (block.kind === "quote")
        return `<blockquote style="white-space: pre-wrap; border-inline-start: 3px solid #999; margin: 0; padding-inline-start: 1em;">${escapeHtml(block.text)}</blockquote>`;
      const [only, ...more] = addresses(block.url);
      if (only && more.length === 0) return `<p><a href="${escapeHtml(only.url)}">${escapeHtml(block.label)}</a></p>`;
      // Each address labelled, its URL shown: a reader can copy the one their network lets through.
      const lines = addresses(block.url).map(
        (a) => `${escapeHtml(via[a.kind])} <a href="${escapeHtml(a.url)}">${escapeHtml(a.url)}</a>`,
      );
      return `<p>${escapeHtml(block.label)}<br>\n${lines.join("<br>\n")}</p>`;
    })
    .join("\n");
  const dir = rtlLanguages.has(options.language) ? "rtl" : "ltr";
  const html = `<!doctype html>
<html lang="${escapeHtml(options.language)}" dir="${dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(options.subject)}</title></head>
<body style="font-family: sans-serif; line-height: 1.5; max-width: 40em; margin: 0 auto; padding: 1em; color: #111;">
${body}
</body>
</html>
`;
  return { subject: options.subject, text, html };
}
