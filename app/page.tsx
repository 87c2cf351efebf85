import Link from "next/link";
import { getSessionUser } from "@/lib/auth/current-user";
import { describeZone, formatDateRange } from "@/lib/program/format-time";
import { listConferences } from "@/lib/program/list-conferences";

type Props = { searchParams: Promise<{ deleted?: string }> };

export default async function HomePage({ searchParams }: Props) {
  const [conferences, user, { deleted }] = await Promise.all([listConferences(), getSessionUser(), searchParams]);
  return (
    <>
      {deleted ? (
        <p role="status" className="notice">
          Your account and everything in it have been deleted.
        </p>
      ) : null}
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
              {user ? (
                <p>
                  <Link href={`/conferences/${conference.slug}/agenda`}>My agenda</Link>
                </p>
              ) : null}
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
