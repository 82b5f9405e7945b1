import { createHash, randomBytes } from "node:crypto";

/** Tokens and invite codes are stored as their sha256; the secret itself is shown once. */
export const hashSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");

/** A random secret with a readable prefix (`ogi_…` tokens, 8-letter invite codes). */
export const newToken = (prefix = "ogi") => `${prefix}_${randomBytes(24).toString("base64url")}`;

// No 0/O/1/I/L: invite codes are typed by hand into a chat.
const INVITE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const newInviteCode = () =>
  Array.from(randomBytes(10), (b) => INVITE_ALPHABET[b % INVITE_ALPHABET.length]).join("");

export const newId = () => crypto.randomUUID();
