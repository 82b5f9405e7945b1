// Staff identities on the messengers: (platform, the platform's user id as text). Telegram links
// are written to `staff.telegram_user_id` too (see linkStaff), so code that reads the column
// keeps working; the other platforms live here only.
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { staff, staffIdentities } from "../schema.ts";
import { hashSecret } from "../secrets.ts";
import { linkStaff, staffByTelegram } from "./staff.ts";

export const PLATFORMS = ["telegram", "wecom", "dingtalk"] as const;
export type Platform = (typeof PLATFORMS)[number];

/** A Telegram id is the only kind the older column can hold. */
const telegramNumber = (externalId: string) =>
  /^\d{1,15}$/.test(externalId) ? Number(externalId) : undefined;

export const addIdentity = async (
  ex: Executor,
  staffId: string,
  platform: Platform,
  externalId: string,
  now: Date,
) => {
  await ex
    .insert(staffIdentities)
    .values({ staffId, platform, externalId, linkedAt: now })
    .onConflictDoNothing();
};

/** Uses an invite code on any platform; undefined when the code is unknown or used. */
export const linkIdentity = async (
  ex: Executor,
  inviteCode: string,
  platform: Platform,
  externalId: string,
  now: Date,
) => {
  if (platform === "telegram") {
    const n = telegramNumber(externalId);
    return n === undefined ? undefined : linkStaff(ex, inviteCode, n, now);
  }
  const [row] = await ex
    .update(staff)
    .set({ linkedAt: now, inviteCodeHash: null })
    .where(
      and(
        eq(staff.inviteCodeHash, hashSecret(inviteCode.trim().toUpperCase())),
        isNull(staff.revokedAt),
      ),
    )
    .returning();
  if (row) await addIdentity(ex, row.id, platform, externalId, now);
  return row;
};

/** The active staff records a platform user is linked to (one per agency), oldest first. */
export const staffByIdentity = async (ex: Executor, platform: Platform, externalId: string) => {
  const linked = await ex
    .select({ s: staff })
    .from(staffIdentities)
    .innerJoin(staff, eq(staff.id, staffIdentities.staffId))
    .where(
      and(
        eq(staffIdentities.platform, platform),
        eq(staffIdentities.externalId, externalId),
        isNull(staff.revokedAt),
      ),
    )
    .orderBy(asc(staff.createdAt));
  const rows = linked.map((r) => r.s);
  const n = platform === "telegram" ? telegramNumber(externalId) : undefined;
  if (n === undefined) return rows;
  // Links written to the column only (before the identities, or by older code).
  for (const r of await staffByTelegram(ex, n)) if (!rows.some((x) => x.id === r.id)) rows.push(r);
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
};

/** Every identity of these staff members (for reminders: where each can be reached). */
export const identitiesOf = async (ex: Executor, staffIds: readonly string[]) =>
  staffIds.length === 0
    ? []
    : ex
        .select()
        .from(staffIdentities)
        .where(inArray(staffIdentities.staffId, [...staffIds]))
        .orderBy(asc(staffIdentities.linkedAt));
