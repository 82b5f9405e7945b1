// pdfjs-dist ships no types for its worker module; we only register it (see pdf-source.ts).
declare module "pdfjs-dist/legacy/build/pdf.worker.mjs" {
  export const WorkerMessageHandler: unknown;
}
