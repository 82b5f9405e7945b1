/**
 * The register of applications (依申请公开登记簿): its events and their
 * rules (transitions), the state of an application, the fold to section 三 (`deriveRequests`),
 * stocks, the year to date, stored flows, reminders, and the deadlines.
 *
 * @module @ogi/domain/register
 */
export * from "../register/index.ts";
