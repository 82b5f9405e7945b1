// Linking staff to Telegram, revoking them, who am I, and API tokens.
import { createRoute, z } from "@hono/zod-openapi";
import {
  createToken,
  getStaff,
  linkIdentity,
  linkStaffById,
  listAgencies,
  listTokens,
  revokeStaff,
  revokeToken,
} from "@ogi/db";
import { type Deps, requireAgency } from "../context.ts";
import { ApiError, forbidden, invalid, notFound, unauthorized } from "../errors.ts";
import { type ChatPlatform, parseChatUser } from "../identity.ts";
import {
  body,
  createTokenSchema,
  errorsFor,
  idParam,
  json,
  linkSchema,
  staffOut,
  staffTelegramOut,
  staffTelegramSchema,
  tokenOut,
} from "../schemas.ts";
import { write } from "../write.ts";
import { bearer, staffJson, subApp } from "./common.ts";

const tags = ["staff"];

/** Whom an invite links: a Telegram user, or a user of the platform named. */
const linkTarget = (input: {
  telegramUserId?: number | undefined;
  platform?: ChatPlatform | undefined;
  externalId?: string | undefined;
}): { platform: ChatPlatform; externalId: string } => {
  const telegram = input.telegramUserId;
  const other = input.platform !== undefined && input.externalId !== undefined;
  if (telegram !== undefined && !other && input.platform === undefined)
    return { platform: "telegram", externalId: String(telegram) };
  if (telegram === undefined && other) {
    const who = parseChatUser(`${input.platform}:${input.externalId}`);
    if (who) return who;
  }
  throw new ApiError(422, "invalid", {
    zh: "请给出 telegramUserId，或同时给出 platform 与 externalId（Telegram 的 externalId 为数字）。",
    en: "Give telegramUserId, or both platform and externalId (a Telegram externalId is a number).",
  });
};

export const staffApp = (deps: Deps) =>
  subApp()
    .openapi(
      createRoute({
        method: "post",
        path: "/staff/link",
        tags,
        security: bearer,
        summary:
          "Link a Telegram user with an invite code / 用邀请码绑定 Telegram 用户 (bot's service token, admin)",
        request: body(linkSchema),
        responses: {
          200: json(staffOut, "Linked"),
          ...errorsFor(401, 403, 404, 422),
        },
      }),
      async (c) => {
        const p = c.get("principal");
        if (p.kind === "anonymous") throw unauthorized();
        if (p.kind !== "service" && p.kind !== "admin")
          throw forbidden({
            zh: "绑定（仅限机器人服务令牌或管理员）",
            en: "linking (bot service token or admin only)",
          });
        const input = c.req.valid("json");
        const who = linkTarget(input);
        const result = await write(
          deps,
          c,
          input,
          {
            action: "staff.link",
            detail:
              who.platform === "telegram"
                ? { telegramUserId: Number(who.externalId) }
                : { platform: who.platform, externalId: who.externalId },
            channel: p.kind === "service" ? "bot" : "api",
          },
          async (tx) => {
            const row = await linkIdentity(
              tx,
              input.inviteCode,
              who.platform,
              who.externalId,
              deps.clock.now(),
            );
            if (!row)
              throw new ApiError(404, "inviteNotFound", {
                zh: "邀请码无效或已使用。",
                en: "The invite code is unknown or already used.",
              });
            return { status: 200 as const, body: staffJson(row) };
          },
        );
        return c.json(result.body, result.status);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/staff/{id}/telegram",
        tags,
        security: bearer,
        summary:
          "Link a staff member to a Telegram user without an invite / 直接绑定工作人员的 Telegram 用户 (admin; a member already linked keeps their link, which is answered)",
        request: { params: idParam, ...body(staffTelegramSchema) },
        responses: {
          200: json(staffTelegramOut, "Linked (or linked before)"),
          ...errorsFor(401, 403, 404, 409, 422),
        },
      }),
      async (c) => {
        const { id } = c.req.valid("param");
        const { telegramUserId } = c.req.valid("json");
        const p = c.get("principal");
        if (p.kind === "anonymous") throw unauthorized();
        if (p.kind !== "admin")
          throw forbidden({
            zh: "不经邀请码绑定（仅限管理员）",
            en: "linking without an invite (administrators only)",
          });
        const result = await write(
          deps,
          c,
          { id, telegramUserId },
          { action: "staff.linkTelegram", target: id, detail: { telegramUserId } },
          async (tx) => {
            const row =
              (await linkStaffById(tx, id, telegramUserId, deps.clock.now())) ??
              (await getStaff(tx, id));
            if (!row) throw notFound({ zh: `工作人员 ${id}`, en: `Staff member ${id}` });
            if (row.revokedAt)
              throw new ApiError(409, "revoked", {
                zh: "该工作人员已停用。",
                en: "This staff member is revoked.",
              });
            return {
              status: 200 as const,
              body: { ...staffJson(row), telegramUserId: row.telegramUserId ?? telegramUserId },
            };
          },
        );
        return c.json(result.body, result.status);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/staff/{id}/revoke",
        tags,
        security: bearer,
        summary: "Revoke a staff member and their tokens / 停用工作人员",
        request: { params: idParam },
        responses: {
          200: json(staffOut, "Revoked"),
          ...errorsFor(401, 403, 404, 409),
        },
      }),
      async (c) => {
        const { id } = c.req.valid("param");
        const p = c.get("principal");
        if (p.kind === "anonymous") throw unauthorized();
        const s = await getStaff(deps.db, id);
        if (!s) throw notFound({ zh: `工作人员 ${id}`, en: `Staff member ${id}` });
        await requireAgency(deps.db, p, s.agencyCode, "manage");
        const result = await write(
          deps,
          c,
          { id },
          { action: "staff.revoke", target: id },
          async (tx) => {
            const row = await revokeStaff(tx, id, deps.clock.now());
            if (!row)
              throw new ApiError(409, "alreadyRevoked", {
                zh: "该工作人员已停用。",
                en: "Already revoked.",
              });
            return { status: 200 as const, body: staffJson(row) };
          },
        );
        return c.json(result.body, result.status);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/me",
        tags,
        security: bearer,
        summary: "Who the token acts as / 当前身份",
        responses: {
          200: json(
            z.object({
              kind: z.enum(["admin", "service", "staff"]),
              channel: z.string(),
              memberships: z.array(
                z.object({
                  staffId: z.string(),
                  agencyCode: z.string(),
                  agencyName: z.string(),
                  role: z.enum(["clerk", "manager"]),
                  name: z.string(),
                }),
              ),
            }),
            "The caller",
          ),
          ...errorsFor(401, 403),
        },
      }),
      async (c) => {
        const p = c.get("principal");
        if (p.kind === "anonymous") throw unauthorized();
        if (p.kind !== "staff")
          return c.json(
            { kind: p.kind, channel: p.kind === "admin" ? p.channel : "bot", memberships: [] },
            200,
          );
        const names = new Map(
          (
            await listAgencies(
              deps.db,
              p.memberships.map((m) => m.agencyCode),
            )
          ).map((a) => [a.code, a.name]),
        );
        return c.json(
          {
            kind: p.kind,
            channel: p.channel,
            memberships: p.memberships.map((m) => ({
              ...m,
              agencyName: names.get(m.agencyCode) ?? m.agencyCode,
            })),
          },
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/tokens",
        tags: ["tokens"],
        security: bearer,
        summary:
          "Issue a token / 签发令牌 (personal for yourself; service and admin tokens by an admin)",
        request: body(createTokenSchema),
        responses: {
          201: json(z.object({ id: z.string(), token: z.string() }), "The token, shown once"),
          ...errorsFor(401, 403, 404, 422),
        },
      }),
      async (c) => {
        const p = c.get("principal");
        const input = c.req.valid("json");
        if (p.kind === "anonymous") throw unauthorized();
        if (p.kind === "service") throw forbidden();
        let staffId: string | null = null;
        if (p.kind === "staff") {
          if (input.kind !== "personal" || (input.staffId && input.staffId !== p.actor))
            throw forbidden({
              zh: "签发此类令牌（仅限管理员）",
              en: "issuing this token (administrators only)",
            });
          staffId = p.actor;
        } else if (input.kind === "personal") {
          if (!input.staffId)
            throw invalid([
              { path: "staffId", message: "required for a personal token / 个人令牌需要 staffId" },
            ]);
          const s = await getStaff(deps.db, input.staffId);
          if (!s || s.revokedAt)
            throw notFound({
              zh: `工作人员 ${input.staffId}`,
              en: `Staff member ${input.staffId}`,
            });
          staffId = s.id;
        }
        const result = await write(
          deps,
          c,
          input,
          { action: "token.create", detail: { kind: input.kind, staffId } },
          async (tx) => ({
            status: 201 as const,
            body: await createToken(
              tx,
              { kind: input.kind, staffId, label: input.label ?? "" },
              deps.clock.now(),
            ),
          }),
        );
        return c.json(result.body, result.status);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/tokens",
        tags: ["tokens"],
        security: bearer,
        summary: "Tokens (yours; all for an admin) / 令牌列表",
        responses: {
          200: json(z.object({ tokens: z.array(tokenOut) }), "Tokens (never the secret)"),
          ...errorsFor(401, 403),
        },
      }),
      async (c) => {
        const p = c.get("principal");
        if (p.kind === "anonymous") throw unauthorized();
        if (p.kind === "service") throw forbidden();
        const rows =
          p.kind === "admin"
            ? await listTokens(deps.db)
            : (await Promise.all(p.memberships.map((m) => listTokens(deps.db, m.staffId)))).flat();
        return c.json(
          {
            tokens: rows.map((t) => ({
              id: t.id,
              kind: t.kind,
              staffId: t.staffId,
              label: t.label,
              createdAt: t.createdAt.toISOString(),
              revoked: t.revokedAt !== null,
            })),
          },
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/tokens/{id}/revoke",
        tags: ["tokens"],
        security: bearer,
        summary: "Revoke a token / 吊销令牌",
        request: { params: idParam },
        responses: {
          200: json(z.object({ id: z.string(), revoked: z.literal(true) }), "Revoked"),
          ...errorsFor(401, 403, 404),
        },
      }),
      async (c) => {
        const p = c.get("principal");
        const { id } = c.req.valid("param");
        if (p.kind === "anonymous") throw unauthorized();
        if (p.kind === "service") throw forbidden();
        const result = await write(
          deps,
          c,
          { id },
          { action: "token.revoke", target: id },
          async (tx) => {
            const mine =
              p.kind === "admin"
                ? await listTokens(tx)
                : (await Promise.all(p.memberships.map((m) => listTokens(tx, m.staffId)))).flat();
            if (!mine.some((t) => t.id === id && t.revokedAt === null))
              throw notFound({ zh: `令牌 ${id}`, en: `Token ${id}` });
            await revokeToken(tx, id, deps.clock.now());
            return { status: 200 as const, body: { id, revoked: true as const } };
          },
        );
        return c.json(result.body, result.status);
      },
    );
