import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";
import type { ComposedLetter } from "./compose-letters";

export type Paper = "a4" | "letter";

// DejaVu Sans covers Latin, accented Latin and Cyrillic; it ships with the
// app from npm (dejavu-fonts-ttf) and is embedded, subset, in every PDF.
const fontDir = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");
let fonts: { regular: Buffer; bold: Buffer } | undefined;
function loadFonts() {
  fonts ??= {
    regular: readFileSync(path.join(fontDir, "DejaVuSans.ttf")),
    bold: readFileSync(path.join(fontDir, "DejaVuSans-Bold.ttf")),
  };
  return fonts;
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
