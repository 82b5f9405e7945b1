/**
 * The reply deadline (`dueDate`, with its trace in both languages), the
 * clocks, and the working-day calendar with China's holidays and make-up workdays (调休).
 *
 * @module @ogi/domain/deadlines
 */
export * from "../register/deadlines/index.ts";
