export * from "./compose.ts";
export * from "./schedule.ts";
