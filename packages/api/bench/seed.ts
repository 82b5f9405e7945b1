// The register's events and flows for the benches that write their applications with SQL
// (bench/run.ts, bench/console.ts): the API would take hours for a million.
import { type Db, sql } from "@ogi/db";
import { APPLICANT_TYPES, OUTCOMES } from "@ogi/domain";

/** The applicant types and outcomes as SQL arrays, for `(${types})[1 + i % 6]`. */
export const types = sql.raw(`array[${APPLICANT_TYPES.map((t) => `'${t}'`).join(",")}]`);
export const outcomes = sql.raw(`array[${OUTCOMES.map((o) => `'${o}'`).join(",")}]`);

/**
 * For the applications of `agency` already written: their receipt and conclusion events, and
 * the flows (request_counts, by year and by day) computed in GROUP BYs, as the API's writes
 * keep them (the tests check that path against the fold).
 */
export const seedEventsAndFlows = async (db: Db, agency: string, recordedBy: string) => {
  await db.execute(sql`insert into application_events (application_id, event_id, type, date, payload, recorded_by, channel, recorded_at)
    select id, 'e1', 'received', received_on,
      jsonb_build_object('id', 'e1', 'type', 'received', 'date', received_on, 'applicantType', applicant_type, 'channel', 'online'),
      ${recordedBy}, 'import', now()
    from applications where agency_code = ${agency}`);
  await db.execute(sql`insert into application_events (application_id, event_id, type, date, payload, recorded_by, channel, recorded_at)
    select id, 'e2', 'concluded', concluded_on,
      jsonb_build_object('id', 'e2', 'type', 'concluded', 'date', concluded_on, 'outcome', outcome),
      ${recordedBy}, 'import', now()
    from applications where agency_code = ${agency} and status = 'concluded'`);
  await db.execute(sql`insert into request_counts (agency_code, year, row, col, n)
    select ${agency}, 2025, 'newReceived', c, count(*)::int from applications,
      lateral (values (applicant_type), ('total')) v(c) where agency_code = ${agency} group by c
    union all
    select ${agency}, 2025, r, c, count(*)::int from applications,
      lateral (values (outcome, applicant_type), (outcome, 'total'), ('totalProcessed', applicant_type), ('totalProcessed', 'total')) v(r, c)
      where agency_code = ${agency} and status = 'concluded' group by r, c`);
  await db.execute(sql`insert into request_counts_daily (agency_code, day, row, col, n)
    select ${agency}, received_on, 'newReceived', c, count(*)::int from applications,
      lateral (values (applicant_type), ('total')) v(c) where agency_code = ${agency}
      group by received_on, c
    union all
    select ${agency}, concluded_on, r, c, count(*)::int from applications,
      lateral (values (outcome, applicant_type), (outcome, 'total'), ('totalProcessed', applicant_type), ('totalProcessed', 'total')) v(r, c)
      where agency_code = ${agency} and status = 'concluded' group by concluded_on, r, c`);
};
