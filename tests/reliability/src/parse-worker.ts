// Runs parseReport on the cases the test sends, one at a time, in a worker thread: a case that
// hangs or eats memory is stopped (terminate, resourceLimits) instead of taking the test with it.
import { parentPort } from "node:worker_threads";
import { parseReport } from "@ogi/domain";

parentPort!.on(
  "message",
  async (m: { id: number; input: Uint8Array | string; filename?: string }) => {
    const started = performance.now();
    try {
      const r = await parseReport(m.input, m.filename ? { filename: m.filename } : {});
      parentPort!.postMessage({
        id: m.id,
        ok: true,
        findings: r.findings.length,
        findingsValid: r.findings.every(
          (f) => typeof f.code === "string" && f.message?.zh && f.message?.en,
        ),
        hasReport: typeof r.report === "object" && r.report !== null,
        ms: performance.now() - started,
        heapMb: process.memoryUsage().heapUsed / 1024 / 1024,
      });
    } catch (error) {
      const e = error as { name?: string; message?: string; zh?: string; code?: string };
      parentPort!.postMessage({
        id: m.id,
        ok: false,
        name: e?.name,
        code: e?.code,
        message: String(e?.message ?? error),
        zh: e?.zh,
        ms: performance.now() - started,
        heapMb: process.memoryUsage().heapUsed / 1024 / 1024,
      });
    }
  },
);
