import { getAppUrl } from "@/lib/auth/auth-secret";
import { ZUserSettings } from "@/lib/auth/user-settings";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { slugify } from "@/lib/program/slugify";
import { buildAgendaIcs, buildSessionIcs } from "./build-agenda-ics";
import { userIdForCalendarFeed } from "./calendar-feed-tokens";
import { buildAgendaIcsMemo } from "./memo-agenda-ics";
import { CALENDAR_SESSION_SELECT, toCalendarSession } from "./calendar-session-row";
import { etagOf, toHttpSecond, type FeedValidators } from "./check-not-modified";
import { loadStarredSessions } from "./load-starred-sessions";

export type CalendarDownload = { fileName: string; ics: string };
export type CalendarFeed = FeedValidators & { ics: string };

export const ALL_CONFERENCES_CALENDAR_NAME = "My conference agenda";

export function conferenceCalendarName(conferenceTitle: string): string {
  return `${conferenceTitle} — my agenda`;
}

/**
 * The host in every event's UID. It is the host name alone: a port differs
 * between a laptop and production, and a UID that changed with it would make
 * calendars show each session twice.
 */
function uidHost(): string {
  return new URL(getAppUrl()).hostname;
}

const ZCalendarSettings = ZUserSettings.pick({ calendarAlarmMinutes: true, calendarIncludeNotes: true });

async function loadCalendarSettings(userId: string) {
  const db = await getDb();
  const row = await db.user.findUnique({
    where: { id: userId },
    select: { calendarAlarmMinutes: true, calendarIncludeNotes: true, updatedAt: true },
  });
  if (row === null) throw new AppError("NOT_FOUND", "no such user");
  return { ...ZCalendarSettings.parse(row), updatedAt: row.updatedAt };
}

/**
 * The caller's starred sessions of one conference (or of all of them, without
 * a slug) as a file to download, with their alarm and notes settings.
 */
export async function buildAgendaDownload(userId: string, conferenceSlug: string | undefined): Promise<CalendarDownload> {
  let conference: { id: string; slug: string; title: string } | undefined;
  if (conferenceSlug !== undefined) {
    const db = await getDb();
    const found = await db.conference.findUnique({ where: { slug: conferenceSlug }, select: { id: true, slug: true, title: true } });
    if (found === null) throw new AppError("NOT_FOUND", `no conference "${conferenceSlug}"`);
    conference = found;
  }
  const [settings, starred] = await Promise.all([
    loadCalendarSettings(userId),
    loadStarredSessions(userId, conference === undefined ? {} : { conferenceId: conference.id }),
  ]);
  const ics = buildAgendaIcs(starred.sessions, {
    calendarName: conference === undefined ? ALL_CONFERENCES_CALENDAR_NAME : conferenceCalendarName(conference.title),
    host: uidHost(),
    alarmMinutes: settings.calendarAlarmMinutes,
    includeNotes: settings.calendarIncludeNotes,
    now: new Date(),
  });
  return { fileName: conference === undefined ? "my-agenda.ics" : `${conference.slug}-agenda.ics`, ics };
}

/**
 * The subscription feed behind a secret URL: every conference, null for an
 * unknown or replaced token. The body depends only on the data (DTSTAMP is the
 * last change, not the clock), so an unchanged agenda hashes to the same ETag
 * on every poll and from every app process.
 */
export async function buildCalendarFeed(token: string): Promise<CalendarFeed | null> {
  const userId = await userIdForCalendarFeed(token);
  if (userId === null) return null;
  const [settings, starred] = await Promise.all([loadCalendarSettings(userId), loadStarredSessions(userId)]);
  const lastChangedAt = starred.lastChangedAt !== null && starred.lastChangedAt > settings.updatedAt ? starred.lastChangedAt : settings.updatedAt;
  const lastModified = toHttpSecond(lastChangedAt);
  const ics = buildAgendaIcsMemo(starred.sessions, {
    calendarName: ALL_CONFERENCES_CALENDAR_NAME,
    host: uidHost(),
    alarmMinutes: settings.calendarAlarmMinutes,
    includeNotes: settings.calendarIncludeNotes,
    now: lastModified,
  });
  return { ics, etag: etagOf(ics), lastModified };
}

/** One session as a calendar file, for anyone: no alarm, no notes, nothing of a user's. */
export async function buildSessionDownload(sessionId: string): Promise<CalendarDownload> {
  const db = await getDb();
  const row = await db.session.findUnique({ where: { id: sessionId }, select: CALENDAR_SESSION_SELECT });
  if (row === null) throw new AppError("NOT_FOUND", "no such session");
  const session = toCalendarSession(row, null, getAppUrl());
  const ics = buildSessionIcs(session, { host: uidHost(), alarmMinutes: null, includeNotes: false, now: new Date() });
  return { fileName: `${row.conference.slug}-${slugify(row.title)}.ics`, ics };
}
