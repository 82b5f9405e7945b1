// An application's particulars (申请内容, the applicant's name and contact) corrected or added
// after registration. They are not part of the figures, so they live on the row, not in the
// events; the caller keeps the history (the API writes the values before and after to the
// audit log in the same transaction).
import { eq } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { applications } from "../schema.ts";
import type { ApplicationRow } from "./common.ts";

export type Particulars = {
  subject: string | null;
  applicant: { name?: string; contact?: string } | null;
};

/** Sets the particulars of application `id`; the row as it is now, or undefined if none. */
export const setParticulars = async (
  ex: Executor,
  id: string,
  p: Particulars,
): Promise<ApplicationRow | undefined> => {
  const [row] = await ex
    .update(applications)
    .set({ subject: p.subject, applicant: p.applicant })
    .where(eq(applications.id, id))
    .returning();
  return row;
};
