// `node --import ./record-loads.mjs script.mjs`: registers load-hooks.mjs (Node 20.6 or later).
import { register } from "node:module";

register("./load-hooks.mjs", import.meta.url);
