export * from "./http-source.ts";
export * from "./scheduler.ts";
