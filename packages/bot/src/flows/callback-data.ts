// Typed callback data: a flow declares each of its steps once, as a kind on the wire and its
// fields, each a zod codec between the few characters a button carries and the typed value the
// feature gets. Enums travel as their index in the catalog's own order (one base-36
// character), numbers in base 36, dates as YYYYMMDD; a field that does not read back refuses the
// whole button.
import type { IsoDate } from "@ogi/domain";
import { z } from "zod";
import { packDate, unpackDate } from "../text/dates.ts";

/** What a button carries: its step's kind and the fields, already written out. */
export type ButtonData = { kind: string; fields: string[] };

/** One step of a flow: builds its buttons' data and reads a pressed button back. */
export type Step<S> = {
  kind: string;
  data(state: S): ButtonData;
  /** The state the fields write, or undefined if they are not this step's. */
  read(fields: readonly string[]): S | undefined;
};

const refuse = (ctx: { issues: unknown[] }, input: string) => {
  ctx.issues.push({ code: "custom", message: "not a value of this field", input });
  return z.NEVER;
};

/** One of a catalog's values, as its index (one base-36 character). */
export const indexOf = <const T extends readonly [string, ...string[]]>(all: T) =>
  z.codec(z.string().regex(/^[0-9a-z]$/), z.enum(all), {
    decode: (s, ctx) => all[Number.parseInt(s, 36)] ?? refuse(ctx, s),
    encode: (v) => all.indexOf(v).toString(36),
  });

const base36 = z.string().regex(/^[0-9a-z]{1,8}$/);
/** A whole number in base 36: a positive one (an application's number, a year). */
export const positive = z.codec(base36, z.number().int().positive(), {
  decode: (s) => Number.parseInt(s, 36),
  encode: (n) => n.toString(36),
});
/** An amount in fen (0.01 yuan), zero allowed. */
export const amount = z.codec(base36, z.number().int().nonnegative(), {
  decode: (s) => Number.parseInt(s, 36),
  encode: (n) => n.toString(36),
});
export const year = z.codec(base36, z.number().int().min(2008).max(2100), {
  decode: (s) => Number.parseInt(s, 36),
  encode: (n) => n.toString(36),
});
/** A date as YYYYMMDD. */
export const date = z.codec(z.string(), z.custom<IsoDate>(), {
  decode: (s, ctx) => unpackDate(s) ?? refuse(ctx, s),
  encode: packDate,
});
/** A field that may be empty: "" for none. */
export const orNone = <O>(field: z.ZodType<O, string>) =>
  z.codec(z.string(), z.custom<O | null>(), {
    decode: (s, ctx) => {
      if (s === "") return null;
      const r = field.safeParse(s);
      return r.success ? r.data : refuse(ctx, s);
    },
    encode: (v) => (v === null ? "" : field.encode(v)),
  });
/** Characters a field may hold as they are (a digest, a reference). */
export const token = (pattern: RegExp) => z.string().regex(pattern);

/** A step of kind `kind` whose fields travel in the order they are declared. */
export const step = <const F extends Record<string, z.ZodType<unknown, string>>>(
  kind: string,
  fields: F,
): Step<z.output<z.ZodObject<F>>> => {
  const schema = z.strictObject(fields);
  const names = Object.keys(fields);
  return {
    kind,
    data: (state) => {
      const written: Record<string, unknown> = schema.encode(state);
      return { kind, fields: names.map((n) => String(written[n])) };
    },
    read: (raw) =>
      raw.length === names.length
        ? schema.safeParse(Object.fromEntries(names.map((n, i) => [n, raw[i]]))).data
        : undefined,
  };
};
