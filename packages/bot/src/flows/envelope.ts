// Callback data: the state of a flow travels in the button itself, so any instance of the bot
// can continue it after a restart. Telegram allows 64 bytes. The data is versioned, stamped with
// the minute it was issued, and signed (HMAC, truncated), so a forged, corrupted, outdated or
// expired button is recognised and answered clearly instead of being acted on.
import { createHmac, timingSafeEqual } from "node:crypto";

export const CALLBACK_VERSION = "1";
export const MAX_CALLBACK_BYTES = 64;
const MAC_LENGTH = 6;
const FIELD = /^[A-Za-z0-9_-]*$/;

export type DecodedCallback = { kind: string; fields: string[]; issuedAtMinute: number };
export type CallbackError = "malformed" | "version" | "forged" | "expired";
export type DecodeResult = ({ ok: true } & DecodedCallback) | { ok: false; error: CallbackError };

const mac = (key: string, body: string) =>
  createHmac("sha256", key).update(body).digest("base64url").slice(0, MAC_LENGTH);

/** Encodes `kind` and `fields`; throws if a field has a separator or the data exceeds 64 bytes. */
export const encodeCallback = (
  key: string,
  kind: string,
  fields: readonly (string | number)[],
  nowMinute: number,
): string => {
  const parts = [kind, ...fields.map(String)];
  for (const p of parts) if (!FIELD.test(p)) throw new Error(`callback field "${p}" not allowed`);
  const body = [CALLBACK_VERSION, ...parts, Math.max(0, Math.floor(nowMinute)).toString(36)].join(
    ".",
  );
  const data = `${body}.${mac(key, body)}`;
  if (Buffer.byteLength(data) > MAX_CALLBACK_BYTES)
    throw new Error(`callback data over ${MAX_CALLBACK_BYTES} bytes: ${data}`);
  return data;
};

/** Decodes and verifies; `maxAgeMinutes` bounds how old a button may be. */
export const decodeCallback = (
  key: string,
  data: string,
  nowMinute: number,
  maxAgeMinutes: number,
): DecodeResult => {
  const parts = data.split(".");
  if (parts.length < 4 || parts.some((p) => !FIELD.test(p)))
    return { ok: false, error: "malformed" };
  if (parts[0] !== CALLBACK_VERSION) return { ok: false, error: "version" };
  const signature = parts.pop()!;
  const body = parts.join(".");
  // Constant time: a forger learns nothing from how long the refusal took.
  const expected = Buffer.from(mac(key, body));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, error: "forged" };
  const issued = parts.pop()!;
  if (!/^[0-9a-z]{1,10}$/.test(issued)) return { ok: false, error: "malformed" };
  const issuedAtMinute = Number.parseInt(issued, 36);
  if (nowMinute - issuedAtMinute > maxAgeMinutes) return { ok: false, error: "expired" };
  const [, kind, ...fields] = parts;
  return { ok: true, kind: kind!, fields, issuedAtMinute };
};
