import { formatDay, formatTime } from "@/lib/program/format-time";
import type { NoteListItem } from "./notes";

/** One Markdown document: a section per note, grouped by conference, in time order. */
export function notesToMarkdown(notes: NoteListItem[]): string {
  const lines = ["# My conference notes", ""];
  const byConference = new Map<string, NoteListItem[]>();
  for (const note of notes) {
    const key = note.session.conference.title;
    byConference.set(key, [...(byConference.get(key) ?? []), note]);
  }
  if (notes.length === 0) lines.push("_No notes yet._", "");
  for (const [title, items] of byConference) {
    lines.push(`## ${title}`, "");
    for (const note of [...items].sort((a, b) => a.session.start.getTime() - b.session.start.getTime())) {
      const zone = note.session.conference.timeZone;
      lines.push(
        `### ${note.session.title}`,
        "",
        `_${formatDay(note.session.start, zone)}, ${formatTime(note.session.start, zone)} (${zone})_`,
        "",
        note.body.trim(),
        "",
      );
    }
  }
  return lines.join("\n");
}
