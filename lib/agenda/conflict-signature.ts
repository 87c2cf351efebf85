import { compareByStartThenId, compareIds, type TimedSession } from "@/lib/agenda/detect-conflicts";

/**
 * A stable key for a conflict group, stored when the user accepts the
 * conflict on purpose. It changes whenever a member joins or leaves or any
 * member's start or end moves, so a rescheduled clash asks again.
 *
 * Members are sorted by id, so the key does not depend on the order the
 * sessions were loaded in. Ids are percent-encoded so an id containing the
 * separators "@", "/" or "|" cannot make two different groups collide.
 */
export function conflictSignature(sessions: readonly TimedSession[]): string {
  return [...sessions]
    .sort((a, b) => compareIds(a.id, b.id) || compareByStartThenId(a, b))
    .map((session) => `${encodeURIComponent(session.id)}@${formatInstant(session.start)}/${formatInstant(session.end)}`)
    .join("|");
}

// toISOString throws on an invalid date; a signature must never be the reason a page fails.
function formatInstant(instant: Date): string {
  return Number.isFinite(instant.getTime()) ? instant.toISOString() : "invalid";
}
