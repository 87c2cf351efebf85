import type { Prisma } from "@/lib/db/client";
import { SESSION_SELECT } from "@/lib/program/session-json";
import type { CalendarSession } from "./build-agenda-ics";

/**
 * What the calendar needs of a session: the program's view of it plus its
 * source URL and change stamps, read in the same query that finds the
 * sessions (stars or one id), so a feed is one round trip however long it is.
 */
export const CALENDAR_SESSION_SELECT = {
  ...SESSION_SELECT,
  url: true,
  updatedAt: true,
  conferenceId: true,
} satisfies Prisma.SessionSelect;

export type CalendarSessionRow = Prisma.SessionGetPayload<{ select: typeof CALENDAR_SESSION_SELECT }>;

/**
 * The link an event carries: the talk's page at the source when the program
 * gave one (it is the canonical page, with slides and video later), else the
 * session's page in this planner.
 */
export function sessionLinkOf(row: Pick<CalendarSessionRow, "id" | "url" | "conference">, appUrl: string): string {
  const source = row.url?.trim() ?? "";
  if (source !== "" && isCalendarSafeUrl(source)) return source;
  return `${appUrl}/conferences/${encodeURIComponent(row.conference.slug)}/sessions/${encodeURIComponent(row.id)}`;
}

const HOST_NAME = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.?$/;

/**
 * Imported URLs are whatever the program file said. The ics package refuses
 * the whole calendar over one URL its pattern rejects (another scheme, an
 * IPv6 or underscored host, a one-digit port), so such a link is dropped for
 * our own rather than taking every other starred session down with it.
 */
function isCalendarSafeUrl(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const url = new URL(text);
  return (url.protocol === "https:" || url.protocol === "http:") && HOST_NAME.test(url.hostname) && url.port.length !== 1;
}

export function toCalendarSession(row: CalendarSessionRow, note: string | null, appUrl: string): CalendarSession {
  return {
    id: row.id,
    externalId: row.externalId,
    conferenceSlug: row.conference.slug,
    conferenceTitle: row.conference.title,
    title: row.title,
    abstract: row.abstract,
    start: row.start,
    end: row.end,
    room: row.room?.name ?? null,
    track: row.track?.name ?? null,
    speakers: row.speakers.map((link) => ({ name: link.speaker.name, organization: link.speaker.organization })),
    status: row.status,
    sequence: row.sequence,
    updatedAt: row.updatedAt,
    url: sessionLinkOf(row, appUrl),
    note,
  };
}
