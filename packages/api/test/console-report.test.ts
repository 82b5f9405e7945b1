// The console's report page and its forms through app.request: downloads in the report route's
// formats, publish, the admin's reopen with a reason, and sign-out.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPORT_FORMATS } from "../src/console/pages/report.ts";
import { AGENCY, csrfOf, form, jar, seedConsole } from "./console-fixture.ts";
import { ADMIN_TOKEN, type Setup, setup } from "./helpers.ts";

describe("web console: the report (app.request, PGlite)", () => {
  let s: Setup;
  let tokens: Record<string, string>;
  beforeAll(async () => {
    s = await setup("pglite");
    ({ tokens } = await seedConsole(s));
  });
  afterAll(() => s.close());

  const request = async (
    path: string,
    cookies: ReturnType<typeof jar>,
    body?: Record<string, string>,
  ) => {
    const res = await s.app.request(path, {
      method: body ? "POST" : "GET",
      headers: {
        cookie: cookies.header(),
        ...(body ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
      ...(body ? { body: form(body) } : {}),
    });
    cookies.take(res);
    return { res, text: await res.text() };
  };
  const signIn = async (token: string) => {
    const cookies = jar();
    const login = await request("/console/login", cookies);
    const r = await request("/console/login", cookies, { _csrf: csrfOf(login.text), token });
    expect(r.res.status).toBe(303);
    return cookies;
  };
  const base = `/console/agencies/${AGENCY}/reports/2025`;

  it("offers every format of the report route, each one a download of the API's answer", async () => {
    const cookies = await signIn(tokens.manager!);
    const page = await request(base, cookies);
    expect(REPORT_FORMATS).toEqual(expect.arrayContaining(["json", "md", "html", "txt", "csv"]));
    for (const f of REPORT_FORMATS) expect(page.text).toContain(`${base}/download?format=${f}`);
    const csv = await request(`${base}/download?format=csv`, cookies);
    expect(csv.res.status).toBe(200);
    expect(csv.res.headers.get("content-type")).toMatch(/text\/csv/);
    expect(csv.res.headers.get("content-disposition")).toMatch(/attachment/);
    const api = await s.call("GET", `/v1/agencies/${AGENCY}/reports/2025?format=csv&lang=zh`, {
      token: tokens.manager,
    });
    expect(csv.text).toBe(api.data);
  });

  it("publishes, then the admin reopens with a reason (and not without one)", async () => {
    // A year is published once it is over (第四十九条: by 31 January).
    s.clock.set("2026-01-05T02:00:00Z");
    const manager = await signIn(tokens.manager!);
    const page = await request(base, manager);
    const published = await request(`${base}/publish`, manager, { _csrf: csrfOf(page.text) });
    expect(published.res.status).toBe(303);
    expect(published.res.headers.get("location")).toBe(`${base}?done=published`);
    const after = await request(`${base}?done=published`, manager);
    expect(after.text).toContain("已发布");
    expect(after.text).toContain("disabled"); // the sections can't be edited any more

    const admin = await signIn(ADMIN_TOKEN);
    const adminPage = await request(base, admin);
    expect(adminPage.text).toContain(`${base}/reopen`);
    const noReason = await request(`${base}/reopen`, admin, {
      _csrf: csrfOf(adminPage.text),
      reason: "  ",
    });
    expect(noReason.res.status).toBe(400);
    expect(noReason.text).toContain("Reopening needs a reason.");
    const still = await s.call("GET", `/v1/agencies/${AGENCY}/reports/2025`, {
      token: ADMIN_TOKEN,
    });
    expect(still.data.status).toBe("published");
    const reopened = await request(`${base}/reopen`, admin, {
      _csrf: csrfOf(adminPage.text),
      reason: "更正第三部分的统计口径",
    });
    expect(reopened.res.status).toBe(303);
    const draft = await s.call("GET", `/v1/agencies/${AGENCY}/reports/2025`, {
      token: ADMIN_TOKEN,
    });
    expect(draft.data.status).toBe("draft");
  });

  it("signs out: the session is over", async () => {
    const cookies = await signIn(tokens.manager!);
    const home = await request("/console", cookies);
    expect(home.res.status).toBe(200);
    const session = cookies.cookies.get("ogi_console")!;
    const out = await request("/console/logout", cookies, { _csrf: csrfOf(home.text) });
    expect(out.res.status).toBe(303);
    const again = jar();
    again.cookies.set("ogi_console", session);
    const r = await request("/console", again);
    expect(r.res.status).toBe(303);
    expect(r.res.headers.get("location")).toMatch(/^\/console\/login/);
  });
});
