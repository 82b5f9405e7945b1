export * from "./catalog.ts";
export * from "./findings.ts";
export * from "./fold.ts";
export * from "./register.ts";
export * from "./render/index.ts";
export * from "./report.ts";
export * from "./rules.ts";
export * from "./deadlines/index.ts";
