import type { Metadata } from "next";
import Link from "next/link";
import { ZoneNote } from "@/components/program/zone-note";
import { StarAllButton } from "@/components/sharing/star-all-button";
import styles from "@/components/sharing/sharing.module.css";
import { getSessionUser } from "@/lib/auth/current-user";
import { dayKey, formatDay, formatTime } from "@/lib/program/format-time";
import { describePlace } from "@/lib/sharing/describe-place";
import { orNotFound } from "@/lib/errors/or-not-found";
import { getSharedAgenda, type SharedSession } from "@/lib/sharing/shared-agenda";

type Props = { params: Promise<{ token: string }> };

// A share URL is a secret: no indexing, and no referrer carrying it to the sites it links to.
export const metadata: Metadata = {
  title: "Shared agenda",
  robots: { index: false, follow: false, nocache: true },
  referrer: "no-referrer",
};

type Day = { day: string; start: Date; sessions: SharedSession[] };

function groupByDay(sessions: SharedSession[], zone: string): Day[] {
  const days = new Map<string, Day>();
  for (const session of sessions) {
    const key = dayKey(session.start, zone);
    const day = days.get(key) ?? { day: key, start: session.start, sessions: [] };
    day.sessions.push(session);
    days.set(key, day);
  }
  return [...days.values()];
}

/** The public, read-only view of someone's agenda for one conference. Never shows notes. */
export default async function SharedAgendaPage({ params }: Props) {
  const { token } = await params;
  const agenda = await orNotFound(getSharedAgenda(token));
  const viewer = await getSessionUser();
  const zone = agenda.conference.timeZone;
  const owner = agenda.ownerName;

  return (
    <>
      <h1>
        {owner ? `${owner}'s agenda` : "A shared agenda"} for {agenda.conference.title}
      </h1>
      <p className="muted">A read-only copy of the sessions {owner ?? "its owner"} starred, as they are now.</p>
      <ZoneNote at={agenda.sessions[0]?.start ?? null} timeZone={zone} timesLaidOut={agenda.conference.timesLaidOut} />
      {agenda.sessions.length > 0 ? (
        viewer ? (
          <StarAllButton token={token} conference={agenda.conference.slug} />
        ) : (
          <p>
            <Link href={`/signin?callbackUrl=${encodeURIComponent(`/share/${token}`)}`}>Sign in</Link> to star these sessions in
            your own agenda.
          </p>
        )
      ) : (
        <p className="empty-state">No sessions starred yet.</p>
      )}
      {groupByDay(agenda.sessions, zone).map((day) => (
        <section key={day.day} aria-labelledby={`shared-${day.day}`}>
          <h2 id={`shared-${day.day}`}>{formatDay(day.start, zone)}</h2>
          <ol className={styles.timeline}>
            {day.sessions.map((session) => (
              <li
                key={session.id}
                className={`${styles["timeline-item"]} ${session.level === "maybe" ? styles.maybe : ""}`}
                aria-label={session.title}
              >
                <h3>
                  <Link href={`/conferences/${agenda.conference.slug}/sessions/${session.id}`}>{session.title}</Link>
                </h3>
                <p className={styles.meta}>
                  <time dateTime={session.start.toISOString()}>{formatTime(session.start, zone)}</time>–
                  <time dateTime={session.end.toISOString()}>{formatTime(session.end, zone)}</time>
                  {describePlace(session)}
                  {session.level === "maybe" ? " · maybe" : ""}
                  {session.status === "cancelled" ? " · cancelled" : ""}
                </p>
                {session.speakers.length > 0 ? (
                  <p className={styles.meta}>{session.speakers.map((speaker) => speaker.name).join(", ")}</p>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}
