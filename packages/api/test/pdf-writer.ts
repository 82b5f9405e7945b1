// A small writer of real PDF files for the tests: one page whose content stream (Flate-compressed)
// is the text operators given, with a Type 1 standard font. Enough for pdf.js to read.
import { deflateSync } from "node:zlib";

export const writePdf = (content: Buffer, pages = 1): Buffer => {
  const stream = deflateSync(content);
  // 1 catalog, 2 pages, 3 font, 4 content (shared by every page), 5… the pages.
  const kids = Array.from({ length: pages }, (_, i) => `${i + 5} 0 R`).join(" ");
  const objects: Buffer[] = [
    Buffer.from("<< /Type /Catalog /Pages 2 0 R >>"),
    Buffer.from(`<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`),
    Buffer.from("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
    Buffer.concat([
      Buffer.from(`<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`),
      stream,
      Buffer.from("\nendstream"),
    ]),
    ...Array.from({ length: pages }, () =>
      Buffer.from(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 3 0 R >> >> >>",
      ),
    ),
  ];
  const parts: Buffer[] = [Buffer.from("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", "latin1")];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from("\nendobj\n")]);
    parts.push(obj);
    offset += obj.length;
  });
  const xref = [
    "xref",
    `0 ${objects.length + 1}`,
    "0000000000 65535 f ",
    ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n `),
    "trailer",
    `<< /Size ${objects.length + 1} /Root 1 0 R >>`,
    "startxref",
    String(offset),
    "%%EOF",
  ].join("\n");
  parts.push(Buffer.from(`${xref}\n`));
  return Buffer.concat(parts);
};

/**
 * About `runs` text-show operators, each on its own line (so each is its own text run), 60 lines
 * down the page and back up again (pdf.js leaves out text off the page).
 */
export const pathologicalPdf = (runs: number, pages = 1): Buffer => {
  const column = `${"(ab) Tj 0 -12 Td\n".repeat(60)}0 720 Td\n`;
  return writePdf(
    Buffer.concat([
      Buffer.from("BT /F1 10 Tf 72 800 Td\n"),
      Buffer.from(column.repeat(Math.ceil(runs / 60))),
      Buffer.from("ET\n"),
    ]),
    pages,
  );
};
