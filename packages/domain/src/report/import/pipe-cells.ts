// Some pages come out of a browser or a scraper one table cell per line, each ending in "|",
// with runs of pipes ("|||") for the empty cells that end a row:
//   行政许可 |
//   0 |
//   ||
// Such runs are put back into rows ("行政许可 | 0 |  |  |") before the text is split into cells.
// A run of pipes ends a row and gives the table's width; later rows of that width are cut
// from the stream of cells. Blank cells stay blank (never zeros).
import { readCell } from "./normalize.ts";

const CELL = /^([^|｜]*)[|｜]$/;
const FILLER = /^[|｜]{2,}$/;

const isLabel = (text: string) => text !== "" && readCell(text) === null;

/** The text with runs of cell-per-line pipes regrouped into one line per row. */
export const regroupPipeCells = (lines: readonly string[]): string[] => {
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    let j = i;
    let withText = 0;
    while (j < lines.length) {
      const t = lines[j]!.trim();
      const cell = CELL.exec(t);
      if (cell) {
        if (cell[1]!.trim() !== "") withText++;
      } else if (!FILLER.test(t)) break;
      j++;
    }
    if (j - i < 4 || withText < 2) {
      out.push(lines[i]!);
      i++;
      continue;
    }
    // Blank lines after the rows keep the input's line numbers for the lines that follow.
    const rows = rowsOf(lines.slice(i, j).map((l) => l.trim()));
    out.push(...rows, ...new Array<string>(j - i - rows.length).fill(""));
    i = j;
  }
  return out;
};

const rowsOf = (block: readonly string[]): string[] => {
  const rows: string[] = [];
  let row: string[] = [];
  let width = 0;
  const emit = () => {
    if (row.length > 0) rows.push(`${row.join(" | ")} |`);
    row = [];
  };
  for (const line of block) {
    if (FILLER.test(line)) {
      for (let k = 0; k < line.length; k++) row.push("");
      width = row.length;
      emit();
      continue;
    }
    const text = CELL.exec(line)![1]!.trim();
    const full = width > 0 && row.length >= width;
    // Without a known width, a label after a row's values opens the next row.
    const next = width === 0 && isLabel(text) && row.some((c) => !isLabel(c));
    if (full || next) emit();
    row.push(text);
  }
  emit();
  return rows;
};
