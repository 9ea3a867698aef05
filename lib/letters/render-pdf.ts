import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";
import type { ComposedLetter } from "./compose-letters";

export type Paper = "a4" | "letter";

// DejaVu Sans covers Latin, accented Latin and Cyrillic; it ships with the
// app from npm (dejavu-fonts-ttf) and is embedded, subset, in every PDF.
const fontDir = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");
// Given the font file's bytes, pdfkit parses the font anew for every
// document (tables, kerning and shaping lookups, glyph outlines): about 30 ms
// of CPU per one-page letter (bench/pdf.ts). It also takes a font it has
// already parsed (pdfkit 0.20), so each font is parsed once per process.
// One thing must not outlive a document: fontkit caches each glyph with the
// characters it was first met as, and pdfkit maps glyphs back to text (for
// copying and search) from that. Subsetting a Russian letter meets the Latin
// "c" inside the Cyrillic "с" with no character at all; shared, that left the
// "c" out of the copied text of every later letter. So each document starts
// with no glyphs cached, as it did with a font of its own. pdfkit uses the
// font synchronously, so letters rendered at the same time cannot interleave.
type ParsedFont = { _glyphs: Record<number, unknown> }; // a fontkit Font (pdfkit's types only name byte sources)
let fonts: { regular: ParsedFont; bold: ParsedFont } | undefined;
function parseFont(file: string): ParsedFont {
  const probe = new PDFDocument({ autoFirstPage: false });
  probe.font(readFileSync(path.join(fontDir, file)));
  // pdfkit keeps the fontkit Font it parsed on the current font (`_font.font`).
  return (probe as unknown as { _font: { font: ParsedFont } })._font.font;
}
function loadFonts() {
  fonts ??= { regular: parseFont("DejaVuSans.ttf"), bold: parseFont("DejaVuSans-Bold.ttf") };
  fonts.regular._glyphs = {};
  fonts.bold._glyphs = {};
  return { regular: fonts.regular as unknown as Buffer, bold: fonts.bold as unknown as Buffer };
}

const margin = 64; // points; about 22 mm

/** One page (or more, for a long letter) per addressee: address block, date, subject, letter. */
export function renderLettersPdf(letters: readonly ComposedLetter[], paper: Paper = "a4"): Promise<Buffer> {
  const { regular, bold } = loadFonts();
  const doc = new PDFDocument({
    size: paper === "a4" ? "A4" : "LETTER",
    margin,
    autoFirstPage: false,
    // Nothing about the supporter in the metadata.
    info: { Title: letters[0]?.subject ?? "Letter", Creator: "Letter campaigns" },
  });
  doc.registerFont("body", regular);
  doc.registerFont("bold", bold);

  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const width = doc.page ? doc.page.width : paper === "a4" ? 595.28 : 612;
  for (const letter of letters) {
    doc.addPage();
    const textWidth = width - 2 * margin;
    doc.font("body").fontSize(10.5).fillColor("#000");
    doc.text(letter.addressBlock.join("\n"), { width: textWidth * 0.6 });
    doc.moveDown(1.5);
    doc.text(letter.dateLine, { width: textWidth, align: "right" });
    doc.moveDown(1.5);
    doc.font("bold").fontSize(11).text(letter.subject, { width: textWidth });
    doc.moveDown(1);
    doc.font("body").fontSize(11).text(letter.text, { width: textWidth, lineGap: 2, paragraphGap: 4 });
  }
  doc.end();
  return done;
}
