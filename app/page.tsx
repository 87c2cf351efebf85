import Link from "next/link";
import { describeZone, formatDateRange } from "@/lib/program/format-time";
import { listConferences } from "@/lib/program/list-conferences";

export default async function HomePage() {
  const conferences = await listConferences();
  return (
    <>
      <h1>Conferences</h1>
      {conferences.length === 0 ? (
        <div className="empty-state">
          <h2>No conferences yet</h2>
          <p>
            Nothing has been imported. An organizer can load a program with{" "}
            <code>npm run cli -- import FILE</code>.
          </p>
        </div>
      ) : (
        <ul className="card-list">
          {conferences.map((conference) => (
            <li key={conference.slug} className="card">
              <h2>
                <Link href={`/conferences/${conference.slug}`}>{conference.title}</Link>
              </h2>
              {conference.subtitle ? <p className="muted">{conference.subtitle}</p> : null}
              <p>
                {conference.start && conference.end
                  ? `${formatDateRange(conference.start, conference.end, conference.timeZone)} · times in ${describeZone(conference.start, conference.timeZone)}`
                  : "No sessions scheduled"}
                {" · "}
                {conference.sessionCount} {conference.sessionCount === 1 ? "session" : "sessions"}
              </p>
              {conference.timesLaidOut ? (
                <p className="muted">The source program has no times; the planner laid this timetable out itself.</p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
