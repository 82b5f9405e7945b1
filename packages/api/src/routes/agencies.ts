// Agencies and their staff.
import { createRoute, z } from "@hono/zod-openapi";
import {
  agencyTree,
  createStaff,
  getAgency,
  insertAgency,
  listAgencies,
  listStaff,
  setAgencyKind,
} from "@ogi/db";
import { type Deps, requireAdmin, requireAgency } from "../context.ts";
import { ApiError, conflict, forbidden, invalid, notFound, unauthorized } from "../errors.ts";
import {
  agencyOut,
  body,
  codeParam,
  createAgencySchema,
  createStaffSchema,
  errorsFor,
  json,
  staffOut,
  updateAgencySchema,
} from "../schemas.ts";
import { write } from "../write.ts";
import { agencyJson, bearer, staffJson, subApp } from "./common.ts";

const tags = ["agencies"];

export const agenciesApp = (deps: Deps) =>
  subApp()
    .openapi(
      createRoute({
        method: "post",
        path: "/agencies",
        tags,
        security: bearer,
        summary: "Create an agency / 新建机构 (admin)",
        request: body(createAgencySchema),
        responses: {
          201: json(agencyOut, "Created"),
          ...errorsFor(400, 401, 403, 409, 422),
        },
      }),
      async (c) => {
        requireAdmin(c.get("principal"));
        const input = c.req.valid("json");
        const result = await write(
          deps,
          c,
          input,
          { action: "agency.create", target: input.code },
          async (tx) => {
            if (input.parentCode && !(await getAgency(tx, input.parentCode)))
              throw invalid([
                {
                  path: "parentCode",
                  message: `unknown agency ${input.parentCode} / 上级机构不存在`,
                },
              ]);
            const row = await insertAgency(tx, input, deps.clock.now());
            if (!row)
              throw conflict("agencyExists", {
                zh: `机构代码 ${input.code} 已存在。`,
                en: `The agency code ${input.code} already exists.`,
              });
            return { status: 201 as const, body: agencyJson(row) };
          },
        );
        return c.json(result.body, result.status);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/agencies",
        tags,
        security: bearer,
        summary: "Agencies you may see / 可查看的机构",
        responses: {
          200: json(z.object({ agencies: z.array(agencyOut) }), "The agencies"),
          ...errorsFor(401, 403),
        },
      }),
      async (c) => {
        const p = c.get("principal");
        if (p.kind === "anonymous") throw unauthorized();
        if (p.kind === "service") throw forbidden();
        if (p.kind === "admin")
          return c.json({ agencies: (await listAgencies(deps.db)).map(agencyJson) }, 200);
        const codes = new Set<string>();
        for (const m of p.memberships)
          if (m.role === "manager")
            for (const code of await agencyTree(deps.db, m.agencyCode)) codes.add(code);
          else codes.add(m.agencyCode);
        return c.json({ agencies: (await listAgencies(deps.db, [...codes])).map(agencyJson) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/agencies/{code}",
        tags,
        security: bearer,
        summary: "One agency / 机构",
        request: { params: codeParam },
        responses: {
          200: json(agencyOut, "The agency"),
          ...errorsFor(401, 403, 404),
        },
      }),
      async (c) => {
        const agency = await requireAgency(
          deps.db,
          c.get("principal"),
          c.req.valid("param").code,
          "summary",
        );
        return c.json(agencyJson(agency), 200);
      },
    )
    .openapi(
      createRoute({
        method: "patch",
        path: "/agencies/{code}",
        tags,
        security: bearer,
        summary:
          "Set whether the agency is a department or a government (第四十九条: report due 1-31 or 3-31) / 设置机构类别 (admin)",
        request: { params: codeParam, ...body(updateAgencySchema) },
        responses: { 200: json(agencyOut, "Updated"), ...errorsFor(400, 401, 403, 404, 422) },
      }),
      async (c) => {
        requireAdmin(c.get("principal"));
        const { code } = c.req.valid("param");
        const input = c.req.valid("json");
        const result = await write(
          deps,
          c,
          { code, ...input },
          { action: "agency.update", target: code, detail: input },
          async (tx) => {
            const row = await setAgencyKind(tx, code, input.kind);
            if (!row) throw notFound({ zh: `机构 ${code}`, en: `Agency ${code}` });
            return { status: 200 as const, body: agencyJson(row) };
          },
        );
        return c.json(result.body, result.status);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/agencies/{code}/staff",
        tags: ["staff"],
        security: bearer,
        summary: "Invite a staff member / 邀请工作人员 → one-time invite code",
        request: { params: codeParam, ...body(createStaffSchema) },
        responses: {
          201: json(
            z.object({ id: z.string(), inviteCode: z.string() }),
            "Invited; the code is shown once",
          ),
          ...errorsFor(401, 403, 404, 422),
        },
      }),
      async (c) => {
        const p = c.get("principal");
        const { code } = c.req.valid("param");
        const input = c.req.valid("json");
        await requireAgency(deps.db, p, code, "manage");
        if (input.role === "admin" && p.kind !== "admin")
          throw new ApiError(403, "forbidden", {
            zh: "只有管理员可以邀请管理员。",
            en: "Only an administrator can invite an administrator.",
          });
        const result = await write(
          deps,
          c,
          { code, ...input },
          { action: "staff.invite", target: code, detail: { name: input.name, role: input.role } },
          async (tx) => ({
            status: 201 as const,
            body: await createStaff(tx, { agencyCode: code, ...input }, deps.clock.now()),
          }),
        );
        return c.json(result.body, result.status);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/agencies/{code}/staff",
        tags: ["staff"],
        security: bearer,
        summary: "Staff of an agency / 工作人员",
        request: { params: codeParam },
        responses: {
          200: json(z.object({ staff: z.array(staffOut) }), "The staff"),
          ...errorsFor(401, 403, 404),
        },
      }),
      async (c) => {
        const { code } = c.req.valid("param");
        await requireAgency(deps.db, c.get("principal"), code, "manage");
        return c.json({ staff: (await listStaff(deps.db, code)).map(staffJson) }, 200);
      },
    );
