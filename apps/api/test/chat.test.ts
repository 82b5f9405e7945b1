// `pnpm chat` as a newcomer uses it: a spawned process on a fresh embedded database (or a running
// API), typed input on stdin, the conversation on stdout.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { seedAgency, startApi } from "@ogi/api/testing";
import { createDb, createStaff, insertAgency } from "@ogi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const terminal = resolve(import.meta.dirname, "../src/chat.ts");
let dir: string;
let inviteCode: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ogi-chat-"));
  const d = await createDb({ dataDir: join(dir, "db") });
  await insertAgency(
    d.db,
    { code: "411421-jyj", name: "某县教育局", regionCode: "411421" },
    new Date(),
  );
  await createStaff(
    d.db,
    { agencyCode: "411421-jyj", name: "钱主任", role: "manager" },
    new Date(),
  );
  ({ inviteCode } = await createStaff(
    d.db,
    { agencyCode: "411421-jyj", name: "孙科员", role: "clerk" },
    new Date(),
  ));
  await d.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const chat = (args: string[], input: string) => {
  const env: NodeJS.ProcessEnv = { ...process.env, OGI_DATA_DIR: join(dir, "db") };
  delete env.OGI_API_URL;
  delete env.OGI_ADMIN_TOKEN;
  const r = spawnSync(process.execPath, [terminal, ...args], {
    input,
    env,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: r.status, out: r.stdout, err: r.stderr };
};

describe("pnpm chat", () => {
  it("lists the staff to act as when there is no --as, and exits 0 (issue 14, item 11)", () => {
    const r = chat([], "");
    expect(r.status).toBe(0);
    expect(r.out).toContain("钱主任");
    expect(r.out).toContain("孙科员");
  });

  it("links with an invite code, registers with numbered buttons, and keeps the user", () => {
    // /new asks the applicant type (1 自然人), the channel (1 当面), then the day received by
    // that channel's rule (2 昨天), and the card is confirmed (1).
    const r = chat(["--as", inviteCode], "/new\n1\n1\n2\n1\n");
    expect(r.out).toContain("已关联：孙科员，某县教育局（经办人）");
    expect(r.out).toContain("[1] 自然人");
    const yesterdayInChina = new Date(Date.now() + 8 * 3_600_000 - 86_400_000)
      .toISOString()
      .slice(0, 10);
    expect(r.out).toContain(`已登记 第 1 号：自然人，${yesterdayInChina} 收到`);
    // Next time without --as: the same user.
    const again = chat([], "在办\n");
    expect(again.out).toContain("在办申请 1 件");
  });

  it("talks to a running API given OGI_API_URL and OGI_ADMIN_TOKEN", async () => {
    const api = await startApi(() => new Date());
    try {
      const [invite] = await seedAgency(api, { code: "411421-mzj", name: "某县民政局" }, [
        { name: "郑科员", role: "clerk" },
      ]);
      // spawnSync would block the API in this process: spawn and wait instead.
      const out = await new Promise<string>((ok) => {
        const env: NodeJS.ProcessEnv = {
          ...process.env,
          OGI_DATA_DIR: join(dir, "remote-state"),
          OGI_API_URL: api.url,
          OGI_ADMIN_TOKEN: api.adminToken,
        };
        const child = spawn(process.execPath, [terminal, "--as", invite!.inviteCode], { env });
        let text = "";
        child.stdout.on("data", (d) => {
          text += d;
        });
        child.on("close", () => ok(text));
        child.stdin.end("/new 社会公益组织 今天 当面\n1\n");
      });
      expect(out).toContain("已关联：郑科员，某县民政局");
      expect(out).toContain("已登记 第 1 号：社会公益组织");
    } finally {
      await api.close();
    }
  });

  it("beside `pnpm start` on the same folder goes through that API, never around it", async () => {
    // The real host owns the folder (its lock) and records its URL and local admin token.
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      OGI_DATA_DIR: join(dir, "db"),
      PORT: "0",
      OGI_DEMO: "0",
    };
    delete env.OGI_API_URL;
    delete env.OGI_ADMIN_TOKEN;
    delete env.TELEGRAM_BOT_TOKEN;
    delete env.DATABASE_URL;
    const host = spawn(process.execPath, [resolve(import.meta.dirname, "../src/main.ts")], {
      env,
    });
    try {
      await new Promise<void>((ok, fail) => {
        let text = "";
        host.stdout.on("data", (d) => {
          text += d;
          if (text.includes("/v1")) ok();
        });
        host.on("exit", (code) => fail(new Error(`pnpm start exited ${code}`)));
      });
      const out = await new Promise<{ out: string; err: string; code: number | null }>((ok) => {
        const child = spawn(process.execPath, [terminal, "--as", "钱主任"], { env });
        let o = "";
        let e = "";
        child.stdout.on("data", (d) => {
          o += d;
        });
        child.stderr.on("data", (d) => {
          e += d;
        });
        child.on("close", (code) => ok({ out: o, err: e, code }));
        child.stdin.end("统计\n");
      });
      expect(out.err).toContain("通过正在运行的 API");
      expect(out.out).toContain("某县教育局 · ");
      expect(out.code).toBe(0);
    } finally {
      host.kill("SIGTERM");
      await new Promise((ok) => host.once("exit", ok));
    }
  });

  it("acts as a staff member by name", () => {
    const r = chat(["--as", "钱主任"], "统计\n/lang en\n统计\n");
    expect(r.out).toContain("某县教育局 · ");
    expect(r.out).toContain("本年新收 1");
    expect(r.out).toContain("received 1");
  });

  it("understands the clerk's own words, each shown on its card before anything is written (issue 15)", () => {
    // After the others (the register's numbers follow theirs), as the clerk.
    const r = chat(
      ["--as", "孙科员"],
      [
        "今天收到张三申请，要求公开2025年预算",
        "1", // 自然人
        "6", // 跳过 (the channel)
        "1", // 确认登记
        "2号件予以公开",
        "1", // 确认办结
        "今年收了多少件",
        "帮我查一下逾期的",
        "上周五",
        "信息不存在",
        "你好",
        "",
      ].join("\n"),
    );
    expect(r.out).toContain("您说：“今天收到张三申请，要求公开2025年预算”");
    expect(r.out).toContain("申请内容：2025年预算");
    expect(r.out).toMatch(/已登记 第 2 号 · 张三 · 2025年预算：自然人/);
    expect(r.out).toContain("请核对办结信息");
    expect(r.out).toContain("第 2 号 · 张三 · 2025年预算已办结：予以公开");
    expect(r.out).toMatch(/\d{4} 年新收申请 2 件/);
    expect(r.out).toContain("没有逾期的申请");
    expect(r.out).toContain("读到日期");
    expect(r.out).toContain("本机关不掌握相关政府信息");
    expect(r.out).toContain("没有看懂");
  });
});
