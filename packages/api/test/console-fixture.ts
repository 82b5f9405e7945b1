// The console's tests: an agency with a manager and a clerk (personal tokens), a few
// applications (received, concluded, one overdue), a second agency in the same region, and a
// small cookie jar for app.request.
import { ADMIN_TOKEN, type Setup } from "./helpers.ts";

export const AGENCY = "411421-gxkj";
export const OTHER = "411421-jyj";

export const seedConsole = async (s: Setup) => {
  const admin = { token: ADMIN_TOKEN };
  for (const [code, name] of [
    [AGENCY, "睢县科学技术局"],
    [OTHER, "睢县教育局"],
  ] as const) {
    const r = await s.call("POST", "/v1/agencies", {
      ...admin,
      body: { code, name, regionCode: "411421" },
    });
    if (r.status !== 201) throw new Error(`agency: ${r.status}`);
  }
  const tokens: Record<string, string> = {};
  for (const [who, role, code] of [
    ["manager", "manager", AGENCY],
    ["clerk", "clerk", AGENCY],
    ["otherManager", "manager", OTHER],
  ] as const) {
    const staff = await s.call("POST", `/v1/agencies/${code}/staff`, {
      ...admin,
      body: { name: `${who}张`, role },
    });
    const t = await s.call("POST", "/v1/tokens", {
      ...admin,
      body: { kind: "personal", staffId: staff.data.id },
    });
    tokens[who] = t.data.token;
  }
  const ids: string[] = [];
  const received = [
    ["2025-03-03", "naturalPerson", "城市规划许可信息"],
    ["2025-04-10", "commercialEnterprise", "专项资金分配情况"],
    ["2025-06-02", "naturalPerson", "科研项目立项名单"],
    ["2025-11-03", "naturalPerson", "实验室安全检查记录"],
    ["2025-12-15", "legalServiceAgency", "行政处罚决定书"],
  ] as const;
  for (const [receivedOn, applicantType, subject] of received) {
    const r = await s.call("POST", `/v1/agencies/${AGENCY}/applications`, {
      token: tokens.clerk,
      body: {
        receivedOn,
        applicantType,
        subject,
        applicant: { name: "李四", contact: "13800000000" },
      },
    });
    if (r.status !== 201) throw new Error(`register: ${r.status} ${JSON.stringify(r.data)}`);
    ids.push(r.data.id);
  }
  for (const [i, date, outcome] of [
    [0, "2025-03-20", "granted"],
    [1, "2025-05-06", "unableNotHeld"],
  ] as const) {
    const r = await s.call("POST", `/v1/applications/${ids[i]}/events`, {
      token: tokens.clerk,
      body: { type: "concluded", date, outcome },
    });
    if (r.status !== 201) throw new Error(`conclude: ${r.status} ${JSON.stringify(r.data)}`);
  }
  return { tokens, ids };
};

/** A cookie jar for app.request: keeps what Set-Cookie says, sends it back. */
export const jar = () => {
  const cookies = new Map<string, string>();
  return {
    cookies,
    header: () => [...cookies].map(([k, v]) => `${k}=${v}`).join("; "),
    take: (res: Response) => {
      for (const line of res.headers.getSetCookie()) {
        const [pair, ...attrs] = line.split(";");
        const eq = pair!.indexOf("=");
        const name = pair!.slice(0, eq).trim();
        const value = pair!.slice(eq + 1).trim();
        const expired = attrs.some((a) => /max-age=0|expires=Thu, 01 Jan 1970/i.test(a));
        if (!value || expired) cookies.delete(name);
        else cookies.set(name, value);
      }
    },
  };
};

/** The hidden CSRF field of the page's first form. */
export const csrfOf = (page: string) => /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? "";

export const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
