/**
 * " · Room · Track" for a session line. When the planner laid a program out
 * itself, rooms are named after tracks, and saying it twice is noise.
 */
export function describePlace(session: { room: string | null; track: string | null }): string {
  const parts = [session.room, session.track === session.room ? null : session.track].filter(
    (part): part is string => part !== null && part !== "",
  );
  return parts.map((part) => ` · ${part}`).join("");
}
