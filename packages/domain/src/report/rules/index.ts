export { checkReport } from "./check-report.ts";
export { checkRequests } from "./requests.ts";
export { RULES, type RuleInfo } from "./rule-list.ts";
