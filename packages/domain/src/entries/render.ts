/**
 * `renderReport` in the official layout (HTML page, Markdown, chat text,
 * CSV). Loads the catalog and the cell helpers, never the validators or the import.
 *
 * @module @ogi/domain/render
 */
export * from "../report/render/index.ts";
