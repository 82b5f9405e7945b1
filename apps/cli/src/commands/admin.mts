// ogi admin …: set up agencies, staff and tokens in the API's database (the embedded PGlite
// folder, OGI_DATA_DIR or .data/, or PostgreSQL with DATABASE_URL). Every change is one
// transaction with an audit-log entry on the `cli` channel: directly, or through the API's routes
// when the API owns the embedded folder (its local admin token is audited as the CLI).
import { AGENCY_CODE_PATTERN, REGION_CODE_PATTERN } from "@ogi/domain";
import { parse } from "../args.mts";
import type { Command } from "../command.mts";
import { apiJson, ownerApi, withDb } from "../database.mts";
import { CliError, EXIT_OK } from "../errors.mts";
import type { Io } from "../io.mts";

const usageError = (zh: string, en: string) => new CliError({ zh, en });

const need = (value: string | undefined, zh: string, en: string): string => {
  if (value === undefined || value.trim() === "")
    throw usageError(`缺少参数：${zh}`, `Missing argument: ${en}`);
  return value;
};

const ROLES = ["clerk", "manager", "admin"] as const;
const KINDS = ["admin", "service", "personal"] as const;

const run = async (args: string[], io: Io): Promise<number> => {
  const [group, action, ...rest] = args;
  const { values, positionals } = parse(rest, {
    region: { type: "string" },
    parent: { type: "string" },
    role: { type: "string" },
    kind: { type: "string" },
    staff: { type: "string" },
    label: { type: "string" },
  });
  const now = new Date();
  const by = { actor: "cli", channel: "cli" as const };
  switch (`${group ?? ""} ${action ?? ""}`) {
    case "agency add": {
      const code = need(positionals[0], "机构代码", "agency code");
      const name = need(positionals[1], "机构名称", "agency name");
      if (!AGENCY_CODE_PATTERN.test(code))
        throw usageError(
          `机构代码只能含小写字母、数字和连字符（如 411421-gxkj）：${code}`,
          `An agency code is lower-case letters, digits and dashes (e.g. 411421-gxkj): ${code}`,
        );
      if (values.region !== undefined && !REGION_CODE_PATTERN.test(values.region))
        throw usageError(
          `区划代码应为数字：${values.region}`,
          `A region code is digits: ${values.region}`,
        );
      const api = await ownerApi(io);
      if (api)
        await apiJson(api, "POST", "/agencies", {
          code,
          name,
          ...(values.region ? { regionCode: values.region } : {}),
          ...(values.parent ? { parentCode: values.parent } : {}),
        });
      else
        await withDb((database, lib) =>
          database.db.transaction(async (tx) => {
            if (values.parent && !(await lib.getAgency(tx, values.parent)))
              throw usageError(
                `上级机构不存在：${values.parent}`,
                `No such parent agency: ${values.parent}`,
              );
            const row = await lib.insertAgency(
              tx,
              { code, name, regionCode: values.region ?? null, parentCode: values.parent ?? null },
              now,
            );
            if (!row)
              throw usageError(
                `机构代码已存在：${code}`,
                `The agency code already exists: ${code}`,
              );
            await lib.audit(tx, { ...by, action: "agency.create", target: code }, now);
          }),
        );
      io.out(`已创建机构 / agency created: ${code} ${name}\n`);
      return EXIT_OK;
    }
    case "agency list": {
      const api = await ownerApi(io);
      const rows = api
        ? (
            await apiJson<{
              agencies: {
                code: string;
                name: string;
                regionCode: string | null;
                parentCode: string | null;
              }[];
            }>(api, "GET", "/agencies")
          ).agencies
        : await withDb((database, lib) => lib.listAgencies(database.db));
      for (const a of rows)
        io.out(`${a.code}\t${a.name}\t${a.regionCode ?? ""}\t${a.parentCode ?? ""}\n`);
      return EXIT_OK;
    }
    case "staff invite": {
      const code = need(positionals[0], "机构代码", "agency code");
      const name = need(positionals[1], "姓名", "name");
      const role = (values.role ?? "clerk") as (typeof ROLES)[number];
      if (!ROLES.includes(role))
        throw usageError(
          `--role 应为 clerk、manager 或 admin`,
          `--role must be clerk, manager or admin`,
        );
      const api = await ownerApi(io);
      const { id, inviteCode } = api
        ? await apiJson<{ id: string; inviteCode: string }>(
            api,
            "POST",
            `/agencies/${encodeURIComponent(code)}/staff`,
            { name, role },
          )
        : await withDb((database, lib) =>
            database.db.transaction(async (tx) => {
              if (!(await lib.getAgency(tx, code)))
                throw usageError(`机构不存在：${code}`, `No such agency: ${code}`);
              const created = await lib.createStaff(tx, { agencyCode: code, name, role }, now);
              await lib.audit(
                tx,
                { ...by, action: "staff.invite", target: code, detail: { name, role } },
                now,
              );
              return created;
            }),
          );
      io.out(
        `已邀请 / invited: ${name} (${role}) · staff id ${id}\n邀请码（只显示这一次，在机器人中发送 /start ${inviteCode}）/ invite code (shown once; send /start ${inviteCode} to the bot):\n${inviteCode}\n`,
      );
      return EXIT_OK;
    }
    case "staff list": {
      const code = need(positionals[0], "机构代码", "agency code");
      const api = await ownerApi(io);
      const rows = api
        ? (
            await apiJson<{
              staff: {
                id: string;
                name: string;
                role: string;
                linked: boolean;
                revoked: boolean;
              }[];
            }>(api, "GET", `/agencies/${encodeURIComponent(code)}/staff`)
          ).staff
        : (await withDb((database, lib) => lib.listStaff(database.db, code))).map((s) => ({
            ...s,
            linked: s.telegramUserId !== null,
            revoked: s.revokedAt !== null,
          }));
      for (const s of rows)
        io.out(
          `${s.id}\t${s.name}\t${s.role}\t${s.linked ? "linked" : "not linked"}${s.revoked ? "\trevoked" : ""}\n`,
        );
      return EXIT_OK;
    }
    case "staff revoke": {
      const id = need(positionals[0], "工作人员 id", "staff id");
      const api = await ownerApi(io);
      if (api) await apiJson(api, "POST", `/staff/${encodeURIComponent(id)}/revoke`);
      else
        await withDb((database, lib) =>
          database.db.transaction(async (tx) => {
            if (!(await lib.revokeStaff(tx, id, now)))
              throw usageError(`没有可停用的工作人员：${id}`, `No active staff member: ${id}`);
            await lib.audit(tx, { ...by, action: "staff.revoke", target: id }, now);
          }),
        );
      io.out(`已停用 / revoked: ${id}\n`);
      return EXIT_OK;
    }
    case "token create":
    case "token add": {
      const kind = (values.kind ?? "admin") as (typeof KINDS)[number];
      if (!KINDS.includes(kind))
        throw usageError(
          `--kind 应为 admin、service 或 personal`,
          `--kind must be admin, service or personal`,
        );
      if (kind === "personal" && !values.staff)
        throw usageError("个人令牌需要 --staff <id>", "A personal token needs --staff <id>");
      const api = await ownerApi(io);
      const { id, token } = api
        ? await apiJson<{ id: string; token: string }>(api, "POST", "/tokens", {
            kind,
            label: values.label ?? "cli",
            ...(values.staff ? { staffId: values.staff } : {}),
          })
        : await withDb((database, lib) =>
            database.db.transaction(async (tx) => {
              if (values.staff && !(await lib.getStaff(tx, values.staff)))
                throw usageError(
                  `工作人员不存在：${values.staff}`,
                  `No such staff member: ${values.staff}`,
                );
              const created = await lib.createToken(
                tx,
                { kind, staffId: values.staff ?? null, label: values.label ?? "cli" },
                now,
              );
              await lib.audit(
                tx,
                { ...by, action: "token.create", detail: { kind, staffId: values.staff } },
                now,
              );
              return created;
            }),
          );
      io.out(`令牌（只显示这一次）/ ${kind} token (shown once), id ${id}:\n${token}\n`);
      return EXIT_OK;
    }
    case "token revoke": {
      const id = need(positionals[0], "令牌 id", "token id");
      const api = await ownerApi(io);
      if (api) await apiJson(api, "POST", `/tokens/${encodeURIComponent(id)}/revoke`);
      else
        await withDb((database, lib) =>
          database.db.transaction(async (tx) => {
            if (!(await lib.revokeToken(tx, id, now)))
              throw usageError(`没有可吊销的令牌：${id}`, `No active token: ${id}`);
            await lib.audit(tx, { ...by, action: "token.revoke", target: id }, now);
          }),
        );
      io.out(`已吊销 / revoked: ${id}\n`);
      return EXIT_OK;
    }
    default:
      throw usageError(
        `未知的 admin 子命令：${[group, action].filter(Boolean).join(" ") || "(无)"}（运行 ogi help admin）`,
        `Unknown admin subcommand: ${[group, action].filter(Boolean).join(" ") || "(none)"} (run ogi help admin)`,
      );
  }
};

export const adminCommand: Command = {
  name: "admin",
  synopsis: "ogi admin agency|staff|token …",
  summary: {
    zh: "在 API 的数据库中创建机构、邀请工作人员、签发令牌",
    en: "Create agencies, invite staff and issue tokens in the API's database",
  },
  details: [
    {
      zh: "agency add <代码> <名称> [--region <区划>] [--parent <上级代码>]",
      en: "agency add <code> <name> [--region <division>] [--parent <code>]",
    },
    { zh: "agency list", en: "agency list" },
    {
      zh: "staff invite <机构代码> <姓名> [--role clerk|manager|admin]  → 一次性邀请码",
      en: "staff invite <agency> <name> [--role clerk|manager|admin]  → one-time invite code",
    },
    {
      zh: "staff list <机构代码> · staff revoke <id>",
      en: "staff list <agency> · staff revoke <id>",
    },
    {
      zh: "token create [--kind admin|service|personal] [--staff <id>] [--label <说明>] · token revoke <id>",
      en: "token create [--kind admin|service|personal] [--staff <id>] [--label <text>] · token revoke <id>",
    },
    {
      zh: "数据库：DATABASE_URL（PostgreSQL）或 OGI_DATA_DIR（默认 .data/；API 运行时经由 API）",
      en: "Database: DATABASE_URL (PostgreSQL) or OGI_DATA_DIR (default .data/; through the API while it runs)",
    },
  ],
  run,
};
