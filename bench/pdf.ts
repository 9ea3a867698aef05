// PDF letters: the real renderer (lib/letters/render-pdf.ts, DejaVu Sans
// embedded and subset) rendering 500 one-page letters of the launch campaign,
// one PDF each, against pdfkit laying out the same text the same way in its
// built-in Helvetica (nothing embedded) in the same run. Target: median at
// most 10 ms per one-page letter. Every PDF is checked to have one page.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import PDFDocument from "pdfkit";
import { launchCampaign } from "../lib/campaigns/launch-campaign.ts";
import { composeLetter, type ComposedLetter, type LetterAddressee } from "../lib/letters/compose-letters.ts";
import { draftFromTemplate } from "../lib/letters/placeholders.ts";
import { renderLettersPdf } from "../lib/letters/render-pdf.ts";
import { printFigure } from "./lib/report.ts";
import { formatSummary, summarise } from "./lib/stats.ts";

const letterCount = Number(process.env.BENCH_LETTERS ?? 500);
const warmup = 50;
const language = process.env.BENCH_PDF_LANGUAGE ?? "en";

// The launch campaign's addressees and letter, composed as the letter builder does.
const addressees: LetterAddressee[] = launchCampaign.addressees.map((a) => {
  const local = a.translations?.[language];
  return {
    id: a.key,
    name: local?.name ?? a.name,
    role: local?.role ?? a.role,
    organisation: a.organisation ?? null,
    kind: a.kind,
    country: a.country ?? null,
    emails: a.emails,
    xHandle: a.xHandle ?? null,
    postalAddress: a.postalAddress ?? null,
    salutation: local?.salutation ?? a.salutation ?? null,
  };
});
const template = launchCampaign.templates[language]!;
const body = draftFromTemplate(
  template.body,
  launchCampaign.demands.map((d) => d[language] ?? d.en!),
);
const letters: ComposedLetter[] = Array.from({ length: letterCount + warmup }, (_, i) =>
  composeLetter(
    addressees[i % addressees.length]!,
    {
      subject: template.subject,
      body,
      language,
      identity: "full",
      name: `Supporter Number${i}`,
      city: "Lyon",
      country: "FR",
    },
    new Date(Date.UTC(2026, 10, 23)),
  ),
);

// The same layout calls as render-pdf.ts, in a font pdfkit gets by name or as
// the file's bytes. Helvetica, built in and not embedded, is the baseline. The
// font file's bytes, parsed by pdfkit for every document, is what
// render-pdf.ts did before it parsed each font once per process: measured
// here as a reference, so the change shows in the same run.
const margin = 64;
const dejaVu = path.join("node_modules", "dejavu-fonts-ttf", "ttf");
const fontBytes = {
  regular: readFileSync(path.join(dejaVu, "DejaVuSans.ttf")),
  bold: readFileSync(path.join(dejaVu, "DejaVuSans-Bold.ttf")),
};
function renderIn(regular: string | Buffer, bold: string | Buffer) {
  return (letter: ComposedLetter): Promise<Buffer> => {
    const doc = new PDFDocument({
      size: "A4",
      margin,
      autoFirstPage: false,
      info: { Title: letter.subject, Creator: "Letter campaigns" },
    });
    doc.registerFont("body", regular);
    doc.registerFont("bold", bold);
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<Buffer>((resolve, reject) => {
      doc.on("end", () => resolve(Buffer.concat(chunks)));
      doc.on("error", reject);
    });
    doc.addPage();
    const textWidth = doc.page.width - 2 * margin;
    doc.font("body").fontSize(10.5).fillColor("#000");
    doc.text(letter.addressBlock.join("\n"), { width: textWidth * 0.6 });
    doc.moveDown(1.5);
    doc.text(letter.dateLine, { width: textWidth, align: "right" });
    doc.moveDown(1.5);
    doc.font("bold").fontSize(11).text(letter.subject, { width: textWidth });
    doc.moveDown(1);
    doc.font("body").fontSize(11).text(letter.text, { width: textWidth, lineGap: 2, paragraphGap: 4 });
    doc.end();
    return done;
  };
}

// pdfkit writes page objects uncompressed ("/Type /Page"; the tree is "/Type /Pages").
function pageCount(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type \/Page(?![a-zA-Z])/g) ?? []).length;
}

async function measure(render: (letter: ComposedLetter) => Promise<Buffer>) {
  for (let i = 0; i < warmup; i++) await render(letters[i]!);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const digests: string[] = [];
  const pages = new Map<number, number>();
  let bytes = 0;
  let sample: Buffer | undefined;
  const start = performance.now();
  for (let i = warmup; i < warmup + letterCount; i++) {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const pdf = await render(letters[i]!);
    times.push(performance.now() - t0);
    const cpu = process.cpuUsage(cpu0);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
    const n = pageCount(pdf);
    pages.set(n, (pages.get(n) ?? 0) + 1);
    bytes += pdf.length;
    sample ??= pdf;
    // Same PDF apart from its creation date and the ID made from it? (compared between renderers below)
    const undated = pdf
      .toString("latin1")
      .replace(/\(D:\d+Z\)/g, "")
      .replace(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/, "");
    digests.push(createHash("sha256").update(undated).digest("hex"));
  }
  return {
    summary: summarise(times),
    cpu: summarise(cpuTimes),
    digests,
    seconds: (performance.now() - start) / 1000,
    pages,
    averageBytes: bytes / letterCount,
    sample: sample!,
  };
}

const pagesText = (pages: Map<number, number>) =>
  [...pages].map(([n, count]) => `${count} with ${n} page${n === 1 ? "" : "s"}`).join(", ");
const describe = (label: string, m: Awaited<ReturnType<typeof measure>>) =>
  console.log(
    `${label}: wall ${formatSummary(m.summary)}; CPU p50 ${m.cpu.p50.toFixed(2)} ms; ${m.seconds.toFixed(2)} s in all; ${Math.round(m.averageBytes)} bytes each; ${pagesText(m.pages)}`,
  );

console.log(
  `PDF: ${letterCount} one-page letters (${language}, A4) after ${warmup} warm-up renders each way, one PDF per letter, one after another`,
);
const baseline = await measure(renderIn("Helvetica", "Helvetica-Bold"));
describe("baseline (pdfkit, built-in Helvetica, nothing embedded)", baseline);
const app = await measure((letter) => renderLettersPdf([letter], "a4"));
describe("app (renderLettersPdf, DejaVu Sans parsed once per process)", app);
const perDocument = await measure(renderIn(fontBytes.regular, fontBytes.bold));
describe("reference (same layout, DejaVu Sans parsed per document, as before)", perDocument);

// A second opinion on the page count from poppler's pdfinfo, when installed.
const folder = mkdtempSync(path.join(tmpdir(), "bench-pdf-"));
try {
  const file = path.join(folder, "letter.pdf");
  writeFileSync(file, app.sample);
  const info = spawnSync("pdfinfo", [file], { encoding: "utf8" });
  if (info.status === 0) {
    const pagesLine = info.stdout.match(/^Pages:\s+(\d+)/m)?.[1];
    const fonts = spawnSync("pdffonts", [file], { encoding: "utf8" });
    const fontNames =
      fonts.status === 0
        ? fonts.stdout
            .split("\n")
            .slice(2)
            .filter(Boolean)
            .map((l) => l.split(/\s+/).slice(0, 1).join("") + (/\byes\s+yes\b/.test(l) ? " (embedded, subset)" : ""))
            .join(", ")
        : "";
    console.log(`pdfinfo on the first app PDF: ${pagesLine} page(s)${fontNames ? `; pdffonts: ${fontNames}` : ""}`);
    if (pagesLine !== "1") throw new Error(`pdfinfo counts ${pagesLine} pages`);
  } else {
    console.log("pdfinfo not installed; page counts come from the PDF's page objects only");
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}

// The app lays out exactly as the per-document reference does, so parsing
// the font once must give the same bytes (text mapping included).
const unlike = app.digests.filter((digest, i) => digest !== perDocument.digests[i]).length;
console.log(
  `app PDFs identical to the per-document-font reference (apart from creation date and ID): ${letterCount - unlike} of ${letterCount}`,
);
if (unlike > 0) {
  console.error(`${unlike} PDFs differ from the ones a font parsed per document gives`);
  process.exit(1);
}

const notOnePage = [...app.pages].filter(([n]) => n !== 1).reduce((sum, [, count]) => sum + count, 0);
if (notOnePage > 0) {
  console.error(`${notOnePage} of ${letterCount} letters did not render to exactly one page`);
  process.exit(1);
}

printFigure({
  name: `PDF, one-page letter with embedded DejaVu Sans (median of ${letterCount})`,
  value: app.summary.p50,
  unit: "ms",
  baseline: baseline.summary.p50,
  target: "median <= 10 ms per letter",
  met: app.summary.p50 <= 10,
  note: `p95 ${app.summary.p95.toFixed(1)} ms vs baseline p95 ${baseline.summary.p95.toFixed(1)} ms; font parsed per document (before): median ${perDocument.summary.p50.toFixed(1)} ms`,
});
