export * from "./clocks.ts";
export * from "./due-date.ts";
export * from "./holiday-file.ts";
export * from "./holiday-notice.ts";
export * from "./statutory-holidays.ts";
export * from "./statutory-periods.ts";
export * from "./working-calendar.ts";
