// The phrase corpus (corpus.ts), row by row: each message gets exactly the reading of its row.
import { describe, expect, it } from "vitest";
import { type Reading, readMessage } from "../../src/index.ts";
import { CORPUS, EARLIEST, TODAY } from "./corpus.ts";

const context = { today: TODAY, earliest: EARLIEST };

/** The intent and its slots, without the reading's kind and errors. */
const slotsOf = (r: Reading) => {
  if (r.kind !== "understood") return r.kind;
  const { kind: _k, errors: _e, ...intent } = r;
  return intent;
};

describe("the phrase corpus", () => {
  it("has at least 300 messages, each once", () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(300);
    expect(new Set(CORPUS.map(([m]) => m)).size).toBe(CORPUS.length);
  });

  it.each(CORPUS.map(([m, e], i) => [i + 1, m, e] as const))("%i: %s", (_, message, expected) => {
    const r = readMessage(message, context);
    if (expected === "unknown") {
      expect(r.kind, JSON.stringify(r)).toBe("unknown");
      if (r.kind === "unknown") expect(r.hint.zh.length * r.hint.en.length).toBeGreaterThan(0);
      return;
    }
    if ("ask" in expected) {
      expect(r.kind, JSON.stringify(r)).toBe("ask");
      if (r.kind !== "ask") return;
      expect(r.choices.map((c) => slotsOf(c.reading))).toMatchObject(expected.ask);
      expect(r.choices).toHaveLength(expected.ask.length);
      for (const c of r.choices) expect(c.label.zh !== "" && c.label.en !== "").toBe(true);
      return;
    }
    const { refused = 0, ...intent } = expected;
    expect(r.kind, JSON.stringify(r)).toBe("understood");
    if (r.kind !== "understood") return;
    expect(slotsOf(r)).toEqual(intent);
    expect(r.errors, JSON.stringify(r.errors)).toHaveLength(refused);
  });
});
