import { createEvents, type Alarm, type EventAttributes, type HeaderAttributes } from "ics";
import { AppError } from "@/lib/errors/app-error";

/**
 * Builds iCalendar (RFC 5545) files of starred sessions: the subscription
 * feed and the single-session download share this one builder.
 *
 * The `ics` package does the property layout; this module makes up for what
 * it leaves out (checked against ics 3.12):
 * - it folds lines every 75 *characters* with a tab, but RFC 5545 §3.1 counts
 *   75 *octets*, so every line is unfolded and folded again by UTF-8 octets;
 * - it escapes SUMMARY, DESCRIPTION and LOCATION, but writes CATEGORIES,
 *   X-WR-CALNAME and the alarm's DESCRIPTION verbatim, so those are escaped
 *   here (a track "Web, Mobile" would otherwise be two categories);
 * - it only turns "\n" into "\\n", so a lone "\r" or another control
 *   character would end up raw in the file; text is cleaned before it goes in;
 * - its URL check rejects upper-case hosts and raw spaces, so URLs are
 *   passed in their WHATWG serialisation.
 */

export type CalendarSession = {
  id: string;
  externalId: string;
  conferenceSlug: string;
  conferenceTitle: string;
  title: string;
  abstract: string;
  start: Date;
  end: Date;
  room: string | null;
  track: string | null;
  speakers: { name: string; organization: string | null }[];
  status: "SCHEDULED" | "CANCELLED";
  sequence: number;
  updatedAt: Date;
  url: string;
  note: string | null;
};

export type CalendarOptions = {
  calendarName: string;
  /** Our public host name; part of every UID, so it must not change between builds. */
  host: string;
  alarmMinutes: null | 5 | 10 | 15 | 30;
  /** Private notes belong in the user's own downloads, not in a feed they may share. */
  includeNotes: boolean;
  now: Date;
};

export type SessionCalendarOptions = Omit<CalendarOptions, "calendarName">;

export const CALENDAR_PRODUCT_ID = "-//Agenda Planner//Starred Sessions//EN";

const UNTITLED_SESSION = "Untitled session";
const MAX_LINE_OCTETS = 75;
const CRLF = "\r\n";

/** ics reads DTSTAMP from `timestamp`, which its type declarations leave out. */
type IcsEvent = EventAttributes & { timestamp: number };

export function buildAgendaIcs(sessions: CalendarSession[], options: CalendarOptions): string {
  const events = sessions.map((session) => toIcsEvent(session, options));
  const calName = escapeText(cleanText(options.calendarName));
  const header: HeaderAttributes = {
    productId: CALENDAR_PRODUCT_ID,
    ...(calName.trim() === "" ? {} : { calName }),
  };

  const { error, value } = createEvents(events, header);
  if (error !== null || value === null || !value.startsWith("BEGIN:VCALENDAR")) {
    const culprit = error === null ? undefined : findFailingSession(sessions, events);
    throw new AppError(
      "INTERNAL",
      `Could not build the calendar file${culprit ? ` (session ${culprit.externalId} of ${culprit.conferenceSlug})` : ""}: ${describeIcsError(error)}`,
      culprit ? { sessionId: culprit.id } : undefined,
    );
  }
  return refoldByOctets(value);
}

/** A one-event calendar for downloading a single session, named after it. */
export function buildSessionIcs(session: CalendarSession, options: SessionCalendarOptions): string {
  return buildAgendaIcs([session], { ...options, calendarName: titleOf(session) });
}

/**
 * The UID must survive every edit of the session (time, room, title) or
 * calendars would show the old and the new copy side by side, so it is made
 * only of what identifies the session: conference, external id and our host.
 */
export function sessionUid(session: Pick<CalendarSession, "conferenceSlug" | "externalId">, host: string): string {
  return `${encodeUidPart(session.conferenceSlug)}/${encodeUidPart(session.externalId)}@${encodeUidPart(host.trim().toLowerCase())}`;
}

export function sessionSummary(session: CalendarSession): string {
  const speakers = speakersOf(session).map((speaker) => speaker.name);
  return speakers.length === 0 ? titleOf(session) : `${titleOf(session)} — ${speakers.join(", ")}`;
}

function toIcsEvent(session: CalendarSession, options: CalendarOptions): IcsEvent {
  const start = session.start.getTime();
  // RFC 5545 wants DTEND after DTSTART, but ics cannot leave DTEND out, so a
  // zero-length or inverted session becomes an instant rather than breaking the whole feed.
  const end = Math.max(start, session.end.getTime());
  const summary = cleanText(sessionSummary(session));
  const room = session.room === null ? "" : cleanText(session.room);
  const track = session.track === null ? "" : cleanText(session.track);
  const cancelled = session.status === "CANCELLED";

  return {
    uid: sessionUid(session, options.host),
    timestamp: options.now.getTime(),
    start,
    startInputType: "utc",
    startOutputType: "utc",
    end,
    endInputType: "utc",
    endOutputType: "utc",
    title: summary,
    description: describeSession(session, options.includeNotes),
    url: normalizeUrl(session.url) || undefined,
    location: room.trim() === "" ? undefined : room,
    categories: track.trim() === "" ? undefined : [escapeText(track)],
    // Cancelled sessions stay in the feed: dropping them would leave them on
    // subscribers' calendars, while STATUS:CANCELLED makes clients remove them.
    status: cancelled ? "CANCELLED" : "CONFIRMED",
    sequence: session.sequence,
    lastModified: session.updatedAt.getTime(),
    alarms: options.alarmMinutes === null || cancelled ? undefined : [reminder(summary, options.alarmMinutes)],
  };
}

function reminder(summary: string, minutes: number): Alarm {
  // ACTION:DISPLAY requires a DESCRIPTION (RFC 5545 §3.6.6); ics writes it unescaped.
  return { action: "display", trigger: { minutes, before: true }, description: escapeText(summary) };
}

function describeSession(session: CalendarSession, includeNotes: boolean): string {
  const blocks: string[] = [];
  const abstract = cleanText(session.abstract);
  if (abstract.trim() !== "") blocks.push(abstract);

  const speakers = speakersOf(session).map(({ name, organization }) => (organization ? `${name} (${organization})` : name));
  if (speakers.length > 0) blocks.push(`Speakers: ${speakers.join(", ")}`);

  const url = normalizeUrl(session.url);
  if (url !== "") blocks.push(url);

  const note = session.note === null ? "" : cleanText(session.note);
  if (includeNotes && note.trim() !== "") blocks.push(`My note: ${note}`);
  return blocks.join("\n\n");
}

function speakersOf(session: CalendarSession): { name: string; organization: string | null }[] {
  return session.speakers
    .map((speaker) => ({
      name: cleanText(speaker.name).trim(),
      organization: speaker.organization === null ? null : cleanText(speaker.organization).trim() || null,
    }))
    .filter((speaker) => speaker.name !== "");
}

function titleOf(session: CalendarSession): string {
  const title = cleanText(session.title);
  // ics drops SUMMARY for an empty title; an event without one shows up blank.
  return title.trim() === "" ? UNTITLED_SESSION : title;
}

function normalizeUrl(url: string): string {
  const trimmed = url.trim();
  if (trimmed === "") return "";
  try {
    return new URL(trimmed).href;
  } catch {
    // Left as is: ics rejects it and the caller gets an AppError naming the session.
    return trimmed;
  }
}

/**
 * TEXT may hold any character but controls other than tab (RFC 5545 §3.3.11).
 * Line breaks are kept (as "\n", which ics escapes); lone surrogates cannot be
 * written as UTF-8, so they become U+FFFD as an encoder would make them.
 */
function cleanText(text: string): string {
  return text
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "");
}

/** TEXT escaping (RFC 5545 §3.3.11), for the values ics writes verbatim. */
function escapeText(text: string): string {
  return text.replace(/[\\;,\n]/g, (char) => (char === "\n" ? "\\n" : `\\${char}`));
}

/**
 * Percent-encodes every UTF-8 byte outside the URI unreserved set. Encoding
 * "%" too keeps it injective, so two external ids never share a UID, and "/"
 * and "@" stay unambiguous separators.
 */
function encodeUidPart(text: string): string {
  let encoded = "";
  for (const byte of new TextEncoder().encode(text)) {
    const char = String.fromCharCode(byte);
    encoded += /[A-Za-z0-9._~-]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return encoded;
}

function refoldByOctets(ics: string): string {
  // A fold is CRLF plus one space or tab; removing exactly that restores the content line.
  const lines = ics.replace(/\r\n[ \t]/g, "").split(CRLF);
  if (lines.at(-1) === "") lines.pop();
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/**
 * Folds one content line so no physical line exceeds 75 octets, counting the
 * leading space of continuation lines; cuts fall between code points so a
 * multi-byte character is never split.
 */
function foldLine(line: string): string {
  if (utf8Length(line) <= MAX_LINE_OCTETS) return line;
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  let limit = MAX_LINE_OCTETS;
  for (const char of line) {
    const size = codePointOctets(char.codePointAt(0) ?? 0);
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
      limit = MAX_LINE_OCTETS - 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

function utf8Length(text: string): number {
  let octets = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A surrogate pair is one 4-octet character: 2 octets for each half.
    octets += unit < 0x80 ? 1 : unit < 0x800 || (unit >= 0xd800 && unit <= 0xdfff) ? 2 : 3;
  }
  return octets;
}

function codePointOctets(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  return codePoint < 0x10000 ? 3 : 4;
}

function findFailingSession(sessions: CalendarSession[], events: IcsEvent[]): CalendarSession | undefined {
  return sessions.find((_, index) => {
    const event = events[index];
    return event !== undefined && createEvents([event]).error !== null;
  });
}

/** ics returns yup's validation error copied into a plain object, so its shape is checked, not assumed. */
function describeIcsError(error: unknown): string {
  if (typeof error === "object" && error !== null) {
    if ("errors" in error && Array.isArray(error.errors) && error.errors.length > 0) {
      return error.errors.map((item) => String(item)).join("; ");
    }
    if ("message" in error && typeof error.message === "string" && error.message !== "") return error.message;
  }
  return error === null || error === undefined ? "the ics package produced no calendar" : String(error);
}
