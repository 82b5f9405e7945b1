// The register wing (登记簿): applications as the events recorded on them, and everything
// derived from the events: effective events, state, the register's rules (transitions), the
// fold to section 三 and its stocks, the year to date, the stored flows and row state, the
// deadlines and the reminders.
export * from "./deadlines/index.ts";
export { effectiveEvents } from "./effective-events.ts";
export * from "./fees.ts";
export * from "./first-year.ts";
export { applicationFlows, deriveRequests, type FlowCell } from "./fold.ts";
export { checkOpeningBalance } from "./opening-balances.ts";
export * from "./plausibility.ts";
export * from "./receipt-date.ts";
export * from "./reminders/index.ts";
export * from "./row-state.ts";
export * from "./schema.ts";
export { type ApplicationState, applicationState } from "./state.ts";
export * from "./stocks.ts";
export * from "./stored-flows.ts";
export * from "./transitions.ts";
export * from "./year-to-date.ts";
