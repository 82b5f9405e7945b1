// POST /v1/parse with several files (issue 20): each read by the worker pool and checked, a
// file that cannot be read reported while the others are read, the county government's
// section 三 against its departments' sum; a .zip is opened, a zip bomb refused.
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { getRequestListener } from "@hono/node-server";
import { createTestDb, type Database } from "@ogi/db";
import {
  emptyReport,
  parseReportText,
  REQUEST_COLUMNS,
  REQUEST_ROWS,
  type SetResult,
} from "@ogi/domain";
import { zipSync } from "fflate";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.ts";
import { DEFAULT_DOCUMENT_LIMITS } from "../src/documents/limits.ts";
import { createDocumentReader, type DocumentReader } from "../src/documents/reader-pool.ts";
import { ADMIN_TOKEN, fixedClock } from "./helpers.ts";
import { writePdf } from "./pdf-writer.ts";

const shared = resolve(import.meta.dirname, "../../../../shared/fixtures/reports");
const huaian = readFileSync(resolve(shared, "huaian-2024.layout.txt"));
// A page with a drawing and no text: what a scan is to the reader.
const scan = writePdf(Buffer.from("0 0 1 rg 10 10 200 300 re f"));

let database: Database;
let reader: DocumentReader;
let server: Server;
let base: string;
beforeAll(async () => {
  database = await createTestDb("pglite");
  reader = createDocumentReader({ ...DEFAULT_DOCUMENT_LIMITS, maxBytes: 4 * 1024 * 1024 });
  const app = createApp({
    db: database.db,
    clock: fixedClock("2025-12-20T02:00:00Z"),
    logger: pino({ level: "silent" }),
    config: { adminToken: ADMIN_TOKEN },
    documents: reader,
  });
  server = createServer(getRequestListener(app.fetch));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await reader.close();
  await database.close();
});

const county = parseReportText(huaian.toString("utf8")).report;
const department = (name: string, share: (v: number) => number, plusOne = false) => {
  const r = emptyReport({ name }, 2024);
  for (const row of REQUEST_ROWS)
    for (const col of REQUEST_COLUMNS) r.requests[row][col] = share(county.requests[row][col]!);
  if (plusOne) r.requests.granted.total += 1;
  return JSON.stringify(r);
};

const post = async (files: [string, Uint8Array | string][], query = "") => {
  const form = new FormData();
  for (const [name, bytes] of files)
    form.append(
      "files",
      new Blob([typeof bytes === "string" ? bytes : new Uint8Array(bytes)]),
      name,
    );
  const res = await fetch(`${base}/v1/parse${query}`, { method: "POST", body: form });
  return {
    status: res.status,
    data: (await res.json()) as SetResult & { error?: { code: string } },
  };
};

describe("POST /v1/parse with several files", () => {
  it("reads each, reports a bad file, checks the hierarchy, sums up", async () => {
    const { status, data } = await post([
      ["淮安市人民政府.txt", huaian],
      ["甲局.json", department("甲局", (v) => Math.floor(v / 2))],
      ["乙局.json", department("乙局", (v) => v - Math.floor(v / 2), true)],
      ["扫描件.pdf", scan],
    ]);
    expect(status).toBe(200);
    expect(data.entries.map((e) => [e.name, e.ok])).toEqual([
      ["淮安市人民政府.txt", true],
      ["甲局.json", true],
      ["乙局.json", true],
      ["扫描件.pdf", false],
    ]);
    const bad = data.entries[3]!;
    expect(!bad.ok && bad.error.code).toBe("scanned-pdf");
    expect(!bad.ok && bad.error.zh).toContain("扫描版 PDF");
    expect(data.hierarchy).toMatchObject([
      { code: "hierarchy.sumMismatch", severity: "error", cells: ["requests.granted.total"] },
    ]);
    expect(data.summary).toMatchObject({
      files: 4,
      read: 3,
      failed: 1,
      county: "淮安市人民政府.txt",
      departments: 2,
      hierarchyMismatches: 1,
    });
  });

  it("opens a .zip among the files; ?county= names the county's file", async () => {
    const zip = zipSync({
      "县/本级.txt": huaian,
      "县/甲局.json": new TextEncoder().encode(department("甲局", (v) => v)),
    });
    const { status, data } = await post([["county.zip", zip]], "?county=县/本级.txt");
    expect(status).toBe(200);
    expect(data.summary).toMatchObject({
      files: 2,
      read: 2,
      county: "县/本级.txt",
      departments: 1,
    });
    expect(data.hierarchy).toEqual([]);
  });

  it("refuses a zip bomb (422 import.zip-refused), and a form without files (400)", async () => {
    const bomb = zipSync({ "r.txt": new Uint8Array(30 * 1024 * 1024) }, { level: 1 });
    const refused = await post([["bomb.zip", bomb]]);
    expect(refused.status).toBe(422);
    expect(refused.data.error?.code).toBe("import.zip-refused");
    const form = new FormData();
    form.append("note", "no file");
    const res = await fetch(`${base}/v1/parse`, { method: "POST", body: form });
    expect(res.status).toBe(400);
  });

  it("one document as the body still answers the single report", async () => {
    const res = await fetch(`${base}/v1/parse`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: huaian,
    });
    expect(res.status).toBe(200);
    const data = (await res.json()) as { report: { agency: { name: string } } };
    expect(data.report.agency.name).toBe("淮安市人民政府");
  });
});
