import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";

// lib/letters/render-pdf.ts draws one supporter's letters with their address
// block; a digest or a pack needs a cover page and many supporters' letters,
// each headed by its number and date, so it has this small renderer of its
// own, with the same embedded font (DejaVu Sans: Latin and Cyrillic).
const fontDir = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");
let fontBytes: { regular: Buffer; bold: Buffer } | undefined;
const fonts = () =>
  (fontBytes ??= {
    regular: readFileSync(path.join(fontDir, "DejaVuSans.ttf")),
    bold: readFileSync(path.join(fontDir, "DejaVuSans-Bold.ttf")),
  });

export type CoverPage = {
  title: string;
  lines: string[];
  tables: { heading: string; rows: [string, number][] }[];
};

export type BundledLetter = { heading: string; dateLine: string; subject: string; text: string };

const margin = 64;

/**
 * The cover page (when given), then one page per letter: its heading, date,
 * subject and text as the supporter sent it (the signature line inside the
 * text carries only the identity they chose). Nothing about anyone in the
 * metadata.
 */
export function renderDigestPdf(cover: CoverPage | null, letters: readonly BundledLetter[]): Promise<Buffer> {
  const { regular, bold } = fonts();
  const doc = new PDFDocument({
    size: "A4",
    margin,
    autoFirstPage: false,
    info: { Title: cover?.title ?? letters[0]?.subject ?? "Letters", Creator: "Letter campaigns" },
  });
  doc.registerFont("body", regular);
  doc.registerFont("bold", bold);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const width = 595.28 - 2 * margin;

  if (cover) {
    doc.addPage();
    doc.font("bold").fontSize(16).text(cover.title, { width });
    doc.moveDown(0.8);
    doc.font("body").fontSize(11);
    for (const line of cover.lines) doc.text(line, { width });
    for (const table of cover.tables) {
      doc.moveDown(1);
      doc.font("bold").fontSize(12).text(table.heading, { width });
      doc.moveDown(0.3);
      doc.font("body").fontSize(10.5);
      for (const [label, count] of table.rows) {
        // Long tables run on to further pages by themselves.
        const y = doc.y;
        doc.text(label, margin, y, { width: width * 0.75 });
        const after = doc.y;
        doc.text(String(count), margin + width * 0.75, y, { width: width * 0.25, align: "right" });
        doc.x = margin;
        doc.y = Math.max(after, doc.y);
      }
    }
  }
  for (const letter of letters) {
    doc.addPage();
    doc.font("body").fontSize(9).fillColor("#555").text(letter.heading, { width });
    doc.text(letter.dateLine, { width, align: "right" });
    doc.fillColor("#000").moveDown(1);
    doc.font("bold").fontSize(11).text(letter.subject, { width });
    doc.moveDown(1);
    doc.font("body").fontSize(11).text(letter.text, { width, lineGap: 2, paragraphGap: 4 });
  }
  doc.end();
  return done;
}
