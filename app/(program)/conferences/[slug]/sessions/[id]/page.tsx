import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SessionIcsLink } from "@/components/calendar/session-ics-link";
import { Markdown } from "@/components/markdown";
import { NoteEditor } from "@/components/notes/note-editor";
import { NoteShareControl } from "@/components/sharing/note-share-control";
import { SharedNotesList } from "@/components/sharing/shared-notes-list";
import { LocalTime } from "@/components/program/local-time";
import { StarToggle } from "@/components/program/star-toggle";
import { ZoneNote } from "@/components/program/zone-note";
import { getNote } from "@/lib/agenda/notes";
import { getMyStars } from "@/lib/agenda/stars";
import { getSessionUser } from "@/lib/auth/current-user";
import { isAppError } from "@/lib/errors/app-error";
import { orNotFound } from "@/lib/errors/or-not-found";
import { getConference, getSessionView } from "@/lib/program/find-sessions";
import { formatDay, formatTime } from "@/lib/program/format-time";
import { getNoteSharing, listNotesSharedWithMe } from "@/lib/sharing/shared-notes";
import { listMyTeams } from "@/lib/sharing/teams";
import { getTeammatesGoingToSession } from "@/lib/sharing/teammates-going";

type Props = { params: Promise<{ slug: string; id: string }> };

async function load(slug: string, id: string) {
  const session = await orNotFound(getSessionView(id));
  if (session.conference !== slug) notFound();
  return { session, conference: await orNotFound(getConference(slug)) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, id } = await params;
  return { title: (await load(slug, id)).session.title };
}

export default async function SessionPage({ params }: Props) {
  const { slug, id } = await params;
  const { session, conference } = await load(slug, id);
  const user = await getSessionUser();
  const stars = user ? await getMyStars(user.id, conference.id) : {};
  const note = user ? await getNote(user.id, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") return null;
    throw error;
  }) : null;
  const going = user ? (await getTeammatesGoingToSession(user.id, id)).map((teammate) => teammate.name) : [];
  const teams = user ? (await listMyTeams(user.id)).map((team) => ({ id: team.id, name: team.name })) : [];
  const sharedNotes = user ? await listNotesSharedWithMe(user.id, id) : [];
  const noteSharing = user ? await getNoteSharing(user.id, id) : null;
  const zone = conference.timeZone;

  return (
    <>
      <p>
        <Link href={`/conferences/${slug}`}>← {conference.title}</Link>
      </p>
      <div className="session-title">
        <h1>{session.title}</h1>
        <StarToggle conference={slug} sessionId={session.id} title={session.title} initialStars={stars} signedIn={!!user} />
      </div>
      {session.status === "cancelled" ? (
        <p className="notice" role="status">
          This session has been cancelled.
        </p>
      ) : null}
      <dl className="session-facts">
        <dt>When</dt>
        <dd>
          {formatDay(session.start, zone)}, <time dateTime={session.start.toISOString()}>{formatTime(session.start, zone)}</time>–
          <time dateTime={session.end.toISOString()}>{formatTime(session.end, zone)}</time>{" "}
          <LocalTime start={session.start.toISOString()} end={session.end.toISOString()} conferenceZone={zone} />
        </dd>
        {session.room ? (
          <>
            <dt>Room</dt>
            <dd>{session.room}</dd>
          </>
        ) : null}
        {session.track ? (
          <>
            <dt>Track</dt>
            <dd>
              <Link href={`/conferences/${slug}?track=${encodeURIComponent(session.track)}`}>{session.track}</Link>
            </dd>
          </>
        ) : null}
        {session.speakers.length > 0 ? (
          <>
            <dt>{session.speakers.length === 1 ? "Speaker" : "Speakers"}</dt>
            <dd>
              <ul className="plain-list">
                {session.speakers.map((speaker) => (
                  <li key={speaker.name}>
                    {speaker.name}
                    {speaker.organization ? <span className="muted">, {speaker.organization}</span> : null}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        {going.length > 0 ? (
          <>
            <dt>Teammates going</dt>
            <dd>{going.join(", ")}</dd>
          </>
        ) : null}
      </dl>
      <ZoneNote at={session.start} timeZone={zone} timesLaidOut={conference.timesLaidOut} />
      <p>
        <SessionIcsLink sessionId={session.id} sessionTitle={session.title} />
      </p>
      <section aria-labelledby="abstract-heading">
        <h2 id="abstract-heading">Abstract</h2>
        {session.abstract.trim() ? <Markdown source={session.abstract} /> : <p className="muted">No abstract.</p>}
      </section>
      {user ? (
        <>
          <NoteEditor sessionId={session.id} title={session.title} initialBody={note?.body ?? ""} />
          <NoteShareControl sessionId={session.id} teams={teams} sharedWith={noteSharing} />
          <SharedNotesList notes={sharedNotes} />
        </>
      ) : (
        <p>
          <Link href={`/signin?callbackUrl=${encodeURIComponent(`/conferences/${slug}/sessions/${id}`)}`}>Sign in</Link> to
          take private notes on this session.
        </p>
      )}
    </>
  );
}
