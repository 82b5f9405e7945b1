import type { Lang } from "@ogi/domain";
import type { ConsoleApi } from "../api.ts";
import type { Viewer } from "../layout.ts";

/** What a signed-in page gets: the language, the API as the viewer, and the viewer. */
export type PageCtx = { lang: Lang; api: ConsoleApi; viewer: Viewer };

/** A page's title and body. */
export type Rendered = { title: string; body: import("../html.ts").Html };

export const enc = encodeURIComponent;
