import Link from "next/link";
import { formatTime } from "@/lib/program/format-time";
import type { SessionView } from "@/lib/program/session-json";
import type { StarMap } from "./use-stars";
import { StarToggle } from "./star-toggle";

type Props = {
  session: SessionView;
  stars: StarMap;
  signedIn: boolean;
  /** Teammates who starred it, as initials. */
  going?: string[];
  showRoom?: boolean;
  refreshAfterChange?: boolean;
};

export function SessionCard({ session, stars, signedIn, going, showRoom = true, refreshAfterChange }: Props) {
  const zone = session.timeZone;
  return (
    <article className={`session-card${session.status === "cancelled" ? " cancelled" : ""}`} aria-label={session.title}>
      <div className="session-card-head">
        <h3>
          <Link href={`/conferences/${session.conference}/sessions/${session.id}`}>{session.title}</Link>
        </h3>
        <StarToggle
          conference={session.conference}
          sessionId={session.id}
          title={session.title}
          initialStars={stars}
          signedIn={signedIn}
          refreshAfterChange={refreshAfterChange}
        />
      </div>
      <p className="session-meta">
        <time dateTime={session.start.toISOString()}>{formatTime(session.start, zone)}</time>–
        <time dateTime={session.end.toISOString()}>{formatTime(session.end, zone)}</time>
        {showRoom && session.room ? ` · ${session.room}` : ""}
        {session.track && !(showRoom && session.track === session.room) ? ` · ${session.track}` : ""}
        {session.status === "cancelled" ? <strong className="error-text"> · cancelled</strong> : null}
      </p>
      {session.speakers.length > 0 ? (
        <p className="session-speakers">
          {session.speakers.map((s) => (s.organization ? `${s.name} (${s.organization})` : s.name)).join(", ")}
        </p>
      ) : null}
      {going && going.length > 0 ? (
        <p className="going" aria-label={`Teammates going: ${going.join(", ")}`}>
          {going.map((initials) => (
            <span key={initials} className="initials">
              {initials}
            </span>
          ))}
        </p>
      ) : null}
    </article>
  );
}
