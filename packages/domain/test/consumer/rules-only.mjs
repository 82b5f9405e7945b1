// What a front end validating a report does: the rules and an empty report, nothing else.
import { emptyReport } from "@ogi/domain/report";
import { checkReport, hasErrors } from "@ogi/domain/rules";

const report = emptyReport({ name: "某县人民政府" }, 2025);
report.requests.newReceived.total = 1;
const findings = checkReport(report);
if (!hasErrors(findings)) throw new Error("an unbalanced report passed the rules");
console.log(findings.length);
