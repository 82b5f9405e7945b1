// Effective events: what the register says once its amendments are applied.
//
// Events are kept in the order they were recorded. An `amended` event supersedes an earlier
// one: without a `replacement` it withdraws it, with one it puts the replacement in its place
// (same position in the recorded order). An amendment may supersede an earlier amendment,
// which undoes that one (restoring what it removed). An amendment pointing at an unknown id,
// or at an event recorded after it, is ignored; when two amendments supersede the same event
// the later one wins. Amendments apply whatever their own date: they correct the record, so
// the state "as of" an earlier day and the tables of earlier years show the corrected history.
import type { Application, ApplicationEvent, PlainEvent } from "./schema.ts";

/** Whether any event is an amendment: most applications have none, and skip the work. */
export const hasAmendment = (events: readonly ApplicationEvent[]): boolean => {
  for (let i = 0; i < events.length; i++) if (events[i]!.type === "amended") return true;
  return false;
};

type Mark = { by: number; replacement: PlainEvent | undefined };

/**
 * Works out which amendments are in force: going backwards, an amendment that no later
 * amendment in force supersedes is in force itself and marks its target. Returns the marks
 * (target id → the amendment in force on it) and the index at which each id was recorded.
 */
export const amendmentMarks = (events: readonly ApplicationEvent[]) => {
  const indexOf = new Map<string, number>();
  events.forEach((e, i) => {
    if (!indexOf.has(e.id)) indexOf.set(e.id, i);
    if (e.type === "amended" && e.replacement && !indexOf.has(e.replacement.id))
      indexOf.set(e.replacement.id, i);
  });
  const marks = new Map<string, Mark>();
  for (let j = events.length - 1; j >= 0; j--) {
    const e = events[j]!;
    if (e.type !== "amended") continue;
    if (indexOf.get(e.id) === j && marks.has(e.id)) continue; // itself superseded
    const t = indexOf.get(e.supersedes);
    if (t === undefined || t >= j || marks.has(e.supersedes)) continue;
    const targetIsAmendment = events[t]!.type === "amended" && events[t]!.id === e.supersedes;
    marks.set(e.supersedes, { by: j, replacement: targetIsAmendment ? undefined : e.replacement });
  }
  return { indexOf, marks };
};

/**
 * The events in force, in recorded order, amendments applied (see the head comment).
 * Deterministic for any input; the result holds no `amended` events.
 */
export const effectiveEvents = (app: Application): PlainEvent[] => {
  const events = app.events;
  if (!hasAmendment(events)) return events.slice() as PlainEvent[];
  const { indexOf, marks } = amendmentMarks(events);
  // A replacement may itself be superseded by a later amendment (that names its id).
  const resolve = (e: PlainEvent, owner: number): PlainEvent | undefined => {
    const m = marks.get(e.id);
    if (!m || indexOf.get(e.id) !== owner || m.by <= owner) return e;
    return m.replacement ? resolve(m.replacement, m.by) : undefined;
  };
  const out: PlainEvent[] = [];
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.type === "amended") continue;
    const m = indexOf.get(e.id) === i ? marks.get(e.id) : undefined;
    if (!m) out.push(e);
    else if (m.replacement) {
      const r = resolve(m.replacement, m.by);
      if (r) out.push(r);
    }
  }
  return out;
};

/** Ids an amendment may name now: effective plain events and amendments in force. */
export const amendableIds = (app: Application): Map<string, ApplicationEvent> => {
  const ids = new Map<string, ApplicationEvent>();
  for (const e of effectiveEvents(app)) ids.set(e.id, e);
  const { indexOf, marks } = amendmentMarks(app.events);
  app.events.forEach((e, j) => {
    if (e.type !== "amended") return;
    if (indexOf.get(e.id) === j && marks.has(e.id)) return;
    // Only an amendment that actually did something can be undone.
    const m = marks.get(e.supersedes);
    if (m && m.by === j && !ids.has(e.id)) ids.set(e.id, e);
  });
  return ids;
};
