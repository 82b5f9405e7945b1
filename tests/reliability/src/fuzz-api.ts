// Fuzzing of every write route: a valid body per route, and fast-check arbitraries that break
// one field of it (wrong type, huge or empty, unknown enum value, impossible or out-of-range
// date, unicode edge cases, prototype-pollution keys). Shared by the quick test and the soak.
import fc from "fast-check";

export type FieldKind = "string" | "text" | "date" | "enum" | "number" | "object" | "code";
export type WriteRoute = {
  /** "METHOD /openapi/path" */
  route: string;
  /** The concrete path (targets exist in the fixture). */
  path: () => string;
  /** A valid body (fresh values where a valid write would otherwise collide). */
  base: () => Record<string, unknown> | string;
  /** The fields that can be broken, by kind; `text` fields also take unicode that may be valid. */
  fields: Record<string, FieldKind>;
};

const LONE = ["\uD800", "\uDC00", "a\uD83Db"];
const ODD = ["\u202Eabc", "\u200B", "\u0000", "\uFEFF", "a\u0000b", "\u2028", "🏛️", "\u0301"];
export const unicodeEdge = fc.constantFrom(...LONE, ...ODD, "", " ", "\t\n");

const notString = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 }),
  fc.constant({}),
);
const huge = fc.integer({ min: 100_001, max: 300_000 }).map((n) => "長".repeat(n));
const badDate = fc.oneof(
  fc.constantFrom(
    "2025-02-30",
    "2025-13-01",
    "2025-00-10",
    "1999-12-31",
    "2101-01-01",
    "0000-01-01",
    "99999-01-01",
    "2025-1-1",
    "2025-01-01T00:00:00Z",
    "20250101",
    "2025/01/01",
    "",
    "２０２５-０１-０１",
    "2025-01-0\u0000",
  ),
  unicodeEdge,
  notString,
);
const badEnum = fc.oneof(
  fc.constantFrom("GRANTED", "granted\u200B", "granted\u0000", "grant", "__proto__", "toString"),
  unicodeEdge,
  fc.string({ maxLength: 12 }).filter((s) => !/^[a-z]+[A-Z]?[a-zA-Z]*$/.test(s)),
  notString,
);
const badNumber = fc.oneof(
  fc.constantFrom(-1, 0, 1.5, 1e300, -1e300, Number.MAX_SAFE_INTEGER + 2),
  fc.string({ maxLength: 8 }),
  fc.constant(null),
  fc.constant([1]),
);
const badObject = fc.oneof(
  notString.filter((v) => typeof v !== "object" || v === null || Array.isArray(v)),
  fc.string({ maxLength: 5 }),
  fc.constant({ unknownKey: 1 }),
);
const badCode = fc.oneof(
  fc.constantFrom("UPPER", "-dash", "a", "has space", "a/b", "a\u0000b", "x".repeat(65)),
  unicodeEdge,
  notString,
);
const badText = fc.oneof(notString, huge);

/** An invalid value for a field of `kind`. */
export const invalidFor = (kind: FieldKind): fc.Arbitrary<unknown> =>
  ({
    string: fc.oneof(notString, huge, fc.constantFrom("", "   ")),
    text: badText,
    date: badDate,
    enum: badEnum,
    number: badNumber,
    object: badObject,
    code: badCode,
  })[kind];

export const POLLUTION_KEYS = ["__proto__", "constructor", "prototype", "unknownField"];

export type Mutation =
  | { kind: "field"; field: string; value: unknown }
  | { kind: "drop"; field: string }
  | { kind: "extraKey"; key: string }
  | { kind: "notJson"; text: string }
  | { kind: "wrongShape"; value: unknown };

/** Mutations that make `r`'s body invalid. */
export const mutations = (r: WriteRoute, required: readonly string[]): fc.Arbitrary<Mutation> => {
  const fields = Object.keys(r.fields);
  const options: fc.Arbitrary<Mutation>[] = [
    fc.constantFrom(...POLLUTION_KEYS).map((key) => ({ kind: "extraKey" as const, key })),
    fc
      .constantFrom("{", '{"a":', "[1,", "nul", "\u0000", '{"a":1}}', "'x'")
      .map((text) => ({ kind: "notJson" as const, text })),
    fc
      .oneof(fc.constant(null), fc.constant([]), fc.integer(), fc.constant("text"))
      .map((value) => ({ kind: "wrongShape" as const, value })),
  ];
  if (fields.length > 0)
    options.push(
      fc
        .constantFrom(...fields)
        .chain((field) =>
          invalidFor(r.fields[field]!).map((value) => ({ kind: "field" as const, field, value })),
        ),
    );
  if (required.length > 0)
    options.push(fc.constantFrom(...required).map((field) => ({ kind: "drop" as const, field })));
  return fc.oneof(...options);
};

/** The JSON text of `base` with the mutation applied (pollution keys written as own keys). */
export const applyMutation = (base: Record<string, unknown> | string, m: Mutation): string => {
  if (m.kind === "notJson") return m.text;
  if (m.kind === "wrongShape") return JSON.stringify(m.value);
  if (typeof base === "string") {
    if (m.kind === "field") return JSON.stringify(m.value);
    return JSON.stringify({ [m.kind === "extraKey" ? m.key : m.field]: 1 });
  }
  const copy: Record<string, unknown> = { ...base };
  if (m.kind === "drop") delete copy[m.field];
  if (m.kind === "field") {
    // A dotted field is nested: "applicant.name".
    const [head, tail] = m.field.split(".") as [string, string | undefined];
    if (tail) copy[head] = { ...(copy[head] as object), [tail]: m.value };
    else copy[head] = m.value;
  }
  const text = JSON.stringify(copy);
  if (m.kind === "extraKey")
    return text === "{}"
      ? `{"${m.key}":{"polluted":true}}`
      : `{"${m.key}":{"polluted":true},${text.slice(1)}`;
  return text;
};

/** The name the answer must mention: the broken field (or the unknown key). */
export const namedField = (m: Mutation): string | undefined =>
  m.kind === "field" || m.kind === "drop"
    ? m.field.split(".").at(-1)
    : m.kind === "extraKey"
      ? m.key
      : undefined;
