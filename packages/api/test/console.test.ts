// The web console through app.request: sign-in and sessions, the pages' figures equal to the
// API's, and bad input (unknown agency, bad filters, forged or expired sessions, missing CSRF,
// an oversized upload) answered with a page in Chinese and English, never a 5xx, never a write.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AGENCY, csrfOf, form, jar, OTHER, seedConsole } from "./console-fixture.ts";
import { ADMIN_TOKEN, type Setup, setup } from "./helpers.ts";

describe("web console (app.request, PGlite)", () => {
  let s: Setup;
  let tokens: Record<string, string>;
  let ids: string[];
  beforeAll(async () => {
    s = await setup("pglite");
    ({ tokens, ids } = await seedConsole(s));
  });
  afterAll(() => s.close());

  const get = (path: string, cookies: ReturnType<typeof jar>) =>
    Promise.resolve(s.app.request(path, { headers: { cookie: cookies.header() } })).then(
      async (res) => {
        cookies.take(res);
        return { res, text: await res.text() };
      },
    );
  const post = (
    path: string,
    cookies: ReturnType<typeof jar>,
    body: string,
    type = "application/x-www-form-urlencoded",
  ) =>
    Promise.resolve(
      s.app.request(path, {
        method: "POST",
        headers: { cookie: cookies.header(), "content-type": type },
        body,
      }),
    ).then(async (res) => {
      cookies.take(res);
      return { res, text: await res.text() };
    });
  const signIn = async (token: string) => {
    const cookies = jar();
    const login = await get("/console/login", cookies);
    const r = await post(
      "/console/login",
      cookies,
      form({ _csrf: csrfOf(login.text), token, next: "/console" }),
    );
    expect(r.res.status).toBe(303);
    return cookies;
  };
  /** A page that says what is wrong in both languages. */
  const bilingualProblem = (text: string) => {
    expect(text).toContain('role="alert"');
    expect(text).toMatch(/[\u4e00-\u9fff]/);
    expect(text).toMatch(/class="en">[A-Za-z]/);
  };

  it("sends anonymous visitors to sign-in, and signs in with a token into an HttpOnly, SameSite=Lax session", async () => {
    const cookies = jar();
    const anon = await get(`/console/agencies/${AGENCY}`, cookies);
    expect(anon.res.status).toBe(303);
    expect(anon.res.headers.get("location")).toBe(
      `/console/login?next=${encodeURIComponent(`/console/agencies/${AGENCY}`)}`,
    );
    const login = await get("/console/login", cookies);
    expect(login.text).toContain('<html lang="zh-CN">');
    expect(login.res.headers.get("content-security-policy")).toContain("script-src 'none'");
    const r = await s.app.request("/console/login", {
      method: "POST",
      headers: { cookie: cookies.header(), "content-type": "application/x-www-form-urlencoded" },
      body: form({
        _csrf: csrfOf(login.text),
        token: tokens.manager!,
        next: `/console/agencies/${AGENCY}`,
      }),
    });
    expect(r.status).toBe(303);
    expect(r.headers.get("location")).toBe(`/console/agencies/${AGENCY}`);
    const cookie = r.headers.getSetCookie().find((c) => c.startsWith("ogi_console="))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toContain(tokens.manager!);
  });

  it("shows the year to date as the API's summary gives it, each figure a link to its applications", async () => {
    const cookies = await signIn(tokens.manager!);
    const page = await get(`/console/agencies/${AGENCY}`, cookies);
    expect(page.res.status).toBe(200);
    const api = await s.call("GET", `/v1/agencies/${AGENCY}/summary`, { token: tokens.manager });
    const value = (href: string) =>
      new RegExp(
        `<a href="${href.replace(/[?&]/g, (m) => `\\${m}`).replace(/&/g, "&amp;")}">(\\d+)</a>`,
      ).exec(page.text)?.[1];
    expect(Number(value(`/console/agencies/${AGENCY}/applications?receivedYear=2025`))).toBe(
      api.data.received.total,
    );
    expect(Number(value(`/console/agencies/${AGENCY}/applications?concludedYear=2025`))).toBe(
      api.data.concludedTotal.total,
    );
    expect(Number(value(`/console/agencies/${AGENCY}/applications?status=open`))).toBe(
      api.data.openNow.total,
    );
    // The link of "received" lists exactly that many applications.
    const list = await get(`/console/agencies/${AGENCY}/applications?receivedYear=2025`, cookies);
    expect(list.text.match(/href="\/console\/applications\//g)?.length).toBe(
      api.data.received.total,
    );
    expect(page.text).toContain("<svg");
  });

  it("lists 督办 most urgent first with who registered, and opens an application with its timeline", async () => {
    const cookies = await signIn(tokens.manager!);
    const due = await s.call("GET", `/v1/agencies/${AGENCY}/applications?order=due`, {
      token: tokens.manager,
    });
    const dates = due.data.applications.map((a: { dueDate: string }) => a.dueDate);
    expect(dates).toEqual([...dates].sort());
    expect(due.data.applications.every((a: { status: string }) => a.status === "open")).toBe(true);
    const page = await get(`/console/agencies/${AGENCY}/supervision`, cookies);
    expect(page.text).toContain("clerk张");
    const one = await get(`/console/applications/${ids[0]}`, cookies);
    expect(one.res.status).toBe(200);
    expect(one.text).toContain("城市规划许可信息");
    expect(one.text).toContain('class="timeline"');
    expect(one.text).toContain("李四"); // the agency's own staff see the applicant
  });

  it("keeps personal data to the agency's staff: another agency's manager is refused", async () => {
    const cookies = await signIn(tokens.otherManager!);
    const r = await get(`/console/applications/${ids[0]}`, cookies);
    expect(r.res.status).toBe(403);
    bilingualProblem(r.text);
    expect(r.text).not.toContain("李四");
  });

  it("answers bad input with a bilingual page, never a 5xx", async () => {
    const cookies = await signIn(tokens.manager!);
    for (const [path, status] of [
      ["/console/agencies/411421-nope", 404],
      ["/console/agencies/bad%20code!", 400],
      [`/console/agencies/${AGENCY}/applications?receivedYear=abc`, 400],
      [`/console/agencies/${AGENCY}/applications?applicantType=martian`, 400],
      [`/console/agencies/${AGENCY}/applications?offset=-3`, 400],
      [`/console/agencies/${AGENCY}/reports/20x5`, 400],
      [`/console/agencies/${AGENCY}/reports/2025/download?format=exe`, 400],
      ["/console/regions/411421?sort=evil", 400],
      ["/console/regions/999999", 404],
      ["/console/applications/no-such-id", 404],
      ["/console/nothing-here", 404],
    ] as const) {
      const r = await get(path, cookies);
      expect(r.res.status, path).toBe(status);
      bilingualProblem(r.text);
    }
  });

  it("refuses a forged or expired session, and a form without its CSRF token, writing nothing", async () => {
    const forged = jar();
    forged.cookies.set("ogi_console", "forged-session-id-0123456789");
    const r = await get(`/console/agencies/${AGENCY}`, forged);
    expect(r.res.status).toBe(303);
    expect(r.res.headers.get("location")).toMatch(/^\/console\/login/);

    const cookies = await signIn(tokens.manager!);
    const before = await s.call("GET", `/v1/agencies/${AGENCY}/reports/2025`, {
      token: tokens.manager,
    });
    const section = `/console/agencies/${AGENCY}/reports/2025/sections/problems`;
    const noCsrf = await post(section, cookies, form({ text: "伪造的内容" }));
    expect(noCsrf.res.status).toBe(403);
    bilingualProblem(noCsrf.text);
    const wrongCsrf = await post(
      section,
      cookies,
      form({ _csrf: "x".repeat(32), text: "伪造的内容" }),
    );
    expect(wrongCsrf.res.status).toBe(403);
    const forgedPost = await post(section, forged, form({ _csrf: "x", text: "伪造的内容" }));
    expect(forgedPost.res.status).toBe(401);
    const after = await s.call("GET", `/v1/agencies/${AGENCY}/reports/2025`, {
      token: tokens.manager,
    });
    expect(after.data.report.problems).toEqual(before.data.report.problems);

    // 31 minutes idle: the session is over.
    const page = await get(`/console/agencies/${AGENCY}/reports/2025`, cookies);
    const csrf = csrfOf(page.text);
    const now = s.clock.now();
    s.clock.set(new Date(now.getTime() + 31 * 60_000).toISOString());
    try {
      const late = await post(section, cookies, form({ _csrf: csrf, text: "过期后提交" }));
      expect(late.res.status).toBe(401);
      bilingualProblem(late.text);
      const gone = await get(`/console/agencies/${AGENCY}`, cookies);
      expect(gone.res.status).toBe(303);
    } finally {
      s.clock.set(now.toISOString());
    }
    const still = await s.call("GET", `/v1/agencies/${AGENCY}/reports/2025`, {
      token: tokens.manager,
    });
    expect(still.data.report.problems).toEqual(before.data.report.problems);
  });

  it("takes a one-time link once and only while it is valid", async () => {
    const link = async () =>
      (await s.call("POST", "/v1/sign-in-links", { token: tokens.manager })).data.path as string;
    const use = async (path: string) => {
      const cookies = jar();
      const page = await get(path, cookies);
      expect(page.res.status).toBe(200);
      const code = new URL(path, "http://x").searchParams.get("code")!;
      return post("/console/login/link", cookies, form({ _csrf: csrfOf(page.text), code }));
    };
    const fresh = await link();
    expect((await use(fresh)).res.status).toBe(303);
    const used = await use(fresh);
    expect(used.res.status).toBe(400);
    bilingualProblem(used.text);
    const late = await link();
    const now = s.clock.now();
    s.clock.set(new Date(now.getTime() + 11 * 60_000).toISOString());
    try {
      const expired = await use(late);
      expect(expired.res.status).toBe(400);
      expect(expired.text).toContain("已过期");
    } finally {
      s.clock.set(now.toISOString());
    }
    const bad = await get("/console/login/link?code=<script>", jar());
    expect(bad.res.status).toBe(400);
    expect(bad.text).not.toContain("<script>");
  });

  it("writes section 五 through the API, and refuses a clerk's publish without writing", async () => {
    const cookies = await signIn(tokens.manager!);
    const page = await get(`/console/agencies/${AGENCY}/reports/2025`, cookies);
    expect(page.res.status).toBe(200);
    const saved = await post(
      `/console/agencies/${AGENCY}/reports/2025/sections/problems`,
      cookies,
      form({ _csrf: csrfOf(page.text), text: "工作人员培训不足，将于明年加强。" }),
    );
    expect(saved.res.status).toBe(303);
    const api = await s.call("GET", `/v1/agencies/${AGENCY}/reports/2025`, {
      token: tokens.manager,
    });
    expect(api.data.report.problems).toBe("工作人员培训不足，将于明年加强。");

    const clerk = await signIn(tokens.clerk!);
    const home = await get("/console", clerk);
    const refused = await post(
      `/console/agencies/${AGENCY}/reports/2025/publish`,
      clerk,
      form({ _csrf: csrfOf(home.text) }),
    );
    expect(refused.res.status).toBe(403);
    bilingualProblem(refused.text);
    const stillDraft = await s.call("GET", `/v1/agencies/${AGENCY}/reports/2025`, {
      token: ADMIN_TOKEN,
    });
    expect(stillDraft.data.status).toBe("draft");
  });

  it("never serves a console user's cached answer to anyone else", async () => {
    const cookies = await signIn(tokens.manager!);
    await get(`/console/agencies/${AGENCY}`, cookies);
    const anon = await s.call("GET", `/v1/agencies/${AGENCY}/summary`);
    expect(anon.status).toBe(401);
    const consoleHeader = await s.call("GET", `/v1/agencies/${AGENCY}/summary`, {
      headers: { authorization: "Console anything" },
    });
    expect(consoleHeader.status).toBe(401);
  });

  it("shows the region with one row per agency and its sum, and no rate under 5 applications", async () => {
    const cookies = await signIn(ADMIN_TOKEN);
    // Each row is the agency's own year to date (the summary's totals).
    const rows = await s.call("GET", "/v1/regions/411421/agencies", { token: ADMIN_TOKEN });
    for (const row of rows.data.agencies) {
      const one = await s.call("GET", `/v1/agencies/${row.code}/summary`, { token: ADMIN_TOKEN });
      expect(row).toMatchObject({
        carriedOver: one.data.carriedOver.total,
        received: one.data.received.total,
        concluded: one.data.concludedTotal.total,
        open: one.data.openNow.total,
        overdue: one.data.overdue,
        dueWithin5WorkingDays: one.data.dueWithin5WorkingDays,
        balanced: one.data.balanced,
      });
    }
    const r = await get("/console/regions/411421?sort=received&dir=desc", cookies);
    expect(r.res.status).toBe(200);
    expect(r.text.indexOf(AGENCY)).toBeLessThan(r.text.indexOf(OTHER));
    expect(r.text).toContain("—*"); // the other agency has no application
    expect(r.text).toContain("少于 5 件的不计比率");
  });

  it("checks an uploaded report without signing in, and refuses an oversized upload", async () => {
    const cookies = jar();
    const page = await get("/console/check", cookies);
    const csrf = csrfOf(page.text);
    const report = await s.call("GET", `/v1/agencies/${AGENCY}/reports/2025?format=html`, {
      token: tokens.manager,
    });
    const upload = new FormData();
    upload.set("_csrf", csrf);
    upload.set("file", new File([report.data], "report.html", { type: "text/html" }));
    const ok = await s.app.request("/console/check", {
      method: "POST",
      headers: { cookie: cookies.header() },
      body: upload,
    });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain("睢县科学技术局");

    const big = new FormData();
    big.set("_csrf", csrf);
    big.set(
      "file",
      new File([new Uint8Array(21 * 1024 * 1024)], "big.pdf", { type: "application/pdf" }),
    );
    const tooBig = await s.app.request("/console/check", {
      method: "POST",
      headers: { cookie: cookies.header() },
      body: big,
    });
    expect(tooBig.status).toBe(413);
    bilingualProblem(await tooBig.text());

    const noCsrf = new FormData();
    noCsrf.set("file", new File(["x"], "a.txt"));
    const refused = await s.app.request("/console/check", {
      method: "POST",
      headers: { cookie: cookies.header() },
      body: noCsrf,
    });
    expect(refused.status).toBe(403);
  });

  it("switches to English and back", async () => {
    const cookies = await signIn(tokens.manager!);
    const sw = await get(
      `/console/lang?to=en&back=${encodeURIComponent(`/console/agencies/${AGENCY}`)}`,
      cookies,
    );
    expect(sw.res.status).toBe(303);
    const en = await get(`/console/agencies/${AGENCY}`, cookies);
    expect(en.text).toContain('<html lang="en">');
    expect(en.text).toContain("Received");
    const evil = await get("/console/lang?to=zh&back=//evil.example", cookies);
    expect(evil.res.headers.get("location")).toBe("/console");
  });
});
