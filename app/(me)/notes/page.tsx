import type { Metadata } from "next";
import Link from "next/link";
import { Markdown } from "@/components/markdown";
import { listNotes } from "@/lib/agenda/notes";
import { requirePageUser } from "@/lib/auth/current-user";
import { formatDay, formatTime } from "@/lib/program/format-time";

export const metadata: Metadata = { title: "My notes" };

type Props = { searchParams: Promise<{ q?: string }> };

export default async function NotesPage({ searchParams }: Props) {
  const user = await requirePageUser("/notes");
  const { q } = await searchParams;
  const notes = await listNotes(user.id, q?.slice(0, 200));
  return (
    <>
      <h1>My notes</h1>
      <p>
        <a href="/api/v1/me/notes.md" download>
          Export all notes as Markdown
        </a>
      </p>
      <form className="filters" method="get" role="search" aria-label="Search my notes">
        <div className="field">
          <label htmlFor="notes-q">Search notes</label>
          <input id="notes-q" name="q" type="search" defaultValue={q ?? ""} />
        </div>
        <button type="submit">Search</button>
        {q ? <Link href="/notes">Show all</Link> : null}
      </form>
      {notes.length === 0 ? (
        <div className="empty-state">
          <h2>{q ? `No notes match “${q}”` : "No notes yet"}</h2>
          <p>Open a session from a conference program and write in its note box; your notes are private.</p>
        </div>
      ) : (
        <ul className="card-list">
          {notes.map((note) => {
            const zone = note.session.conference.timeZone;
            return (
              <li key={note.sessionId} className="card">
                <h2>
                  <Link href={`/conferences/${note.session.conference.slug}/sessions/${note.session.id}`}>{note.session.title}</Link>
                </h2>
                <p className="muted">
                  {note.session.conference.title} · {formatDay(note.session.start, zone)}, {formatTime(note.session.start, zone)} ·
                  edited {note.updatedAt.toISOString().slice(0, 10)}
                </p>
                <Markdown source={note.body} />
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
