import { describeZone } from "@/lib/program/format-time";

/** Says which zone the times are in, and when the planner laid the timetable out itself. */
export function ZoneNote({ at, timeZone, timesLaidOut }: { at: Date | null; timeZone: string; timesLaidOut: boolean }) {
  return (
    <>
      <p className="muted">Times are shown in the conference&apos;s time zone: {at ? describeZone(at, timeZone) : timeZone}.</p>
      {timesLaidOut ? (
        <p className="notice">
          The published program has no times or rooms. The planner laid this timetable out itself (keynotes first, then
          the tracks in parallel), so the real times may differ.
        </p>
      ) : null}
    </>
  );
}
