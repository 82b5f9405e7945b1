// The report's Word, PDF and Excel files are written in the document workers, not on the API's
// thread (issue 17): while several PDFs are being written, /health keeps answering (checked by
// the order of the answers, not by a stopwatch), the API's thread never loads pdfmake, and a
// download beyond the bound is refused at once with 503 renderBusy in both languages.
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { createTestDb, type Database } from "@ogi/db";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_DOCUMENT_LIMITS, type DocumentLimits } from "../src/documents/limits.ts";
import { createDocumentReader } from "../src/documents/reader-pool.ts";
import { createApiServer } from "../src/server.ts";
import { type Served, serveWithDocuments } from "./documents-server.ts";
import { ADMIN_TOKEN, fixedClock } from "./helpers.ts";

const AGENCY = "411421-gov";
let database: Database;
beforeAll(async () => {
  database = await createTestDb("pglite");
});
afterAll(async () => {
  await database.close();
});

/** The agency whose report is downloaded (there already when an earlier test made it). */
const addAgency = async (base: string) => {
  const agency = await fetch(`${base}/v1/agencies`, {
    method: "POST",
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify({ code: AGENCY, name: "民权县人民政府", regionCode: "411421" }),
  });
  expect([201, 409]).toContain(agency.status);
};

const serve = async (limits: Partial<DocumentLimits>): Promise<Served> => {
  const served = await serveWithDocuments(database.db, limits);
  await addAgency(served.base);
  return served;
};

const download = async (base: string, format: "docx" | "pdf" | "xlsx") => {
  const res = await fetch(`${base}/v1/agencies/${AGENCY}/reports/2025?format=${format}`, {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
  });
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { status: res.status, bytes, headers: res.headers };
};

const until = async (ok: () => boolean) => {
  while (!ok()) await new Promise((r) => setTimeout(r, 5));
};

const pdfmakeLoaded = () => {
  const cache = createRequire(import.meta.url).cache;
  return Object.keys(cache).some((k) => /[\\/]pdfmake[\\/]/.test(k));
};

describe("Word, PDF and Excel are written off the API's thread", () => {
  it("while four PDFs are written, /health answers again and again before the first is done", async () => {
    const s = await serve({ renderWorkers: 2, renderQueue: 8 });
    try {
      const order: string[] = [];
      const renders = Array.from({ length: 4 }, () =>
        download(s.base, "pdf").then((r) => {
          order.push("pdf");
          return r;
        }),
      );
      // The workers have them: two writing, two waiting.
      const inPool = () => {
        const { rendering, renderQueued } = s.reader.stats();
        return rendering === 2 && renderQueued === 2;
      };
      await until(() => inPool() || order.length > 0);
      expect(order).toEqual([]);
      let first = false;
      void Promise.race(renders).then(() => {
        first = true;
      });
      // /health, one call after another, until a PDF is done (or three have answered).
      let answers = 0;
      while (!first && answers < 3) {
        const res = await fetch(`${s.base}/health`);
        expect(res.status).toBe(200);
        await res.arrayBuffer();
        order.push("health");
        answers++;
      }
      const done = await Promise.all(renders);
      // Old code: each PDF held the API's thread; /health waited behind them.
      expect(order.slice(0, 3)).toEqual(["health", "health", "health"]);
      for (const r of done) {
        expect(r.status).toBe(200);
        expect(new TextDecoder("latin1").decode(r.bytes.subarray(0, 5))).toBe("%PDF-");
        expect(r.headers.get("content-type")).toBe("application/pdf");
      }
      expect(pdfmakeLoaded()).toBe(false);
      expect(s.reader.stats()).toMatchObject({ rendering: 0, renderQueued: 0 });
    } finally {
      await s.close();
    }
  });

  it("a download beyond the bound (a report's or the register's) is 503 renderBusy with Retry-After, in both languages", async () => {
    const s = await serve({ renderWorkers: 1, renderQueue: 0 });
    try {
      const first = download(s.base, "pdf");
      await until(() => s.reader.stats().rendering === 1);
      const refused = await fetch(`${s.base}/v1/agencies/${AGENCY}/reports/2025?format=docx`, {
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      });
      expect(refused.status).toBe(503);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      const body = (await refused.json()) as {
        error: { code: string; message: { zh: string; en: string } };
      };
      expect(body.error.code).toBe("renderBusy");
      expect(body.error.message.zh).toMatch(/^正在生成的 Word、PDF 或 Excel 文件过多.*秒后重试。$/);
      expect(body.error.message.en).toMatch(/^Too many Word, PDF or Excel files are being written/);
      // The register's Excel export is written by the same workers, within the same bound.
      const exportUrl = `${s.base}/v1/agencies/${AGENCY}/applications/export?format=xlsx`;
      const auth = { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } };
      const sheetRefused = await fetch(exportUrl, auth);
      expect(sheetRefused.status).toBe(503);
      expect(((await sheetRefused.json()) as { error: { code: string } }).error.code).toBe(
        "renderBusy",
      );
      expect((await first).status).toBe(200);
      const sheet = await fetch(exportUrl, auth);
      expect(sheet.status).toBe(200);
      expect(
        new TextDecoder("latin1").decode(new Uint8Array(await sheet.arrayBuffer()).subarray(0, 2)),
      ).toBe("PK");
      // The worker is free again: the next file is written.
      for (const format of ["docx", "xlsx"] as const) {
        const r = await download(s.base, format);
        expect(r.status).toBe(200);
        expect(new TextDecoder("latin1").decode(r.bytes.subarray(0, 2))).toBe("PK");
      }
    } finally {
      await s.close();
    }
  });

  it("a started API loads the writers in one worker once listening; the first download uses it", async () => {
    const reader = createDocumentReader(DEFAULT_DOCUMENT_LIMITS);
    const { server } = createApiServer(
      database,
      {
        clock: fixedClock("2025-12-20T02:00:00Z"),
        logger: pino({ level: "silent" }),
        config: { adminToken: ADMIN_TOKEN },
        documents: reader,
      },
      { warmDocuments: true },
    );
    try {
      expect(reader.stats().workers).toBe(0);
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      await until(() => reader.stats().workers === 1);
      await until(() => reader.stats().rendering === 0);
      expect(pdfmakeLoaded()).toBe(false);
      await addAgency(base);
      const r = await download(base, "pdf");
      expect(r.status).toBe(200);
      // Written by the warmed worker: no second one was started.
      expect(reader.stats().workers).toBe(1);
    } finally {
      await new Promise((r) => server.close(r));
      await reader.close();
    }
  });
});
