// A backup of the embedded database while the API runs: the process that owns the PGlite folder
// is the only one that can copy it consistently, so `pnpm ogi backup` asks it here. POST, not GET:
// a GET's answer would be kept by the read cache.
import { createRoute, z } from "@hono/zod-openapi";
import { audit } from "@ogi/db";
import { actorOf, channelOf, type Deps, requireAdmin } from "../context.ts";
import { conflict } from "../errors.ts";
import { errorsFor } from "../schemas.ts";
import { bearer, subApp } from "./common.ts";

export const backupApp = (deps: Deps) =>
  subApp().openapi(
    createRoute({
      method: "post",
      path: "/backup",
      tags: ["admin"],
      security: bearer,
      summary: "A backup of the embedded database / 备份内嵌数据库 (admin)",
      description:
        "The PGlite data folder as a gzipped tar, taken between transactions; `pnpm ogi restore <file>` puts it back (with no process owning the folder). On PostgreSQL: 409, use pg_dump.",
      responses: {
        200: {
          content: { "application/gzip": { schema: z.string().openapi({ format: "binary" }) } },
          description: "The backup (.tar.gz)",
        },
        ...errorsFor(401, 403, 409),
      },
    }),
    async (c) => {
      const p = c.get("principal");
      requireAdmin(p);
      if (!deps.backup)
        throw conflict("backupUnavailable", {
          zh: "此数据库不是内嵌数据库：PostgreSQL 请用 pg_dump 备份（见 docs/operations.md）。",
          en: "This is not the embedded database: back PostgreSQL up with pg_dump (see docs/operations.md).",
        });
      const now = deps.clock.now();
      const tarball = await deps.backup();
      await audit(
        deps.db,
        {
          actor: actorOf(p),
          channel: channelOf(p),
          action: "backup",
          detail: { bytes: tarball.size },
        },
        now,
      );
      deps.logger.info({ bytes: tarball.size }, "backup taken");
      const day = now.toISOString().slice(0, 10);
      return c.body(tarball.stream(), 200, {
        "content-type": "application/gzip",
        "content-length": String(tarball.size),
        "content-disposition": `attachment; filename="ogi-backup-${day}.tar.gz"`,
      });
    },
  );
