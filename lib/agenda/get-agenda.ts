import { getDb } from "@/lib/db/client";
import { getConference, type ConferenceInfo } from "@/lib/program/find-sessions";
import { dayKey } from "@/lib/program/format-time";
import { SESSION_SELECT, toSessionView, type SessionView } from "@/lib/program/session-json";
import { zonedWallTimeToUtc } from "@/lib/program/zoned-time";
import { conflictSignature } from "./conflict-signature";
import { detectConflicts, type Conflict } from "./detect-conflicts";
import { findFreeSlots } from "./find-free-slots";
import { findTightTransfers, type TightTransfer } from "./find-tight-transfers";
import { fromDb, type StarLevelName } from "./stars";
import { suggestSessions } from "./suggest-sessions";

export type AgendaSession = SessionView & { level: StarLevelName };
export type AgendaConflict = Conflict & { signature: string; accepted: boolean };
export type ChangeNotice = {
  id: string;
  sessionId: string;
  title: string;
  kind: "MOVED" | "ROOM_CHANGED" | "CANCELLED" | "RESTORED" | "CREATED";
  fromStart: Date | null;
  toStart: Date | null;
  fromRoom: string | null;
  toRoom: string | null;
  changedAt: Date;
};
export type AgendaDay = {
  day: string;
  sessions: AgendaSession[];
  freeSlots: { start: Date; end: Date; suggestions: SessionView[] }[];
};

export type Agenda = {
  conference: ConferenceInfo;
  sessions: AgendaSession[];
  conflicts: AgendaConflict[];
  notices: ChangeNotice[];
  tightTransfers: TightTransfer[];
  walkingBufferMinutes: number | null;
  days: AgendaDay[];
};

/**
 * My agenda for one conference: starred sessions with their level, the
 * conflict groups among "must" sessions that are scheduled (accepted ones
 * flagged), program changes to starred sessions I have not dismissed, tight
 * room changes for my walking buffer, and per day the free slots with
 * suggestions.
 */
export async function getAgenda(userId: string, slug: string, options: { suggestions?: boolean } = {}): Promise<Agenda> {
  const conference = await getConference(slug);
  const db = await getDb();
  const [stars, accepted, user] = await Promise.all([
    db.star.findMany({
      where: { userId, session: { conferenceId: conference.id } },
      select: { level: true, createdAt: true, session: { select: SESSION_SELECT } },
    }),
    db.acceptedConflict.findMany({ where: { userId }, select: { signature: true } }),
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { walkingBufferMinutes: true } }),
  ]);
  const sessions: AgendaSession[] = stars
    .map((star) => ({ ...toSessionView(star.session), level: fromDb(star.level) }))
    .sort((a, b) => a.start.getTime() - b.start.getTime() || (a.room ?? "").localeCompare(b.room ?? ""));
  const scheduled = sessions.filter((s) => s.status === "scheduled");
  const acceptedSet = new Set(accepted.map((row) => row.signature));
  const byId = new Map(sessions.map((s) => [s.id, s]));
  const conflicts = detectConflicts(scheduled.filter((s) => s.level === "must")).map((conflict) => {
    const signature = conflictSignature(conflict.sessionIds.flatMap((id) => byId.get(id) ?? []));
    return { ...conflict, signature, accepted: acceptedSet.has(signature) };
  });

  const starredSince = new Map(stars.map((star) => [star.session.id, star.createdAt]));
  const changes = await db.sessionChange.findMany({
    where: {
      sessionId: { in: sessions.map((s) => s.id) },
      kind: { not: "CREATED" },
      dismissals: { none: { userId } },
    },
    orderBy: { changedAt: "desc" },
    select: { id: true, sessionId: true, kind: true, fromStart: true, toStart: true, fromRoom: true, toRoom: true, changedAt: true },
  });
  const notices = changes
    .filter((change) => change.changedAt >= (starredSince.get(change.sessionId) ?? change.changedAt))
    .map((change) => ({ ...change, title: byId.get(change.sessionId)?.title ?? "" }));

  const tightTransfers =
    user.walkingBufferMinutes && user.walkingBufferMinutes > 0 ? findTightTransfers(scheduled, user.walkingBufferMinutes) : [];

  const days = await buildDays(conference, scheduled, options.suggestions ?? false);
  return { conference, sessions, conflicts, notices, tightTransfers, walkingBufferMinutes: user.walkingBufferMinutes, days };
}

async function buildDays(conference: ConferenceInfo, scheduled: AgendaSession[], withSuggestions: boolean): Promise<AgendaDay[]> {
  const db = await getDb();
  const program = withSuggestions
    ? (
        await db.session.findMany({
          where: { conferenceId: conference.id, status: "SCHEDULED" },
          select: SESSION_SELECT,
        })
      ).map(toSessionView)
    : [];
  const programDays = new Map<string, SessionView[]>();
  for (const session of program) {
    const key = dayKey(session.start, conference.timeZone);
    programDays.set(key, [...(programDays.get(key) ?? []), session]);
  }
  const keys = [...new Set(scheduled.map((s) => dayKey(s.start, conference.timeZone)))].sort();
  return keys.map((day) => {
    const sessions = scheduled.filter((s) => dayKey(s.start, conference.timeZone) === day);
    const ofDay = programDays.get(day) ?? [];
    // The day's frame is the program's own span that day (or the starred sessions' span).
    const frame = ofDay.length > 0 ? ofDay : sessions;
    const start = new Date(Math.min(...frame.map((s) => s.start.getTime())));
    const end = new Date(Math.max(...frame.map((s) => s.end.getTime())));
    const dayStart = zonedWallTimeToUtc(day, "00:00", conference.timeZone) ?? start;
    const freeSlots = findFreeSlots(sessions, { start: start < dayStart ? dayStart : start, end }).map((slot) => ({
      ...slot,
      suggestions: withSuggestions ? suggestSessions(slot, ofDay, sessions, 3) : [],
    }));
    return { day, sessions, freeSlots };
  });
}
