// The console in a real browser: Debian's Chromium (/usr/bin/chromium) driven by playwright-core
// against the API served on a loopback port as `pnpm start` serves it. Signs in, reads the agency
// page, follows a figure to its applications, opens one, edits section 五, publishes, and checks
// that the numbers shown equal the API's. Screenshots of each page go to test-output/console/
// (for review; docs/images/ holds copies).
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type TestApi } from "../src/testing.ts";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const OUT = join(import.meta.dirname, "..", "test-output", "console");
const AGENCY = "411421-gxkj";
const OTHER = "411421-jyj";

/** The API's clock: December of the year reported, then January for publishing. */
let now = "2025-12-20T02:00:00Z";

describe.skipIf(!existsSync(CHROMIUM))("web console in Chromium", () => {
  let api: TestApi;
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  const tokens: Record<string, string> = {};
  const call = async <T>(token: string, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${api.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const shot = (name: string) =>
    page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    api = await startApi(() => new Date(now));
    for (const [code, name] of [
      [AGENCY, "睢县科学技术局"],
      [OTHER, "睢县教育局"],
    ] as const)
      await api.admin("POST", "/v1/agencies", { code, name, regionCode: "411421" });
    for (const [who, role, code] of [
      ["manager", "manager", AGENCY],
      ["clerk", "clerk", AGENCY],
    ] as const) {
      const staff = await api.admin<{ id: string }>("POST", `/v1/agencies/${code}/staff`, {
        name: who === "manager" ? "王主任" : "赵登记",
        role,
      });
      tokens[who] = (
        await api.admin<{ token: string }>("POST", "/v1/tokens", {
          kind: "personal",
          staffId: staff.id,
        })
      ).token;
    }
    const subjects = [
      "城市规划许可信息",
      "专项资金分配情况",
      "科研项目立项名单",
      "实验室安全检查记录",
      "行政处罚决定书",
      "高新技术企业认定名单",
      "科技特派员名单",
    ];
    const types = [
      "naturalPerson",
      "commercialEnterprise",
      "naturalPerson",
      "naturalPerson",
      "legalServiceAgency",
      "commercialEnterprise",
      "researchInstitution",
    ];
    const ids: string[] = [];
    for (const [i, subject] of subjects.entries()) {
      const month = String(1 + ((i * 2) % 12)).padStart(2, "0");
      const r = await call<{ id: string }>(
        tokens.clerk!,
        "POST",
        `/v1/agencies/${AGENCY}/applications`,
        {
          receivedOn: `2025-${month}-0${1 + (i % 8)}`,
          applicantType: types[i],
          subject,
        },
      );
      ids.push(r.id);
    }
    for (const [i, date, outcome] of [
      [0, "2025-01-20", "granted"],
      [1, "2025-03-25", "partiallyGranted"],
      [2, "2025-05-20", "unableNotHeld"],
      [3, "2025-07-28", "granted"],
    ] as const)
      await call(tokens.clerk!, "POST", `/v1/applications/${ids[i]}/events`, {
        type: "concluded",
        date,
        outcome,
      });
    profile = mkdtempSync(join(tmpdir(), "ogi-chromium-"));
    // A fresh profile (its own --user-data-dir): nothing from an earlier run.
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
      locale: "zh-CN",
      viewport: { width: 1280, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
  });
  afterAll(async () => {
    await context?.close();
    await api?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  const figure = async (label: string) =>
    Number(
      (
        await page
          .locator(".figure", { has: page.locator(".label", { hasText: label }) })
          .locator(".value")
          .textContent()
          .then((t) => t ?? "")
      ).replace(/,/g, ""),
    );

  it("signs in, reads the agency page, follows a figure, opens an application, edits 五, publishes", async () => {
    await page.goto(`${api.url}/console/agencies/${AGENCY}`);
    expect(new URL(page.url()).pathname).toBe("/console/login");
    await shot("01-login");
    await page.fill("#token", tokens.manager!);
    await page.click("button[type=submit] >> text=登录");
    await page.waitForURL(`**/console/agencies/${AGENCY}`);
    expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
    await shot("02-agency");

    // The numbers shown are the API's.
    const summary = await call<{
      received: { total: number };
      concludedTotal: { total: number };
      openNow: { total: number };
      carriedOver: { total: number };
      overdue: number;
      dueWithin5WorkingDays: number;
    }>(tokens.manager!, "GET", `/v1/agencies/${AGENCY}/summary`);
    expect(await figure("本年收到")).toBe(summary.received.total);
    expect(await figure("本年办结")).toBe(summary.concludedTotal.total);
    expect(await figure("尚在办理")).toBe(summary.openNow.total);
    expect(await figure("上年结转")).toBe(summary.carriedOver.total);
    expect(await figure("已逾期")).toBe(summary.overdue);
    expect(await figure("5 个工作日内到期")).toBe(summary.dueWithin5WorkingDays);
    expect(await page.locator(".chart svg rect").count()).toBeGreaterThan(24);

    // A figure leads to the applications it counts.
    await page
      .locator(".figure", { has: page.locator(".label", { hasText: "本年办结" }) })
      .locator("a")
      .click();
    await page.waitForURL(/concludedYear=2025/);
    expect(await page.locator("table.register tbody tr").count()).toBe(
      summary.concludedTotal.total,
    );
    await shot("03-register");

    await page.locator("table.register tbody tr a").first().click();
    await page.waitForURL(/\/console\/applications\//);
    expect(await page.locator("ol.timeline li").count()).toBe(2);
    await expect(
      page
        .locator("ol.timeline")
        .textContent()
        .then((t) => t ?? ""),
    ).resolves.toContain("赵登记");
    await shot("04-application");

    await page.goto(`${api.url}/console/agencies/${AGENCY}/supervision`);
    await shot("05-supervision");

    // Section 五, then publish.
    await page.goto(`${api.url}/console/agencies/${AGENCY}/reports/2025`);
    const problems =
      "一是答复文书格式不够统一；二是工作人员培训不足。下一步将统一文书模板并加强培训。";
    await page.fill("textarea[name=text] >> nth=0", problems);
    await page.locator("form[action$='/sections/problems'] button").click();
    await page.waitForURL(/done=saved/);
    await expect(
      page
        .locator(".report-frame [data-field=problems]")
        .textContent()
        .then((t) => t ?? ""),
    ).resolves.toBe(problems);
    const draft = await call<{
      report: { problems: string; requests: { newReceived: { total: number } } };
      findings: { severity: string }[];
    }>(tokens.manager!, "GET", `/v1/agencies/${AGENCY}/reports/2025`);
    expect(draft.report.problems).toBe(problems);
    // Section 三's cell shown in the official layout is the API's.
    await expect(
      page
        .locator(".report-frame td[data-cell='requests.newReceived.total']")
        .textContent()
        .then((t) => t ?? ""),
    ).resolves.toBe(String(draft.report.requests.newReceived.total));
    await shot("06-report");
    expect(draft.findings.filter((f) => f.severity === "error")).toEqual([]);
    // A year is published once it is over (第四十九条: by 31 January): it is January now, and
    // the session ended while the year turned (30 minutes idle): sign in again.
    now = "2026-01-05T02:00:00Z";
    await page.goto(`${api.url}/console/agencies/${AGENCY}/reports/2025`);
    expect(new URL(page.url()).pathname).toBe("/console/login");
    await page.fill("#token", tokens.manager!);
    await page.click("button[type=submit] >> text=登录");
    await page.waitForURL(`**/console/agencies/${AGENCY}/reports/2025`);
    await page.locator("form[action$='/publish'] button").click();
    await page.waitForURL(/done=published/);
    await expect(
      page
        .locator(".notice")
        .textContent()
        .then((t) => t ?? ""),
    ).resolves.toContain("已发布");
    const published = await call<{ status: string }>(
      tokens.manager!,
      "GET",
      `/v1/agencies/${AGENCY}/reports/2025`,
    );
    expect(published.status).toBe("published");
    await shot("07-published");
  });

  it("shows the region, checks a report without signing in, and speaks English on request", async () => {
    await page.goto(`${api.url}/console/login`);
    // Signed in as the manager: the region needs the admin.
    await context.clearCookies();
    await page.goto(`${api.url}/console/login`);
    await page.fill("#token", api.adminToken);
    await page.click("button[type=submit] >> text=登录");
    await page.goto(`${api.url}/console/regions/411421?sort=received&dir=desc`);
    const rows = await call<{ agencies: { code: string; received: number }[] }>(
      api.adminToken,
      "GET",
      "/v1/regions/411421/agencies",
    );
    for (const r of rows.agencies) {
      const cell = page.locator("table.region tbody tr", { hasText: r.code }).locator("td").nth(2);
      expect(Number(await cell.textContent().then((t) => t ?? ""))).toBe(r.received);
    }
    await shot("08-region");

    const html = await (
      await fetch(`${api.url}/v1/agencies/${AGENCY}/reports/2025?format=html`)
    ).text();
    await context.clearCookies();
    await page.goto(`${api.url}/console/check`);
    await page.setInputFiles("input[type=file]", {
      name: "report.html",
      mimeType: "text/html",
      buffer: Buffer.from(html),
    });
    await page.locator("form[action='/console/check'] button").click();
    await page.waitForLoadState();
    await expect(
      page
        .locator("main")
        .textContent()
        .then((t) => t ?? ""),
    ).resolves.toContain("睢县科学技术局");
    await shot("09-check");

    await page.click("text=English");
    expect(await page.getAttribute("html", "lang")).toBe("en");
    await shot("10-check-en");
  });
});
