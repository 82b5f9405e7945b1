export * from "./http-source.ts";
export * from "./scheduler.ts";
export * from "./start.ts";
