// The PDF's draft watermark as outlines, not text: the glyphs of 草稿 (or DRAFT) taken from the
// embedded font by fontkit (which pdfkit ships) and drawn as filled paths, light grey, across
// the page behind the text. A page image shows it; the text layer (pdftotext, copying, search,
// screen readers) does not have it, so a draft's text reads exactly as the published one.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

type Path = {
  toSVG: () => string;
  transform: (a: number, b: number, c: number, d: number, e: number, f: number) => Path;
};
type Glyph = { path: Path };
type FontkitFont = {
  layout: (text: string) => {
    glyphs: Glyph[];
    positions: { xAdvance: number }[];
    bbox: { minX: number; minY: number; maxX: number; maxY: number };
  };
};
export type Fontkit = { create: (buffer: Uint8Array, postscriptName?: string) => unknown };

/** pdfkit's own fontkit (the one it parses the embedded fonts with). */
export const pdfkitFontkit = (): { fontkit: Fontkit; path: string } => {
  const fromPdfkit = createRequire(createRequire(require.resolve("pdfmake")).resolve("pdfkit"));
  return { fontkit: fromPdfkit("fontkit") as Fontkit, path: fromPdfkit.resolve("fontkit") };
};

/** The watermark's fill: a light grey, as Word and WPS show theirs. */
export const WATERMARK_GREY = "#d0d0d0";
/** Across the page, rising to the right, as the HTML page and the Word file have it. */
const ANGLE = -45;
/** The watermark's width as a share of the page's diagonal. */
const SHARE = 0.45;

const cache = new WeakMap<Uint8Array, Map<string, string>>();

/**
 * An SVG the size of the page with `text` drawn as glyph outlines of `font` (its bytes), centred
 * and turned across the page. Made once per font and text.
 */
export const watermarkSvg = (
  text: string,
  font: Uint8Array,
  page: { width: number; height: number },
): string => {
  const key = `${text}|${page.width}x${page.height}`;
  const byText = cache.get(font) ?? new Map<string, string>();
  cache.set(font, byText);
  const known = byText.get(key);
  if (known !== undefined) return known;
  const { fontkit } = pdfkitFontkit();
  const run = (fontkit.create(font) as FontkitFont).layout(text);
  const { minX, minY, maxX, maxY } = run.bbox;
  const scale = (Math.hypot(page.width, page.height) * SHARE) / Math.max(1, maxX - minX);
  const [cx, cy] = [(minX + maxX) / 2, (minY + maxY) / 2];
  // Font units have y going up: flip, turn, centre on the page. The outlines are moved here, so
  // the SVG has plain page coordinates and no transforms.
  const [cos, sin] = [Math.cos((ANGLE * Math.PI) / 180), Math.sin((ANGLE * Math.PI) / 180)];
  const [a, b, c, d] = [cos * scale, sin * scale, sin * scale, -cos * scale];
  let x = 0;
  const paths = run.glyphs.map((glyph, i) => {
    const [gx, gy] = [x - cx, -cy];
    x += run.positions[i]?.xAdvance ?? 0;
    const e = page.width / 2 + a * gx + c * gy;
    const f = page.height / 2 + b * gx + d * gy;
    const path = glyph.path.transform(a, b, c, d, e, f).toSVG();
    return path === "" ? "" : `<path d="${path}"/>`;
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${page.width}" height="${page.height}" viewBox="0 0 ${page.width} ${page.height}"><g fill="${WATERMARK_GREY}">${paths.join("")}</g></svg>`;
  byText.set(key, svg);
  return svg;
};
