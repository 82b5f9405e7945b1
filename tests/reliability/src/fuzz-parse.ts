// Mutated published reports for parseReport: truncated, lines shuffled or dropped, binary junk,
// a few-MB file, PDFs that are not PDFs. Each case runs in a worker with a time and heap limit.
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Worker } from "node:worker_threads";
import fc from "fast-check";
import { sharedDir } from "./harness.ts";

export const FIXTURES = resolve(sharedDir, "fixtures/reports");

export type ParseCase = { label: string; input: Uint8Array | string; filename?: string };
export type ParseOutcome =
  | {
      ok: true;
      findings: number;
      findingsValid: boolean;
      hasReport: boolean;
      ms: number;
      heapMb: number;
    }
  | {
      ok: false;
      name?: string;
      code?: string;
      message: string;
      zh?: string;
      ms: number;
      heapMb: number;
    };

export const loadFixtures = () =>
  readdirSync(FIXTURES)
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(resolve(FIXTURES, name))) }));

const enc = new TextEncoder();
const dec = new TextDecoder();

/** fast-check cases built from the fixtures. */
export const parseCases = (fixtures: { name: string; bytes: Uint8Array }[]) => {
  const fixture = fc.constantFrom(...fixtures);
  const texts = fixtures.filter((f) => !f.name.endsWith(".pdf"));
  const pdfs = fixtures.filter((f) => f.name.endsWith(".pdf"));
  const text = fc.constantFrom(...texts);
  const lines = (f: { bytes: Uint8Array }) => dec.decode(f.bytes).split("\n");
  const options: fc.Arbitrary<ParseCase>[] = [
    // Truncated anywhere (a PDF cut short included).
    fc.tuple(fixture, fc.double({ min: 0, max: 1, noNaN: true })).map(([f, at]) => ({
      label: `${f.name} truncated at ${Math.floor(f.bytes.length * at)}`,
      input: f.bytes.slice(0, Math.floor(f.bytes.length * at)),
      filename: f.name,
    })),
    // Lines shuffled, dropped or repeated.
    fc.tuple(text, fc.infiniteStream(fc.integer())).map(([f, stream]) => {
      const ls = lines(f);
      const order = ls.map((l, i) => [stream.next().value as number, l, i] as const);
      order.sort((a, b) => a[0] - b[0]);
      return {
        label: `${f.name} shuffled`,
        input: order.map((o) => o[1]).join("\n"),
        filename: f.name,
      };
    }),
    fc.tuple(text, fc.array(fc.nat(), { maxLength: 40 })).map(([f, drops]) => {
      const ls = lines(f);
      const gone = new Set(drops.map((d) => d % Math.max(1, ls.length)));
      return {
        label: `${f.name} without ${gone.size} lines`,
        input: ls.filter((_, i) => !gone.has(i)).join("\n"),
        filename: f.name,
      };
    }),
    // Binary junk spliced in.
    fc
      .tuple(fixture, fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 2000 }))
      .map(([f, at, junk]) => {
        const i = at % (f.bytes.length + 1);
        const out = new Uint8Array(f.bytes.length + junk.length);
        out.set(f.bytes.slice(0, i));
        out.set(junk, i);
        out.set(f.bytes.slice(i), i + junk.length);
        return {
          label: `${f.name} with ${junk.length} junk bytes at ${i}`,
          input: out,
          filename: f.name,
        };
      }),
    // Bytes flipped here and there.
    fc
      .tuple(
        fixture,
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 50 }),
      )
      .map(([f, flips]) => {
        const out = f.bytes.slice();
        for (const [at, b] of flips) out[at % out.length] = b;
        return {
          label: `${f.name} with ${flips.length} bytes changed`,
          input: out,
          filename: f.name,
        };
      }),
    // PDFs that are not PDFs.
    fc
      .tuple(
        fc.constantFrom("%PDF-1.7\n", "%PDF-", "%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<", ""),
        fc.oneof(
          fc.uint8Array({ maxLength: 4000 }),
          text.map((f) => f.bytes),
        ),
      )
      .map(([head, body]) => {
        const h = enc.encode(head);
        const out = new Uint8Array(h.length + body.length);
        out.set(h);
        out.set(body, h.length);
        return {
          label: `not a PDF (${JSON.stringify(head)}, ${body.length} bytes)`,
          input: out,
          filename: "report.pdf",
        };
      }),
    // Random text and unicode edge cases.
    fc
      .string({ unit: "binary", maxLength: 3000 })
      .map((s) => ({ label: `random text of ${s.length}`, input: s })),
    fc.constantFrom<ParseCase>(
      { label: "empty string", input: "" },
      { label: "empty bytes", input: new Uint8Array() },
      { label: "NULs", input: "\u0000".repeat(10_000) },
      { label: "lone surrogates", input: "\uD800一、总体情况\uDC00".repeat(500) },
      {
        label: "RTL and zero-width",
        input: "\u202E二、主动公开政府信息情况\u200B\u200D".repeat(1000),
      },
      {
        label: "html without end",
        input: "<html><table><tr><td>".repeat(500),
        filename: "x.html",
      },
    ),
  ];
  if (pdfs.length > 0)
    options.push(
      fc.constantFrom(...pdfs).map((f) => ({
        label: `${f.name} as text`,
        input: dec.decode(f.bytes),
        filename: "x.txt",
      })),
    );
  return fc.oneof(...options);
};

/** A few-MB file: a text fixture repeated. */
export const hugeCase = (fixtures: { name: string; bytes: Uint8Array }[], mb = 4): ParseCase => {
  const f = fixtures.find((x) => !x.name.endsWith(".pdf"))!;
  const times = Math.ceil((mb * 1024 * 1024) / f.bytes.length);
  return {
    label: `${f.name} × ${times} (${mb} MB)`,
    input: dec.decode(f.bytes).repeat(times),
    filename: f.name,
  };
};

/** A worker running parseReport, with a time limit per case; restarts after a timeout. */
export const parseRunner = (options: { timeoutMs: number; maxHeapMb: number }) => {
  let worker: Worker | undefined;
  let next = 0;
  const start = () => {
    worker = new Worker(new URL("./parse-worker.ts", import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb },
    });
    worker.unref();
    return worker;
  };
  const run = (c: ParseCase) =>
    new Promise<ParseOutcome | { ok: false; hang: true; message: string }>((resolveRun) => {
      const w = worker ?? start();
      const id = ++next;
      const timer = setTimeout(() => {
        cleanupListeners();
        void w.terminate();
        worker = undefined;
        resolveRun({ ok: false, hang: true, message: `no answer within ${options.timeoutMs} ms` });
      }, options.timeoutMs);
      const onMessage = (m: ParseOutcome & { id: number }) => {
        if (m.id !== id) return;
        cleanupListeners();
        resolveRun(m);
      };
      const onError = (error: Error) => {
        cleanupListeners();
        worker = undefined;
        resolveRun({ ok: false, hang: true, message: `worker died: ${error.message}` });
      };
      const cleanupListeners = () => {
        clearTimeout(timer);
        w.off("message", onMessage);
        w.off("error", onError);
      };
      w.on("message", onMessage);
      w.on("error", onError);
      w.postMessage({ id, input: c.input, ...(c.filename ? { filename: c.filename } : {}) });
    });
  return { run, close: async () => void (await worker?.terminate()) };
};

/** HTML nested this deep overflows the stack of packages/domain's HTML walker (a known bug). */
export const deepHtmlCase: ParseCase = {
  label: "HTML nested 80,000 deep",
  input: "<html><table><tr><td>".repeat(20_000),
  filename: "x.html",
};
