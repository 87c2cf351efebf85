import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { MEMBER_USER_SELECT, refMember, type MemberRef } from "./member-name";
import { requireTeamMember } from "./team-access";

export type SharedNote = {
  sessionId: string;
  author: MemberRef;
  team: { id: string; name: string };
  body: string;
  updatedAt: Date;
};

/**
 * Shares my note on a session with one of my teams. A note is shared with at
 * most one team (the schema keeps one team id), so sharing it with another
 * team moves it there.
 */
export async function shareNoteWithTeam(userId: string, sessionId: string, teamId: string): Promise<void> {
  await requireTeamMember(teamId, userId);
  const db = await getDb();
  const { count } = await db.note.updateMany({ where: { userId, sessionId }, data: { sharedWithTeamId: teamId } });
  if (count === 0) throw new AppError("NOT_FOUND", "you have no note on this session to share");
}

/** Makes my note private again if it is shared with this team; idempotent. */
export async function unshareNoteFromTeam(userId: string, sessionId: string, teamId: string): Promise<void> {
  await requireTeamMember(teamId, userId);
  const db = await getDb();
  await db.note.updateMany({ where: { userId, sessionId, sharedWithTeamId: teamId }, data: { sharedWithTeamId: null } });
}

/** Which team, if any, my note on a session is shared with (for the note editor). */
export async function getNoteSharing(userId: string, sessionId: string): Promise<{ id: string; name: string } | null> {
  const db = await getDb();
  const note = await db.note.findUnique({
    where: { userId_sessionId: { userId, sessionId } },
    select: { sharedWithTeam: { select: { id: true, name: true } } },
  });
  return note?.sharedWithTeam ?? null;
}

const SHARED_NOTE_SELECT = {
  sessionId: true,
  body: true,
  updatedAt: true,
  user: { select: MEMBER_USER_SELECT },
  sharedWithTeam: { select: { id: true, name: true } },
} as const;

/**
 * Teammates' notes on a session shared with this team. The author must still
 * be a member: a note shared before its author left is not shown, even if
 * it somehow kept its team id.
 */
export async function listTeamNotes(teamId: string, userId: string, sessionId: string): Promise<SharedNote[]> {
  await requireTeamMember(teamId, userId);
  const db = await getDb();
  const notes = await db.note.findMany({
    where: {
      sessionId,
      sharedWithTeamId: teamId,
      userId: { not: userId },
      body: { not: "" },
      user: { memberships: { some: { teamId } } },
    },
    orderBy: { updatedAt: "desc" },
    select: SHARED_NOTE_SELECT,
  });
  return notes.flatMap(toSharedNote);
}

/** Notes on a session that teammates shared with any team I am in (for the session page). */
export async function listNotesSharedWithMe(userId: string, sessionId: string): Promise<SharedNote[]> {
  const db = await getDb();
  const notes = await db.note.findMany({
    where: {
      sessionId,
      userId: { not: userId },
      body: { not: "" },
      sharedWithTeam: { members: { some: { userId } } },
    },
    orderBy: { updatedAt: "desc" },
    select: { ...SHARED_NOTE_SELECT, user: { select: { ...MEMBER_USER_SELECT, memberships: { select: { teamId: true } } } } },
  });
  // The author must still be in the team the note is shared with.
  return notes
    .filter((note) => note.user.memberships.some((membership) => membership.teamId === note.sharedWithTeam?.id))
    .flatMap(toSharedNote);
}

function toSharedNote(note: {
  sessionId: string;
  body: string;
  updatedAt: Date;
  user: { id: string; name: string | null; email: string };
  sharedWithTeam: { id: string; name: string } | null;
}): SharedNote[] {
  if (note.sharedWithTeam === null) return [];
  return [{ sessionId: note.sessionId, author: refMember(note.user), team: note.sharedWithTeam, body: note.body, updatedAt: note.updatedAt }];
}
