// What the console's routes share: their env, and a problem found by the console itself (bad
// input before any call), shown as a page in both languages.
import type { Lang } from "@ogi/domain";
import type { Problem } from "./layout.ts";
import type { SignedIn } from "./session.ts";

export type ConsoleEnv = { Variables: { lang: Lang; session: SignedIn | undefined } };

export class ConsoleProblem extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.en);
    this.problem = problem;
  }
}

export const problem = (status: number, zh: string, en: string, details?: string[]) =>
  new ConsoleProblem({ status, zh, en, ...(details ? { details } : {}) });
