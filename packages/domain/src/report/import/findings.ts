// Import findings: what a reader could not read, pointing at the input line.
import type { Finding } from "../findings.ts";

export const unreadable = (line: number, cells: string[], zh: string, en: string): Finding => ({
  code: "import.unreadable",
  severity: "warning",
  cells,
  message: { zh, en },
  line: Math.max(1, Math.trunc(line) || 1),
});

export const outdated = (line: number, labels: string, cells: string[] = []): Finding => ({
  code: "format.outdated",
  severity: "error",
  cells,
  message: {
    zh: `使用了 2019 年试行格式（国办公开办函〔2019〕60号）的栏目“${labels}”；2021 年起应使用新格式（国办公开办函〔2021〕30号）。`,
    en: `Uses the columns "${labels}" of the 2019 trial format (国办公开办函〔2019〕60号); since 2021 the new format (国办公开办函〔2021〕30号) applies.`,
  },
  line: Math.max(1, Math.trunc(line) || 1),
});

/** A row of a table that is not in the document (cut off, printed as an image, left out). */
export const missingRow = (line: number, cells: string[], zh: string, en: string): Finding => ({
  code: "import.missingRow",
  severity: "warning",
  cells,
  message: { zh, en },
  line: Math.max(1, Math.trunc(line) || 1),
});
