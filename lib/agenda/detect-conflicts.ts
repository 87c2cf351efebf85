/**
 * Conflicts in "my agenda": groups of sessions linked by overlapping times.
 *
 * Intervals are half-open [start, end): a talk ending at 10:00 and the next
 * starting at 10:00 do not clash, which matches how people read a timetable.
 */

export type TimedSession = { id: string; start: Date; end: Date };

export type Conflict = { sessionIds: string[]; start: Date; end: Date };

/**
 * Zero-length, inverted and invalid-date intervals cover no instant, so they
 * can neither clash with anything nor count as being somewhere.
 */
export function hasPositiveLength(interval: { start: Date; end: Date }): boolean {
  const start = interval.start.getTime();
  const end = interval.end.getTime();
  return Number.isFinite(start) && Number.isFinite(end) && start < end;
}

// Code-unit order rather than locale order: ids are opaque, and the result
// must not change with the server's ICU data or locale.
export function compareIds(a: string, b: string): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}

/** Start, then id, then end: a total order for any set of distinct ids, so output never depends on input order. */
export function compareByStartThenId(a: TimedSession, b: TimedSession): number {
  return (
    a.start.getTime() - b.start.getTime() || compareIds(a.id, b.id) || a.end.getTime() - b.end.getTime()
  );
}

/**
 * Groups the given sessions into connected components of the overlap graph
 * (A, B, C form one group when A overlaps B and B overlaps C, even if A and C
 * do not), keeping only groups of two or more.
 *
 * One sort and a linear sweep, O(n log n): after sorting by start, a session
 * joins the current group exactly when it starts before the latest end seen
 * so far in that group, because every later session starts no earlier.
 *
 * The caller decides which sessions count (e.g. only "must" stars).
 */
export function detectConflicts<T extends TimedSession>(sessions: readonly T[]): Conflict[] {
  const sorted = sessions.filter(hasPositiveLength).sort(compareByStartThenId);
  const conflicts: Conflict[] = [];

  let groupIds: string[] = [];
  let groupStart = 0;
  let groupEnd = 0;

  const closeGroup = (): void => {
    if (groupIds.length >= 2) {
      conflicts.push({ sessionIds: groupIds, start: new Date(groupStart), end: new Date(groupEnd) });
    }
  };

  for (const session of sorted) {
    const start = session.start.getTime();
    const end = session.end.getTime();
    if (groupIds.length > 0 && start < groupEnd) {
      groupIds.push(session.id);
      groupEnd = Math.max(groupEnd, end);
    } else {
      closeGroup();
      groupIds = [session.id];
      groupStart = start;
      groupEnd = end;
    }
  }
  closeGroup();

  return conflicts;
}
