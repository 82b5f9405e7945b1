// An application's particulars (申请内容, the applicant's name and contact) added or corrected
// after registration. Nothing is deleted: what is given replaces what was recorded, and the
// values before and after go to the audit log in the same transaction. The applicant's personal
// data may be changed only by those who may see it (the agency's own staff).
import { createRoute } from "@hono/zod-openapi";
import { getApplication, type Particulars, setParticulars } from "@ogi/db";
import { canRead, type Deps, seesApplicant } from "../context.ts";
import { todayIn } from "../domain.ts";
import { forbidden, notFound, unauthorized } from "../errors.ts";
import {
  type AmendParticularsBody,
  amendParticularsSchema,
  applicationDetailOut,
  body,
  errorsFor,
  idParam,
  json,
} from "../schemas.ts";
import { write } from "../write.ts";
import { applicationDetailJson, bearer, subApp } from "./common.ts";

/** What the particulars become: the given fields over the recorded ones. */
export const amendedParticulars = (was: Particulars, input: AmendParticularsBody): Particulars => {
  const applicant = input.applicant
    ? { ...(was.applicant ?? {}), ...input.applicant }
    : was.applicant;
  return { subject: input.subject ?? was.subject, applicant: applicant ?? null };
};

export const particularsApp = (deps: Deps) =>
  subApp().openapi(
    createRoute({
      method: "post",
      path: "/applications/{id}/particulars",
      tags: ["applications"],
      security: bearer,
      summary:
        "Add or correct the subject or the applicant / 补充或更正申请内容、申请人 (the history is kept)",
      request: { params: idParam, ...body(amendParticularsSchema) },
      responses: {
        200: json(applicationDetailOut, "The application as it is now"),
        ...errorsFor(400, 401, 403, 404, 422),
      },
    }),
    async (c) => {
      const p = c.get("principal");
      const { id } = c.req.valid("param");
      const input = c.req.valid("json");
      if (p.kind === "anonymous") throw unauthorized();
      const found = await getApplication(deps.db, id);
      if (!found) throw notFound({ zh: `申请 ${id}`, en: `Application ${id}` });
      const code = found.row.agencyCode;
      await canRead(deps, p, code, "record");
      if (input.applicant && !seesApplicant(p, code))
        throw forbidden({
          zh: "修改申请人的个人信息",
          en: "changing an applicant's personal data",
        });
      // Filled in inside the transaction, before write() writes the audit entry with it.
      const detail: {
        number?: number;
        before?: Particulars;
        after?: Particulars;
        reason?: string;
      } = {};
      const result = await write(
        deps,
        c,
        { id, ...input },
        { action: "application.particulars", target: id, detail },
        async (tx) => {
          const stored = (await getApplication(tx, id, { forUpdate: true }))!;
          const before: Particulars = {
            subject: stored.row.subject,
            applicant: stored.row.applicant ?? null,
          };
          const after = amendedParticulars(before, input);
          const row = (await setParticulars(tx, id, after))!;
          Object.assign(detail, {
            number: row.number,
            before,
            after,
            ...(input.reason ? { reason: input.reason } : {}),
          });
          return {
            status: 200 as const,
            body: applicationDetailJson({ ...stored, row }, p, todayIn(deps.clock.now())),
          };
        },
      );
      return c.json(result.body, result.status);
    },
  );
