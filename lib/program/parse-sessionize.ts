import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { parseError } from "@/lib/program/parse-error";
import { formatJsonPath, isJsonObject, parseJsonText } from "@/lib/program/parse-json-text";
import type { ParsedProgram, ParsedSession, ParsedSpeaker, ParseOptions } from "@/lib/program/parsed-program";
import { fileStem, nonBlank, normalizeText } from "@/lib/program/source-text";
import { assertTimeZone, parseIsoDateTime } from "@/lib/program/zoned-time";

/**
 * Reads the Sessionize "All" export (`/api/v2/{id}/view/All`): one JSON object
 * with sessions, speakers, categories and rooms that refer to each other by id.
 * Sessionize times carry no zone, so the caller must say which zone they are in.
 */

// Sessionize ids are numbers for sessions/rooms/categories and UUID strings for
// speakers, but older exports and hand-edited files mix them; both are keyed by String(id).
const ZSessionizeId = z.union([z.string().trim().min(1), z.number()]);

const ZSessionizeSession = z.object({
  id: ZSessionizeId,
  title: z.string().trim().min(1, "must not be empty"),
  description: z.string().nullable().optional(),
  startsAt: z.string().nullable().optional(),
  endsAt: z.string().nullable().optional(),
  isServiceSession: z.boolean().nullable().optional(),
  isPlenumSession: z.boolean().nullable().optional(),
  // The "All" export lists speaker ids; the "Sessions" export embeds { id, name }.
  speakers: z.array(z.union([ZSessionizeId, z.object({ id: ZSessionizeId })])).nullable().optional(),
  categoryItems: z.array(ZSessionizeId).nullable().optional(),
  roomId: ZSessionizeId.nullable().optional(),
  liveUrl: z.string().nullable().optional(),
  recordingUrl: z.string().nullable().optional(),
});

const ZSessionizeSpeaker = z.object({
  id: ZSessionizeId,
  firstName: z.string().nullable().optional(),
  lastName: z.string().nullable().optional(),
  fullName: z.string().nullable().optional(),
  tagLine: z.string().nullable().optional(),
});

const ZSessionizeCategory = z.object({
  id: ZSessionizeId,
  title: z.string(),
  items: z.array(z.object({ id: ZSessionizeId, name: z.string() })),
  type: z.string().nullable().optional(),
});

const ZSessionizeRoom = z.object({
  id: ZSessionizeId,
  name: z.string().trim().min(1, "must not be empty"),
});

export const ZSessionizeAll = z.object({
  sessions: z.array(ZSessionizeSession),
  speakers: z.array(ZSessionizeSpeaker),
  categories: z.array(ZSessionizeCategory).nullable().optional(),
  rooms: z.array(ZSessionizeRoom),
});
export type SessionizeAll = z.infer<typeof ZSessionizeAll>;
type SessionizeSession = z.infer<typeof ZSessionizeSession>;
type SessionizeSpeaker = z.infer<typeof ZSessionizeSpeaker>;
type SessionizeCategory = z.infer<typeof ZSessionizeCategory>;

/** Cheap sniff on already-parsed JSON, used by format detection. */
export function looksLikeSessionize(value: unknown): boolean {
  if (!isJsonObject(value)) return false;
  return Array.isArray(value.sessions) && Array.isArray(value.speakers) && Array.isArray(value.rooms);
}

export function parseSessionize(text: string, options: ParseOptions): ParsedProgram {
  const { fileName } = options;
  if (options.timeZone === undefined || options.timeZone.trim() === "") {
    throw new AppError(
      "INVALID_INPUT",
      `${fileName}: Sessionize times carry no time zone; give the conference's zone with --timezone ` +
        "(an IANA name such as Europe/Berlin)",
      { file: fileName, field: "timeZone" },
    );
  }
  const zone = assertTimeZone(options.timeZone.trim(), `${fileName}: --timezone`);

  const json = parseJsonText(text, fileName);
  const result = ZSessionizeAll.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue && issue.path.length > 0 ? formatJsonPath(issue.path) : undefined;
    const message =
      field === undefined
        ? "not a Sessionize \"All\" export: expected an object with sessions, speakers and rooms arrays"
        : (issue?.message ?? "invalid value");
    throw parseError(fileName, message, { field });
  }
  const data = result.data;

  const rooms = new Map<string, string>();
  for (const room of data.rooms) rooms.set(String(room.id), room.name);

  const speakers = new Map<string, ParsedSpeaker>();
  data.speakers.forEach((speaker, index) => {
    speakers.set(String(speaker.id), toParsedSpeaker(speaker, fileName, `speakers[${index}]`));
  });

  const categories = data.categories ?? [];
  const trackItems = itemNames(findTrackCategory(categories));
  const formatItems = itemNames(categories.filter(isFormatCategory));

  const sessions: ParsedSession[] = [];
  const seenIds = new Map<string, number>();
  data.sessions.forEach((session, index) => {
    const path = `sessions[${index}]`;
    const externalId = String(session.id);
    const firstIndex = seenIds.get(externalId);
    if (firstIndex !== undefined) {
      // Re-imports match sessions on externalId, so two sessions sharing one would merge.
      throw parseError(fileName, `duplicate session id ${externalId} (also sessions[${firstIndex}])`, {
        field: `${path}.id`,
      });
    }
    seenIds.set(externalId, index);

    const times = sessionTimes(session, zone, fileName, path);
    // Unscheduled sessions (accepted but not yet placed) are not part of the program yet.
    if (times === null) return;

    const itemKeys = (session.categoryItems ?? []).map(String);
    sessions.push({
      externalId,
      title: session.title,
      abstract: normalizeText(session.description ?? ""),
      start: times.start,
      end: times.end,
      room: resolveRoom(session, rooms, fileName, path),
      track: firstMatch(itemKeys, trackItems),
      kind: sessionKind(session, itemKeys, formatItems),
      speakers: resolveSpeakers(session, speakers, fileName, path),
      url: nonBlank(session.liveUrl) ?? nonBlank(session.recordingUrl),
    });
  });

  return {
    format: "sessionize",
    conference: {
      // The export carries no event name; the file name is the best title we have.
      title: fileStem(fileName),
      subtitle: null,
      acronym: null,
      timeZone: zone,
    },
    sessions,
  };
}

const SESSIONIZE_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

function sessionTimes(
  session: SessionizeSession,
  zone: string,
  fileName: string,
  path: string,
): { start: Date; end: Date } | null {
  const startsAt = nonBlank(session.startsAt);
  const endsAt = nonBlank(session.endsAt);
  if (startsAt === null && endsAt === null) return null;
  if (startsAt === null || endsAt === null) {
    const missing = startsAt === null ? "startsAt" : "endsAt";
    const problem = missing === "startsAt" ? "an end but no start" : "a start but no end";
    throw parseError(fileName, `session ${describeSession(session)} has ${problem}`, { field: `${path}.${missing}` });
  }
  const start = readDateTime(startsAt, zone, fileName, `${path}.startsAt`);
  const end = readDateTime(endsAt, zone, fileName, `${path}.endsAt`);
  if (end.getTime() < start.getTime()) {
    throw parseError(fileName, `session ${describeSession(session)} ends (${endsAt}) before it starts (${startsAt})`, {
      field: `${path}.endsAt`,
    });
  }
  return { start, end };
}

function readDateTime(value: string, zone: string, fileName: string, field: string): Date {
  const instant = SESSIONIZE_DATE_TIME.test(value) ? parseIsoDateTime(value, zone) : null;
  if (instant === null) {
    throw parseError(fileName, `invalid date-time ${JSON.stringify(value)} (expected e.g. 2019-04-02T10:30:00)`, {
      field,
    });
  }
  return instant;
}

function describeSession(session: SessionizeSession): string {
  return `${String(session.id)} ${JSON.stringify(session.title)}`;
}

function toParsedSpeaker(speaker: SessionizeSpeaker, fileName: string, path: string): ParsedSpeaker {
  const name =
    nonBlank(speaker.fullName) ?? nonBlank([speaker.firstName ?? "", speaker.lastName ?? ""].join(" "));
  if (name === null) {
    throw parseError(fileName, `speaker ${String(speaker.id)} has no name`, { field: `${path}.fullName` });
  }
  return { name, organization: organizationFromTagLine(speaker.tagLine) };
}

/**
 * Sessionize has no organization field; speakers usually write "Role at Org"
 * or just "Org" in the tag line. Deliberately simple: anything smarter guesses wrong as often.
 */
export function organizationFromTagLine(tagLine: string | null | undefined): string | null {
  const line = nonBlank(tagLine);
  if (line === null) return null;
  const at = line.lastIndexOf(" at ");
  const sign = line.lastIndexOf(" @ ");
  if (at < 0 && sign < 0) return line;
  const rest = at > sign ? line.slice(at + " at ".length) : line.slice(sign + " @ ".length);
  return nonBlank(rest) ?? line;
}

function findTrackCategory(categories: SessionizeCategory[]): SessionizeCategory[] {
  const track = categories.find((category) => category.title.trim().toLowerCase() === "track");
  if (track) return [track];
  // Without a "Track" category, the first session category stands in, but never the
  // format one: "Keynote" or "Workshop" is a kind, not a track.
  const fallback = categories.find(
    (category) => (category.type ?? "session").toLowerCase() === "session" && !isFormatCategory(category),
  );
  return fallback ? [fallback] : [];
}

function isFormatCategory(category: SessionizeCategory): boolean {
  const title = category.title.trim().toLowerCase();
  return title === "session format" || title === "format";
}

function itemNames(categories: SessionizeCategory[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const category of categories) {
    for (const item of category.items) {
      const name = nonBlank(item.name);
      if (name !== null) names.set(String(item.id), name);
    }
  }
  return names;
}

function firstMatch(keys: string[], names: Map<string, string>): string | null {
  for (const key of keys) {
    const name = names.get(key);
    if (name !== undefined) return name;
  }
  return null;
}

function sessionKind(session: SessionizeSession, itemKeys: string[], formatItems: Map<string, string>): string {
  const keynoteFormat = itemKeys.some((key) => formatItems.get(key)?.toLowerCase().includes("keynote") ?? false);
  if (session.isPlenumSession === true || keynoteFormat) return "keynote";
  if (session.isServiceSession === true) return "service";
  return "talk";
}

function resolveRoom(
  session: SessionizeSession,
  rooms: Map<string, string>,
  fileName: string,
  path: string,
): string | null {
  if (session.roomId === null || session.roomId === undefined) return null;
  const room = rooms.get(String(session.roomId));
  if (room === undefined) {
    throw parseError(fileName, `session ${describeSession(session)} refers to unknown room ${String(session.roomId)}`, {
      field: `${path}.roomId`,
    });
  }
  return room;
}

function resolveSpeakers(
  session: SessionizeSession,
  speakers: Map<string, ParsedSpeaker>,
  fileName: string,
  path: string,
): ParsedSpeaker[] {
  return (session.speakers ?? []).map((ref, index) => {
    const id = String(typeof ref === "object" ? ref.id : ref);
    const speaker = speakers.get(id);
    if (speaker === undefined) {
      throw parseError(fileName, `session ${describeSession(session)} refers to unknown speaker ${id}`, {
        field: `${path}.speakers[${index}]`,
      });
    }
    return speaker;
  });
}
