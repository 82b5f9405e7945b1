// The world the API's route tests share: a county government with two departments and an
// agency of another county, a clerk and a manager each, a bot service token linked to clerk A's
// Telegram user, and one application of A (with the applicant's personal data).
import type { Engine } from "@ogi/db";
import { afterAll, beforeAll, expect } from "vitest";
import { ADMIN_TOKEN, type Setup, setup } from "./helpers.ts";

export const A = "411421-gxkj";
export const B = "411421-zrzy";
export const GOV = "411421-gov";
export const X = "411422-other";
export const TG_CLERK_A = 7001;

export type ApiFixture = {
  s: Setup;
  /** Personal tokens by who holds them (clerkA, managerA, clerkB, managerGov, managerX). */
  tokens: Record<string, string | undefined>;
  staffIds: Record<string, string>;
  serviceToken: string;
  /** Application No. 1 of A. */
  appA: string;
  /** The credentials of `who`: anonymous, admin, service, botClerkA or a key of `tokens`. */
  as: (who: string) => {
    token?: string | undefined;
    headers?: Record<string, string>;
  };
};

export const apiFixture = async (engine: Engine): Promise<ApiFixture> => {
  const tokens: Record<string, string | undefined> = {};
  const staffIds: Record<string, string> = {};
  let serviceToken = "";
  let appA = "";
  const as = (who: string) => {
    if (who === "anonymous") return {};
    if (who === "admin") return { token: ADMIN_TOKEN };
    if (who === "service") return { token: serviceToken };
    if (who === "botClerkA")
      return { token: serviceToken, headers: { "X-Telegram-User-Id": String(TG_CLERK_A) } };
    return { token: tokens[who] };
  };
  const s = await setup(engine);
  const admin = { token: ADMIN_TOKEN };
  for (const body of [
    { code: GOV, name: "民权县人民政府", regionCode: "411421" },
    { code: A, name: "民权县工业和信息化科技局", parentCode: GOV },
    { code: B, name: "民权县自然资源局", parentCode: GOV },
    { code: X, name: "睢县某局", regionCode: "411422" },
  ])
    expect((await s.call("POST", "/v1/agencies", { ...admin, body })).status).toBe(201);
  const people: [string, string, "clerk" | "manager"][] = [
    ["clerkA", A, "clerk"],
    ["managerA", A, "manager"],
    ["clerkB", B, "clerk"],
    ["managerGov", GOV, "manager"],
    ["managerX", X, "manager"],
  ];
  for (const [who, code, role] of people) {
    const r = await s.call("POST", `/v1/agencies/${code}/staff`, {
      ...admin,
      body: { name: who, role },
    });
    expect(r.status).toBe(201);
    staffIds[who] = r.data.id;
    const t = await s.call("POST", "/v1/tokens", {
      ...admin,
      body: { kind: "personal", staffId: r.data.id, label: who },
    });
    expect(t.status).toBe(201);
    tokens[who] = t.data.token;
    if (who === "clerkA") {
      const svc = await s.call("POST", "/v1/tokens", {
        ...admin,
        body: { kind: "service", label: "bot" },
      });
      serviceToken = svc.data.token;
      const link = await s.call("POST", "/v1/staff/link", {
        token: serviceToken,
        body: { inviteCode: r.data.inviteCode, telegramUserId: TG_CLERK_A },
      });
      expect(link.status).toBe(200);
      expect(link.data).toMatchObject({ agencyCode: A, role: "clerk", linked: true });
    }
  }
  const created = await s.call("POST", `/v1/agencies/${A}/applications`, {
    token: tokens.clerkA,
    body: {
      receivedOn: "2025-03-03",
      applicantType: "naturalPerson",
      channel: "online",
      subject: "征收补偿方案",
      applicant: { name: "王某", contact: "13800000000" },
    },
  });
  expect(created.status).toBe(201);
  expect(created.data.number).toBe(1);
  appA = created.data.id;
  return { s, tokens, staffIds, serviceToken, appA, as };
};

/** The fixture for a file's tests: set up before them (handed to `take`), closed after them. */
export const sharedApiFixture = (engine: Engine, take: (f: ApiFixture) => void) => {
  let fixture: ApiFixture | undefined;
  beforeAll(async () => {
    fixture = await apiFixture(engine);
    take(fixture);
  });
  afterAll(async () => {
    await fixture?.s.close();
  });
};
