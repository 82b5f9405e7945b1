// The one-time fill of the counts by day (register/backfill-daily.ts), for a database migrated
// with applications in it: the rows it computes are those the writes themselves kept.
import { queryRows, sql, testEngines } from "@ogi/db";
import { describe, expect, it } from "vitest";
import { backfillDailyCounts } from "../src/register/backfill-daily.ts";
import { ADMIN_TOKEN, createAgencies, setup } from "./helpers.ts";

const admin = { token: ADMIN_TOKEN };

describe.each(testEngines())("the fill of request_counts_daily on %s", (engine) => {
  it("gives the rows the writes kept, once", async () => {
    const s = await setup(engine);
    try {
      await createAgencies(s, ["411421-a", "411421-b"]);
      for (let i = 0; i < 30; i++) {
        const code = i % 2 ? "411421-a" : "411421-b";
        const receivedOn = `2025-0${1 + (i % 9)}-1${i % 10}`;
        const r = await s.call("POST", `/v1/agencies/${code}/applications`, {
          ...admin,
          body: { receivedOn, applicantType: i % 3 ? "naturalPerson" : "commercialEnterprise" },
        });
        expect(r.status).toBe(201);
        if (i % 4 === 0) continue;
        const concluded = `2025-1${i % 3}-0${1 + (i % 8)}`;
        const e = await s.call("POST", `/v1/applications/${r.data.id}/events`, {
          ...admin,
          body: {
            type: "concluded",
            date: concluded,
            outcome: i % 5 ? "granted" : "unableNotHeld",
          },
        });
        expect(e.status).toBe(201);
        if (i % 7 === 0)
          expect(
            (
              await s.call("POST", `/v1/applications/${r.data.id}/events`, {
                ...admin,
                body: { type: "reopened", date: "2025-12-15", reason: "复议" },
              })
            ).status,
          ).toBe(201);
      }
      const db = s.database.db;
      const rows = () =>
        queryRows(
          db,
          sql`select agency_code, day, row, col, shard, n from request_counts_daily where n <> 0
            order by agency_code, day, row, col, shard`,
        );
      const kept = await rows();
      expect(kept.length).toBeGreaterThan(0);
      // As a database migrated with these applications in it: no counts by day, the task pending.
      await db.execute(sql`delete from request_counts_daily`);
      await db.execute(sql`insert into pending_tasks values ('backfill:request_counts_daily')`);
      expect(await backfillDailyCounts(db)).toBeGreaterThan(0);
      expect(await rows()).toEqual(kept);
      // Done once: a second start finds nothing to do.
      expect(await backfillDailyCounts(db)).toBe(0);
      expect(await rows()).toEqual(kept);
    } finally {
      await s.close();
    }
  });
});
