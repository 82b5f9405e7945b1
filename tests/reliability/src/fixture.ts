// Two regions, a county government with two departments and an agency elsewhere, and one caller
// of every kind: the roles of the access matrix.
import { TELEGRAM_USER_HEADER } from "@ogi/api/client";
import { expect } from "vitest";
import { ADMIN_TOKEN, type CallOptions, type InProcess } from "./harness.ts";

export const GOV = "411421-gov";
export const A = "411421-gxkj";
export const B = "411421-zrzy";
export const X = "411422-other";
export const REGION = "411421";
export const TG_CLERK_A = 7001;
/** Personal data of an applicant of agency A: must never be seen outside A. */
export const SECRET_NAME = "王保密";
export const SECRET_CONTACT = "13912345678";

export const ROLES = [
  "none",
  "clerk",
  "manager",
  "regionManager",
  "admin",
  "botService",
  "botForClerk",
  "revoked",
  "otherAgency",
] as const;
export type Role = (typeof ROLES)[number];

/** Staff of agency A (the roles whose members may see A's applicants). */
export const OWN_STAFF: readonly Role[] = ["clerk", "manager", "botForClerk"];

export type World = {
  as: (role: Role) => CallOptions;
  admin: CallOptions;
  staffIds: Record<string, string>;
  tokens: Record<string, string>;
  serviceToken: string;
  appA: string;
};

export const buildWorld = async (s: InProcess): Promise<World> => {
  const admin = { token: ADMIN_TOKEN };
  const ok = async (method: string, path: string, body: unknown, status: number) => {
    const r = await s.call(method, path, { ...admin, body });
    expect(r.status, `${method} ${path}: ${r.text}`).toBe(status);
    return r.data;
  };
  for (const body of [
    { code: GOV, name: "民权县人民政府", regionCode: REGION },
    { code: A, name: "民权县工业和信息化科技局", parentCode: GOV },
    { code: B, name: "民权县自然资源局", parentCode: GOV },
    { code: X, name: "睢县某局", regionCode: "411422" },
  ])
    await ok("POST", "/v1/agencies", body, 201);
  const staffIds: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  const invites: Record<string, string> = {};
  for (const [who, code, role] of [
    ["clerk", A, "clerk"],
    ["manager", A, "manager"],
    ["regionManager", GOV, "manager"],
    ["otherAgency", X, "manager"],
    ["revoked", A, "manager"],
  ] as const) {
    const r = await ok("POST", `/v1/agencies/${code}/staff`, { name: who, role }, 201);
    staffIds[who] = r.id;
    invites[who] = r.inviteCode;
    tokens[who] = (
      await ok("POST", "/v1/tokens", { kind: "personal", staffId: r.id, label: who }, 201)
    ).token;
  }
  const serviceToken = (await ok("POST", "/v1/tokens", { kind: "service", label: "bot" }, 201))
    .token;
  const link = await s.call("POST", "/v1/staff/link", {
    token: serviceToken,
    body: { inviteCode: invites.clerk, telegramUserId: TG_CLERK_A },
  });
  expect(link.status).toBe(200);
  await ok("POST", `/v1/staff/${staffIds.revoked}/revoke`, undefined, 200);
  const created = await s.call("POST", `/v1/agencies/${A}/applications`, {
    token: tokens.clerk,
    body: {
      receivedOn: "2025-03-03",
      applicantType: "naturalPerson",
      channel: "online",
      subject: "征收补偿方案",
      applicant: { name: SECRET_NAME, contact: SECRET_CONTACT },
    },
  });
  expect(created.status).toBe(201);
  const as = (role: Role): CallOptions => {
    switch (role) {
      case "none":
        return {};
      case "admin":
        return admin;
      case "botService":
        return { token: serviceToken };
      case "botForClerk":
        return { token: serviceToken, headers: { [TELEGRAM_USER_HEADER]: String(TG_CLERK_A) } };
      default:
        return { token: tokens[role] };
    }
  };
  return { as, admin, staffIds, tokens, serviceToken, appA: created.data.id };
};
