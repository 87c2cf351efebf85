import { getAppUrl } from "@/lib/auth/auth-secret";
import { getDb } from "@/lib/db/client";
import type { CalendarSession } from "./build-agenda-ics";
import { CALENDAR_SESSION_SELECT, toCalendarSession } from "./calendar-session-row";

export type StarredSessions = {
  /** Every starred session, "must" and "maybe", cancelled ones too, by start time. */
  sessions: CalendarSession[];
  /** The latest change to any of them, their stars or their notes; null with no stars. */
  lastChangedAt: Date | null;
};

/**
 * A user's starred sessions as calendar events, in one query. Cancelled
 * sessions are kept on purpose: a subscribed calendar only removes an event it
 * is told is cancelled, never one that silently disappears from the feed.
 */
export async function loadStarredSessions(userId: string, scope: { conferenceId?: string } = {}): Promise<StarredSessions> {
  const db = await getDb();
  const rows = await db.star.findMany({
    where: { userId, ...(scope.conferenceId === undefined ? {} : { session: { conferenceId: scope.conferenceId } }) },
    orderBy: [{ session: { start: "asc" } }, { sessionId: "asc" }],
    select: {
      updatedAt: true,
      session: {
        select: {
          ...CALENDAR_SESSION_SELECT,
          notes: { where: { userId }, select: { body: true, updatedAt: true } },
        },
      },
    },
  });

  const appUrl = getAppUrl();
  const sessions: CalendarSession[] = [];
  let lastChangedAt: Date | null = null;
  for (const { updatedAt, session } of rows) {
    const note = session.notes[0] ?? null;
    for (const changedAt of [updatedAt, session.updatedAt, note?.updatedAt]) {
      if (changedAt !== undefined && (lastChangedAt === null || changedAt > lastChangedAt)) lastChangedAt = changedAt;
    }
    sessions.push(toCalendarSession(session, note?.body ?? null, appUrl));
  }
  return { sessions, lastChangedAt };
}
