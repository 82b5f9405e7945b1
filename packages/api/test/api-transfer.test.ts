// The register as CSV (routes/transfer.ts, register/import-register.ts): import and export.
import { testEngines } from "@ogi/db";
import { describe, expect, it } from "vitest";
import { type ApiFixture, GOV, sharedApiFixture } from "./api-fixture.ts";
import { ADMIN_TOKEN, type Setup } from "./helpers.ts";

describe.each(testEngines())("API on %s", (engine) => {
  let s: Setup;
  let tokens: ApiFixture["tokens"];
  let as: ApiFixture["as"];
  sharedApiFixture(engine, (f) => {
    ({ s, tokens, as } = f);
  });

  describe("CSV import and export", () => {
    const csvCall = async (path: string, body: string, who = "managerA") =>
      s.app.request(path, {
        method: "POST",
        headers: { authorization: `Bearer ${as(who).token}`, "content-type": "text/csv" },
        body,
      });
    it("dry run lists every rejected row; commit is all or nothing; export escapes formulas", async () => {
      const code = "411421-csv";
      await s.call("POST", "/v1/agencies", {
        token: ADMIN_TOKEN,
        body: { code, name: "导入局", parentCode: GOV },
      });
      const mgr = await s.call("POST", `/v1/agencies/${code}/staff`, {
        token: ADMIN_TOKEN,
        body: { name: "导入员", role: "manager" },
      });
      tokens.csvManager = (
        await s.call("POST", "/v1/tokens", {
          token: ADMIN_TOKEN,
          body: { kind: "personal", staffId: mgr.data.id },
        })
      ).data.token;
      const csv = [
        "receivedOn,applicantType,channel,subject,applicantName,applicantContact,concludedOn,outcome",
        '2025-01-06,自然人,网络,=HYPERLINK("http://x"),张三,138,2025-01-20,予以公开',
        "2025-02-30,naturalPerson,,bad date,,,,",
        "2025-03-03,火星人,,unknown type,,,,",
        "2025-03-04,commercialEnterprise,post,no outcome,,,2025-03-10,",
        "2025-04-01,legalServiceAgency,,,,,2025-04-15,unableNotHeld",
      ].join("\n");
      const dry = await csvCall(`/v1/agencies/${code}/applications:import`, csv, "csvManager");
      expect(dry.status, await dry.clone().text()).toBe(200);
      const d = (await dry.json()) as {
        dryRun: boolean;
        accepted: number;
        rejected: { line: number; issues: { path: string }[] }[];
      };
      expect(d.dryRun).toBe(true);
      expect(d.accepted).toBe(2);
      expect(d.rejected.map((r) => [r.line, r.issues[0]!.path])).toEqual([
        [3, "receivedOn"],
        [4, "applicantType"],
        [5, "outcome"],
      ]);
      const refused = await csvCall(
        `/v1/agencies/${code}/applications:import?commit=true`,
        csv,
        "csvManager",
      );
      expect(refused.status).toBe(422);
      const none = await s.call("GET", `/v1/agencies/${code}/applications`, { token: ADMIN_TOKEN });
      expect(none.data.applications).toEqual([]);
      const clean = [csv.split("\n")[0], csv.split("\n")[1], csv.split("\n")[5]].join("\n");
      const ok = await csvCall(
        `/v1/agencies/${code}/applications/import?commit=true`,
        clean!,
        "csvManager",
      );
      expect(ok.status).toBe(200);
      const created = (await ok.json()) as { created: { number: number }[] };
      expect(created.created.map((c) => c.number)).toEqual([1, 2]);
      const report = await s.call("GET", `/v1/agencies/${code}/reports/2025`, {
        token: ADMIN_TOKEN,
      });
      expect(report.data.report.requests.granted.naturalPerson).toBe(1);
      expect(report.data.report.requests.unableNotHeld.legalServiceAgency).toBe(1);
      // Export: formulas escaped, personal data only for the agency's own staff.
      const own = await s.app.request(`/v1/agencies/${code}/applications:export`, {
        headers: { authorization: `Bearer ${tokens.csvManager}` },
      });
      expect(own.headers.get("content-type")).toContain("text/csv");
      const text = await own.text();
      expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
      expect(text).toContain("张三");
      const above = await s.app.request(`/v1/agencies/${code}/applications:export`, {
        headers: { authorization: `Bearer ${tokens.managerGov}` },
      });
      expect(await above.text()).not.toContain("张三");
      expect((await s.app.request(`/v1/agencies/${code}/applications:export`)).status).toBe(401);
      expect(
        (await csvCall(`/v1/agencies/${code}/applications:import`, clean!, "clerkA")).status,
      ).toBe(403);
      // Export → import into another agency gives the same register.
      const copy = "411421-csv2";
      await s.call("POST", "/v1/agencies", {
        token: ADMIN_TOKEN,
        body: { code: copy, name: "副本局" },
      });
      const again = await s.app.request(`/v1/agencies/${copy}/applications:import?commit=true`, {
        method: "POST",
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "text/csv" },
        body: text,
      });
      expect(again.status).toBe(200);
      const strip = (
        xs: {
          number: number;
          receivedOn: string;
          applicantType: string;
          subject: string | null;
          outcome: string | null;
          concludedOn: string | null;
        }[],
      ) =>
        xs.map(({ number, receivedOn, applicantType, subject, outcome, concludedOn }) => ({
          number,
          receivedOn,
          applicantType,
          subject,
          outcome,
          concludedOn,
        }));
      const a = await s.call("GET", `/v1/agencies/${code}/applications`, { token: ADMIN_TOKEN });
      const b = await s.call("GET", `/v1/agencies/${copy}/applications`, { token: ADMIN_TOKEN });
      expect(strip(b.data.applications)).toEqual(strip(a.data.applications));
    });
  });
});
