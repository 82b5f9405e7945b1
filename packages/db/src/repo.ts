// Repository functions, one file per part of the store (see repo/). Every function takes the
// executor first: inside a transaction, pass the transaction (PGlite has one connection; the
// outer handle would wait for the transaction that waits for it).
export * from "./repo/agencies.ts";
export * from "./repo/applications.ts";
export * from "./repo/audit.ts";
export type {
  AgencyRow,
  ApplicationRow,
  Channel,
  CountShards,
  Recorder,
  Role,
  StaffRow,
} from "./repo/common.ts";
export * from "./repo/console.ts";
export {
  addCountRows,
  type CountSums,
  claimDailyBackfill,
  countSums,
  DAILY_BACKFILL,
  isPending,
  replaceDailyCounts,
  type SummedCountRows,
  shardOf,
} from "./repo/counts.ts";
export * from "./repo/events.ts";
export * from "./repo/identities.ts";
export * from "./repo/long-write.ts";
export * from "./repo/particulars.ts";
export * from "./repo/reports.ts";
export * from "./repo/staff.ts";
