// The frame every supporter email shares: a text part and a simple HTML part
// (no images, no remote content, no tracking), with the delete-my-data link
// at the foot of each.
import { daysPhrase, fill, footerTexts } from "./texts";

export type EmailBlock =
  | { kind: "paragraph"; text: string }
  | { kind: "list"; items: string[] }
  | { kind: "link"; label: string; url: string }
  /** Text someone typed, shown as a quotation (never as markup or a link of ours). */
  | { kind: "quote"; text: string };

export type RenderedEmail = { subject: string; text: string; html: string };

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** Right-to-left languages get dir="rtl" in the HTML part. */
const rtlLanguages = new Set(["ar", "fa", "he", "ur"]);

/** What every email needs besides its own text. */
export type EmailContext = { language: string; deleteUrl: string; retentionDays: number };

export function renderEmail(options: EmailContext & { subject: string; blocks: EmailBlock[] }): RenderedEmail {
  const footer = footerTexts(options.language);
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
      return `${block.label}\n${block.url}`;
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
      return `<p><a href="${escapeHtml(block.url)}">${escapeHtml(block.label)}</a></p>`;
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
