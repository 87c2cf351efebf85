import { compareByStartThenId, hasPositiveLength, type TimedSession } from "@/lib/agenda/detect-conflicts";

export type RoomedSession = TimedSession & { room: string | null };

export type TightTransfer = { fromId: string; toId: string; gapMinutes: number };

const MINUTE_MS = 60_000;

/**
 * Flags moves between starred sessions that leave too little time to change
 * rooms: consecutive sessions in different known rooms whose gap
 * (next start − previous end) is at least 0 and under `bufferMinutes`.
 *
 * "Consecutive": for each session P, its successors are the sessions with
 * the earliest start at or after P's end. Sessions that overlap P are
 * skipped, since they are a conflict (detectConflicts reports those), not a
 * transfer. When the user starred overlapping sessions we do not know which
 * one they will attend, so each of them is followed separately and every
 * possible next move is checked. Several successors can share that earliest
 * start (parallel sessions); all are checked for the same reason. A session
 * starting later than the earliest successor is not "next": the user would
 * pass through the successor first, and its gap to P is larger anyway.
 *
 * A room that is null or blank is unknown, and an unknown room never flags:
 * we would rather miss a warning than invent one.
 *
 * Output is ordered by the "from" session, then the "to" session, each by
 * (start, id).
 */
export function findTightTransfers(sessions: readonly RoomedSession[], bufferMinutes: number): TightTransfer[] {
  if (!(bufferMinutes > 0)) return [];
  const bufferMs = bufferMinutes * MINUTE_MS;

  const sorted = sessions.filter(hasPositiveLength).sort(compareByStartThenId);
  const starts = sorted.map((session) => session.start.getTime());
  const transfers: TightTransfer[] = [];

  for (const from of sorted) {
    const fromEnd = from.end.getTime();
    const first = lowerBound(starts, fromEnd);
    const nextStart = starts[first];
    if (nextStart === undefined || nextStart - fromEnd >= bufferMs) continue;

    for (let index = first; index < sorted.length && starts[index] === nextStart; index += 1) {
      const to = sorted[index];
      if (to !== undefined && inDifferentKnownRooms(from, to)) {
        transfers.push({ fromId: from.id, toId: to.id, gapMinutes: (nextStart - fromEnd) / MINUTE_MS });
      }
    }
  }
  return transfers;
}

function inDifferentKnownRooms(a: RoomedSession, b: RoomedSession): boolean {
  const roomA = a.room?.trim() ?? "";
  const roomB = b.room?.trim() ?? "";
  return roomA !== "" && roomB !== "" && roomA !== roomB;
}

/** Index of the first value ≥ target in an ascending array (its length when there is none). */
function lowerBound(values: readonly number[], target: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const value = values[middle];
    if (value !== undefined && value < target) low = middle + 1;
    else high = middle;
  }
  return low;
}
