// Module hooks for the consumer test: every module URL Node loads is appended to the file
// named by OGI_LOADS, so the test can tell what importing a subpath pulled in.
import { appendFileSync } from "node:fs";

export async function load(url, context, nextLoad) {
  appendFileSync(process.env.OGI_LOADS, `${url}\n`);
  return nextLoad(url, context);
}
