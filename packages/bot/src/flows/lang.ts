// /lang: the language chosen (on the wire as it is: zh, en).
import { z } from "zod";
import { step } from "./callback-data.ts";

export const langStep = step("l", { lang: z.enum(["zh", "en"]) });
