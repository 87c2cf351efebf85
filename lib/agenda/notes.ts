import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { assertSessionExists } from "@/lib/program/find-sessions";

export const NOTE_MAX_CHARACTERS = 20_000;

export const ZNoteBody = z.object({
  body: z
    .string({ error: "body must be a string of Markdown" })
    .refine((body) => body.length <= NOTE_MAX_CHARACTERS, {
      error: (issue) =>
        `the note has ${(issue.input as string).length.toLocaleString("en-US")} characters; notes can have up to ${NOTE_MAX_CHARACTERS.toLocaleString("en-US")}`,
    }),
});

export type NoteView = { sessionId: string; body: string; updatedAt: Date };

/** My note on a session; NOT_FOUND when I have none (notes are private: nobody else's is ever addressed). */
export async function getNote(userId: string, sessionId: string): Promise<NoteView> {
  const db = await getDb();
  const note = await db.note.findUnique({
    where: { userId_sessionId: { userId, sessionId } },
    select: { sessionId: true, body: true, updatedAt: true },
  });
  if (!note) throw new AppError("NOT_FOUND", "no note for this session");
  return note;
}

export async function saveNote(userId: string, sessionId: string, body: string): Promise<NoteView> {
  const parsed = ZNoteBody.safeParse({ body });
  if (!parsed.success) throw new AppError("INVALID_INPUT", parsed.error.issues[0]?.message ?? "invalid note");
  await assertSessionExists(sessionId);
  const db = await getDb();
  return db.note.upsert({
    where: { userId_sessionId: { userId, sessionId } },
    create: { userId, sessionId, body },
    update: { body },
    select: { sessionId: true, body: true, updatedAt: true },
  });
}

export async function deleteNote(userId: string, sessionId: string): Promise<void> {
  const db = await getDb();
  const { count } = await db.note.deleteMany({ where: { userId, sessionId } });
  // Notes can be in the calendar feed: let its Last-Modified move (see unstarSession).
  if (count > 0) await db.user.update({ where: { id: userId }, data: { updatedAt: new Date() } });
}

export type NoteListItem = NoteView & {
  session: { id: string; title: string; start: Date; conference: { slug: string; title: string; timeZone: string } };
};

/** All my notes, newest first, optionally searched (case-insensitive, in the note and the session title). */
export async function listNotes(userId: string, query?: string): Promise<NoteListItem[]> {
  const db = await getDb();
  const q = query?.trim();
  return db.note.findMany({
    where: {
      userId,
      body: { not: "" },
      ...(q
        ? { OR: [{ body: { contains: q, mode: "insensitive" } }, { session: { title: { contains: q, mode: "insensitive" } } }] }
        : {}),
    },
    orderBy: { updatedAt: "desc" },
    select: {
      sessionId: true,
      body: true,
      updatedAt: true,
      session: {
        select: { id: true, title: true, start: true, conference: { select: { slug: true, title: true, timeZone: true } } },
      },
    },
  });
}
