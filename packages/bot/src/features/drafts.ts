// Drafts of an application's particulars (subject, applicant, contact): text too long for a
// button, kept in the store under a short random reference that the card's buttons carry. A
// draft is never changed in place: an edit writes a new one, so a card already shown (and its
// confirmation's Idempotency-Key) always means what it showed.
import { randomBytes } from "node:crypto";
import type { Channel, IsoDate } from "@ogi/domain";
import type { BotContext } from "../context.ts";
import type { Particulars } from "../text/particulars.ts";

/**
 * A draft: the particulars, and for a registration whose type is still asked, the date and the
 * channel the message named (so choosing the type does not ask them again).
 */
export type Draft = Particulars & { date?: IsoDate; channel?: Channel };

/** As long as a button stays valid (MAX_BUTTON_AGE_MINUTES). */
const DRAFT_TTL_MS = 7 * 24 * 3600_000;

const key = (ref: string) => `draft:${ref}`;

export const isEmpty = (p: Draft) =>
  !p.subject && !p.applicantName && !p.contact && !p.date && !p.channel;

/** Stores `p` and answers its reference; null when there is nothing to keep. */
export const saveDraft = async (ctx: BotContext, p: Draft): Promise<string | null> => {
  if (isEmpty(p)) return null;
  const ref = randomBytes(6).toString("base64url");
  await ctx.services.store.set(key(ref), p, DRAFT_TTL_MS);
  return ref;
};

/** The draft `ref` names: {} for none; undefined when it is gone (expired, another store). */
export const readDraft = async (ctx: BotContext, ref: string | null): Promise<Draft | undefined> =>
  ref === null ? {} : await ctx.services.store.get<Draft>(key(ref));
