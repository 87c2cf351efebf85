import { formatTime } from "@/lib/program/format-time";
import type { SessionView } from "@/lib/program/session-json";
import { SessionCard } from "./session-card";
import type { StarMap } from "./use-stars";

const SLOT_MINUTES = 5;

/** One day as a timetable: time runs down, rooms run across; each session spans its rows. */
export function ProgramGrid({
  sessions,
  rooms,
  stars,
  signedIn,
  going,
}: {
  sessions: SessionView[];
  rooms: string[];
  stars: StarMap;
  signedIn: boolean;
  going: Record<string, string[]>;
}) {
  if (sessions.length === 0) return null;
  const zone = sessions[0]?.timeZone ?? "UTC";
  const dayStart = Math.min(...sessions.map((s) => s.start.getTime()));
  const dayEnd = Math.max(...sessions.map((s) => s.end.getTime()));
  const rowOf = (time: number) => Math.round((time - dayStart) / 60_000 / SLOT_MINUTES) + 2;
  const columns = rooms.filter((room) => sessions.some((s) => s.room === room));
  const hasNoRoom = sessions.some((s) => !s.room);
  const allColumns = hasNoRoom ? [...columns, ""] : columns;
  const labels: number[] = [];
  for (let t = dayStart; t < dayEnd; t += 30 * 60_000) labels.push(t);

  return (
    <div className="grid-scroll" role="region" aria-label="Timetable" tabIndex={0}>
      <div
        className="program-grid"
        style={{
          gridTemplateColumns: `4.5rem repeat(${allColumns.length}, minmax(13rem, 1fr))`,
          gridTemplateRows: `auto repeat(${rowOf(dayEnd) - 2}, minmax(0.9rem, auto))`,
        }}
      >
        <div className="grid-corner" style={{ gridRow: 1, gridColumn: 1 }} />
        {allColumns.map((room, index) => (
          <div key={room || "none"} className="grid-room" style={{ gridRow: 1, gridColumn: index + 2 }}>
            {room || "Other"}
          </div>
        ))}
        {labels.map((t) => (
          <div key={t} className="grid-time" style={{ gridRow: rowOf(t), gridColumn: 1 }}>
            {formatTime(new Date(t), zone)}
          </div>
        ))}
        {sessions.map((session) => (
          <div
            key={session.id}
            className="grid-cell"
            style={{
              gridRow: `${rowOf(session.start.getTime())} / ${Math.max(rowOf(session.end.getTime()), rowOf(session.start.getTime()) + 1)}`,
              gridColumn: allColumns.indexOf(session.room ?? "") + 2,
            }}
          >
            <SessionCard session={session} stars={stars} signedIn={signedIn} going={going[session.id]} showRoom={false} />
          </div>
        ))}
      </div>
    </div>
  );
}
