// 四 · appeals: in each block the total is the sum of its results.
import { APPEAL_BLOCKS, APPEAL_COLUMNS } from "../catalog.ts";
import type { Finding } from "../findings.ts";
import { all, type Values } from "./cells.ts";
import { appealBlockLabel } from "./labels.ts";

const APPEAL_PATHS = APPEAL_BLOCKS.map((b) => APPEAL_COLUMNS.map((c) => `appeals.${b}.${c}`));

export const checkAppeals = (values: Values, findings: Finding[]) => {
  APPEAL_BLOCKS.forEach((b, i) => {
    const cells = APPEAL_PATHS[i]!;
    const v = all(values, cells);
    if (!v) return;
    const [upheld = 0, corrected = 0, other = 0, pending = 0, total = 0] = v;
    const s = upheld + corrected + other + pending;
    if (s === total) return;
    const l = appealBlockLabel(b);
    findings.push({
      code: "appeals.total",
      severity: "error",
      cells: [...cells],
      message: {
        zh: `四、${l.zh}：总计为 ${total}，结果维持、结果纠正、其他结果、尚未审结之和为 ${s}（${upheld}+${corrected}+${other}+${pending}），相差 ${total - s}。`,
        en: `Section 4, ${l.en}: the total is ${total} but upheld + corrected + other + pending = ${s} (${upheld}+${corrected}+${other}+${pending}); the difference is ${total - s}.`,
      },
    });
  });
};
