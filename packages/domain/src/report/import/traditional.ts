// Reports printed in traditional characters (a Hong Kong or Taiwan mirror, a page converted by
// a site's 繁體 switch) are read as simplified. The converter (opencc-js, from OpenCC's standard
// traditional "t" to mainland simplified "cn": the "tw" variants turn simplified 么 into 幺,
// OpenCC #1469) is loaded only when a report needs it, by the async entry `parseReport`.
import type { SourceDoc } from "./source-lines.ts";

export type Simplifier = (text: string) => string;

// Traditional-only forms frequent in these reports (never used in simplified text).
const TRADITIONAL =
  /[資訊開請處報與關門區縣機構稅務應對結轉複議訴訟數總計說問題網絡聯護國內個為這來會經發織單將從當後實據條規範許準決態辦內員業營協類統與財產線覽點權審閱廣電們]/g;

/** Whether a text is printed in traditional characters (a few of their forms, not one stray). */
export const hasTraditional = (text: string): boolean => {
  let n = 0;
  TRADITIONAL.lastIndex = 0;
  while (TRADITIONAL.exec(text)) if (++n >= 3) return true;
  return false;
};

let converter: Simplifier | undefined;
let loading: Promise<Simplifier> | undefined;

/** Loads opencc-js once (about 100 kB of dictionaries). */
export const loadSimplifier = (): Promise<Simplifier> => {
  loading ??= import("opencc-js/t2cn").then((m) => {
    converter = m.Converter({ from: "t", to: "cn" }) as Simplifier;
    return converter;
  });
  return loading;
};

/** The converter when it has been loaded (the sync entries use it then), else undefined. */
export const loadedSimplifier = (): Simplifier | undefined => converter;

/** The document's text in simplified characters (cells and lines alike). */
export const simplifyDoc = (doc: SourceDoc, simplify: Simplifier): SourceDoc => ({
  ...doc,
  lines: doc.lines.map((l) =>
    l.text === ""
      ? l
      : {
          ...l,
          text: simplify(l.text),
          cells: l.cells.map((c) => ({ ...c, text: simplify(c.text) })),
        },
  ),
});

/** Whether any line of the document is in traditional characters. */
export const docHasTraditional = (doc: SourceDoc): boolean =>
  hasTraditional(
    doc.lines
      .slice(0, 400)
      .map((l) => l.text)
      .join("\n"),
  );
