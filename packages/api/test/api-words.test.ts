// The Chinese names of the enumerations (the domain's word lists, as the bot reads them) in JSON
// bodies and CSV files, and every error message in both languages.
import { testEngines } from "@ogi/db";
import { describe, expect, it } from "vitest";
import { ADMIN_TOKEN, createAgencies, setup } from "./helpers.ts";

const admin = { token: ADMIN_TOKEN };
const HAN = /[\u4e00-\u9fff]/;
const LATIN = /[A-Za-z]{3}/;

describe.each(testEngines())("enumerations by their Chinese names on %s", (engine) => {
  it("JSON: 自然人, 网络, 予以公开 are accepted; an unknown word lists the accepted values", async () => {
    const s = await setup(engine);
    try {
      await createAgencies(s, ["411421-zh"]);
      const made = await s.call("POST", "/v1/agencies/411421-zh/applications", {
        ...admin,
        body: { receivedOn: "2025-03-01", applicantType: "自然人", channel: "网络" },
      });
      expect(made.status).toBe(201);
      const concluded = await s.call("POST", `/v1/applications/${made.data.id}/events`, {
        ...admin,
        body: { type: "concluded", date: "2025-03-05", outcome: "予以公开" },
      });
      expect(concluded.status).toBe(201);
      const got = await s.call("GET", `/v1/applications/${made.data.id}`, admin);
      expect(got.data.applicantType ?? got.data.events[0].event.applicantType).toBe(
        "naturalPerson",
      );
      expect(got.data.events[0].event.channel).toBe("online");
      expect(got.data.events[1].event.outcome).toBe("granted");
      const received = await s.call("POST", "/v1/agencies/411421-zh/applications", {
        ...admin,
        body: { receivedOn: "2025-03-01", applicantType: "企业" },
      });
      expect(received.status).toBe(201);
      const bad = await s.call("POST", "/v1/agencies/411421-zh/applications", {
        ...admin,
        body: { receivedOn: "2025-03-01", applicantType: "外星人", channel: "信鸽" },
      });
      expect(bad.status).toBe(422);
      const messages = bad.data.error.issues.map((i: { message: string }) => i.message);
      expect(messages.join("\n")).toContain("自然人（naturalPerson）");
      expect(messages.join("\n")).toContain("网络（online）");
      // Every issue in both languages, zod's own too.
      const other = await s.call("POST", "/v1/agencies/411421-zh/applications", {
        ...admin,
        body: { receivedOn: 5, applicantType: "自然人", extra: true },
      });
      expect(other.status).toBe(422);
      for (const m of [
        ...messages,
        ...other.data.error.issues.map((i: { message: string }) => i.message),
      ]) {
        expect(m).toMatch(HAN);
        expect(m).toMatch(LATIN);
      }
      // JSON takes a name only as listed: a lookalike (invisible characters, other case,
      // spacing) is refused, not read (found by the write-route fuzzer).
      for (const applicantType of [
        "naturalPerson\u200b",
        "自然人\u202e",
        "自然人\u0000",
        "NATURALPERSON",
        " 自然人",
      ]) {
        const hidden = await s.call("POST", "/v1/agencies/411421-zh/applications", {
          ...admin,
          body: { receivedOn: "2025-03-01", applicantType },
        });
        expect(hidden.status, JSON.stringify(applicantType)).toBe(422);
      }
    } finally {
      await s.close();
    }
  });

  it("CSV: exported in Chinese, imported with Chinese or English headers and values", async () => {
    const s = await setup(engine);
    try {
      await createAgencies(s, ["411421-csvzh", "411421-copy"]);
      const csv = [
        "收到申请日期,申请人类型,收件渠道,申请内容,办结日期,办理结果",
        "2025-04-01,自然人,网络,预算,2025-04-03,予以公开",
        "2025-04-02,法律服务机构,邮寄,,2025-04-09,本机关不掌握相关政府信息",
        "2025-04-03,commercialEnterprise,online,,,",
      ].join("\n");
      const post = (code: string, body: string, commit = true) =>
        s.app.request(`/v1/agencies/${code}/applications/import?commit=${commit}`, {
          method: "POST",
          headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "text/csv" },
          body,
        });
      const imported = await post("411421-csvzh", csv);
      expect(imported.status).toBe(200);
      expect(((await imported.json()) as { accepted: number }).accepted).toBe(3);
      const exported = await s.app.request("/v1/agencies/411421-csvzh/applications/export", {
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      });
      const text = await exported.text();
      expect(text.split(/\r?\n/)[0]).toBe(
        "编号,收到申请日期,申请人类型,收件渠道,申请内容,申请人姓名,联系方式,办结日期,办理结果",
      );
      expect(text).toContain("2025-04-01,自然人,网络,预算,,,2025-04-03,予以公开");
      expect(text).toContain("法律服务机构,邮寄");
      expect(text).toContain("本机关不掌握相关政府信息");
      // The English keys on request.
      const en = await s.app.request("/v1/agencies/411421-csvzh/applications/export?lang=en", {
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      });
      expect((await en.text()).split(/\r?\n/)[0]).toContain("number,receivedOn,applicantType");
      // The Chinese export imports again as the same register.
      expect((await post("411421-copy", text)).status).toBe(200);
      const list = async (code: string) =>
        (await s.call("GET", `/v1/agencies/${code}/applications`, admin)).data.applications.map(
          (a: Record<string, unknown>) => [a.receivedOn, a.applicantType, a.channel, a.outcome],
        );
      expect(await list("411421-copy")).toEqual(await list("411421-csvzh"));
      // An unknown value: the accepted ones, in both languages.
      const dry = await post("411421-copy", "收到申请日期,申请人类型\n2025-04-01,外星人", false);
      const rejected = ((await dry.json()) as { rejected: { issues: { message: string }[] }[] })
        .rejected;
      expect(rejected[0]!.issues[0]!.message).toContain("自然人（naturalPerson）");
      expect(rejected[0]!.issues[0]!.message).toContain("accepted: naturalPerson (自然人)");
    } finally {
      await s.close();
    }
  });
});
