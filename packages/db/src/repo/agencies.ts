// Agencies: the directory, its trees (parent chains) and regions (division codes).
import { asc, eq, sql } from "drizzle-orm";
import { type Executor, queryRows } from "../client.ts";
import { agencies } from "../schema.ts";
import { anyOf } from "./common.ts";

export const insertAgency = async (
  ex: Executor,
  a: {
    code: string;
    name: string;
    regionCode?: string | null;
    parentCode?: string | null;
    kind?: AgencyKind;
  },
  now: Date,
) => {
  const [row] = await ex
    .insert(agencies)
    .values({
      code: a.code,
      name: a.name,
      regionCode: a.regionCode ?? null,
      parentCode: a.parentCode ?? null,
      kind: a.kind ?? "department",
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning();
  return row;
};

/** 第四十九条: a department publishes by 1-31, a county-level or higher government by 3-31. */
export type AgencyKind = "department" | "government";

/** Sets an agency's kind; the row, or undefined when there is no such agency. */
export const setAgencyKind = async (ex: Executor, code: string, kind: AgencyKind) => {
  const [row] = await ex.update(agencies).set({ kind }).where(eq(agencies.code, code)).returning();
  return row;
};

export const getAgency = async (ex: Executor, code: string) => {
  const [row] = await ex.select().from(agencies).where(eq(agencies.code, code));
  return row;
};

export const listAgencies = async (ex: Executor, codes?: readonly string[]) =>
  ex
    .select()
    .from(agencies)
    .where(codes ? anyOf(agencies.code, codes) : undefined)
    .orderBy(asc(agencies.code));

/** The agency and every agency whose parent chain leads to it. */
export const agencyTree = async (ex: Executor, code: string): Promise<string[]> => {
  const rows = await queryRows<{ code: string }>(
    ex,
    sql`
    with recursive tree(code) as (
      select code from agencies where code = ${code}
      union
      select a.code from agencies a join tree t on a.parent_code = t.code
    )
    select code from tree order by code`,
  );
  return rows.map((r) => r.code);
};

/** The agency and the agencies above it by the parent chain (those whose figures sum it). */
export const agencyAncestors = async (ex: Executor, code: string): Promise<string[]> => {
  const rows = await queryRows<{ code: string }>(
    ex,
    sql`
    with recursive up(code, parent) as (
      select code, parent_code from agencies where code = ${code}
      union
      select a.code, a.parent_code from agencies a join up u on a.code = u.parent
    )
    select code from up`,
  );
  return rows.map((r) => r.code);
};

/**
 * The agencies of a region: those whose region code is the code or lies under it (a division
 * code without its trailing zeros is the prefix of the codes under it: 4114 ⊃ 411421), and
 * everything under them by the parent chain.
 */
const regionTree = (regionCode: string) => {
  const prefix = regionCode.replace(/0+$/, "") || regionCode;
  return sql`(
    with recursive tree(code) as (
      select code from agencies where region_code = ${regionCode} or region_code like ${`${prefix}%`}
      union
      select a.code from agencies a join tree t on a.parent_code = t.code
    )
    select code from tree)`;
};

export const regionAgencies = async (ex: Executor, regionCode: string): Promise<string[]> =>
  (await regionAgencyRows(ex, regionCode)).map((a) => a.code);

/** The agencies of a region (see regionAgencies), in one query. */
export const regionAgencyRows = async (ex: Executor, regionCode: string) =>
  ex
    .select()
    .from(agencies)
    .where(sql`${agencies.code} in ${regionTree(regionCode)}`)
    .orderBy(asc(agencies.code));
