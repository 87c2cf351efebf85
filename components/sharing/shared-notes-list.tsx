import { Markdown } from "@/components/markdown";
import type { SharedNote } from "@/lib/sharing/shared-notes";
import styles from "./sharing.module.css";

/** Teammates' notes shared with me on one session (server component for the session page). */
export function SharedNotesList({ notes }: { notes: SharedNote[] }) {
  if (notes.length === 0) return null;
  return (
    <section aria-labelledby="shared-notes-heading">
      <h2 id="shared-notes-heading">Notes from your teams</h2>
      <ul className={styles["note-list"]}>
        {notes.map((note) => (
          <li key={`${note.author.userId}-${note.team.id}`} className="card">
            <p className="muted">
              {note.author.name}, shared with {note.team.name}
            </p>
            <div className="markdown">
              <Markdown source={note.body} />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
