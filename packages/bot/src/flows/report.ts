// /report: a region's manager asks for the sum of the region's agencies for that year.
import { step, year } from "./callback-data.ts";

export const regionReportStep = step("rr", { year });
