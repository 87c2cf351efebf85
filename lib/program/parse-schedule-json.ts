import { z } from "zod";
import { frabKind, joinFrabAbstract, resolveFrabEventTimes, resolveFrabTimeZone, type FrabTimeField } from "@/lib/program/frab-event";
import { parseError } from "@/lib/program/parse-error";
import { formatJsonPath, isJsonObject, parseJsonText } from "@/lib/program/parse-json-text";
import type { ParseOptions, ParsedProgram, ParsedSession, ParsedSpeaker } from "@/lib/program/parsed-program";
import { nonBlank, quoteValue } from "@/lib/program/source-text";

/**
 * c3voc schedule.json: the frab model in JSON. Version 1 nests events under
 * conference.days[].rooms{name: [event]}; schedule 2 lists them flat
 * (schedule.events, or conference.events) with full start/end date-times and
 * room/track references. Both are read; the time rules are frab's.
 *
 * The schemas name only the fields the planner reads, and every object is
 * loose: generators add fields freely and that must not reject a file.
 */

const ZOptionalText = z.string().nullish();

/** schedule 2 allows a per-language object, e.g. { "en": "…", "de": "…" }. */
const ZLocalizedText = z.union([z.string(), z.record(z.string(), z.string().nullable())]).nullish();

const ZScheduleJsonPerson = z.looseObject({
  public_name: ZOptionalText,
  name: ZOptionalText,
  full_public_name: ZOptionalText,
});

const ZScheduleJsonRoomReference = z
  .union([z.string(), z.looseObject({ name: ZOptionalText, guid: ZOptionalText })])
  .nullish();

const ZScheduleJsonTrackReference = z
  .union([z.string(), z.looseObject({ name: ZOptionalText, slug: ZOptionalText })])
  .nullish();

const ZScheduleJsonEvent = z.looseObject({
  guid: ZOptionalText,
  id: z.union([z.string(), z.number()]).nullish(),
  date: ZOptionalText,
  start: ZOptionalText,
  end: ZOptionalText,
  duration: ZOptionalText,
  room: ZScheduleJsonRoomReference,
  url: ZOptionalText,
  title: z.string().refine((title) => title.trim() !== "", "must not be empty"),
  subtitle: ZOptionalText,
  track: ZScheduleJsonTrackReference,
  type: ZOptionalText,
  abstract: ZLocalizedText,
  description: ZLocalizedText,
  persons: z.array(ZScheduleJsonPerson).nullish(),
  participants: z.array(ZScheduleJsonPerson).nullish(),
});
type ScheduleJsonEvent = z.infer<typeof ZScheduleJsonEvent>;

const ZScheduleJsonDay = z.looseObject({
  date: ZOptionalText,
  day_start: ZOptionalText,
  day_end: ZOptionalText,
  start: ZOptionalText,
  end: ZOptionalText,
  rooms: z.record(z.string(), z.array(ZScheduleJsonEvent)).nullish(),
});
type ScheduleJsonDay = z.infer<typeof ZScheduleJsonDay>;

const ZScheduleJsonConference = z.looseObject({
  acronym: ZOptionalText,
  title: ZOptionalText,
  subtitle: ZOptionalText,
  time_zone_name: ZOptionalText,
  days: z.array(ZScheduleJsonDay).nullish(),
  events: z.array(ZScheduleJsonEvent).nullish(),
  rooms: z.array(z.looseObject({ name: ZOptionalText, guid: ZOptionalText })).nullish(),
  tracks: z.array(z.looseObject({ name: ZOptionalText, slug: ZOptionalText })).nullish(),
});
type ScheduleJsonConference = z.infer<typeof ZScheduleJsonConference>;

export const ZScheduleJson = z.looseObject({
  schedule: z.looseObject({
    version: z.union([z.string(), z.number()]).nullish(),
    conference: ZScheduleJsonConference,
    events: z.array(ZScheduleJsonEvent).nullish(),
  }),
});

type PathSegment = string | number;

/** Sniff on parsed JSON: an object with schedule.conference. */
export function looksLikeScheduleJson(value: unknown): boolean {
  return isJsonObject(value) && isJsonObject(value.schedule) && isJsonObject(value.schedule.conference);
}

/** Picks the English text of a per-language object, else the first non-empty one. */
function localized(value: z.infer<typeof ZLocalizedText>): string | null {
  if (value === null || value === undefined || typeof value === "string") return value ?? null;
  const texts = Object.entries(value)
    .filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1].trim() !== "")
    .sort(([a], [b]) => Number(b === "en") - Number(a === "en"));
  return texts[0]?.[1] ?? null;
}

type EventSource = "rooms" | "conference.events" | "events";

type EventEntry = {
  event: ScheduleJsonEvent;
  path: PathSegment[];
  source: EventSource;
  day: ScheduleJsonDay | null;
  roomName: string | null;
};

function collectEvents(value: z.infer<typeof ZScheduleJson>): EventEntry[] {
  const entries: EventEntry[] = [];
  const conference = value.schedule.conference;
  (conference.days ?? []).forEach((day, dayIndex) => {
    for (const [roomName, events] of Object.entries(day.rooms ?? {})) {
      events.forEach((event, eventIndex) => {
        const path = ["schedule", "conference", "days", dayIndex, "rooms", roomName, eventIndex];
        entries.push({ event, path, source: "rooms", day, roomName: nonBlank(roomName) });
      });
    }
  });
  (conference.events ?? []).forEach((event, eventIndex) => {
    const path = ["schedule", "conference", "events", eventIndex];
    entries.push({ event, path, source: "conference.events", day: null, roomName: null });
  });
  (value.schedule.events ?? []).forEach((event, eventIndex) => {
    entries.push({ event, path: ["schedule", "events", eventIndex], source: "events", day: null, roomName: null });
  });
  return entries;
}

function roomOf(entry: EventEntry, conference: ScheduleJsonConference): string | null {
  const room = entry.event.room;
  if (typeof room === "string") return nonBlank(room) ?? entry.roomName;
  if (room === null || room === undefined) return entry.roomName;
  const guid = nonBlank(room.guid);
  const byGuid = guid === null ? undefined : conference.rooms?.find((candidate) => nonBlank(candidate.guid) === guid);
  return nonBlank(room.name) ?? nonBlank(byGuid?.name) ?? entry.roomName;
}

function trackOf(event: ScheduleJsonEvent, conference: ScheduleJsonConference): string | null {
  const track = event.track;
  if (typeof track === "string") return nonBlank(track);
  if (track === null || track === undefined) return null;
  const slug = nonBlank(track.slug);
  const bySlug = slug === null ? undefined : conference.tracks?.find((candidate) => nonBlank(candidate.slug) === slug);
  return nonBlank(track.name) ?? nonBlank(bySlug?.name) ?? slug;
}

function speakersOf(event: ScheduleJsonEvent): ParsedSpeaker[] {
  const people = [...(event.persons ?? []), ...(event.participants ?? [])];
  const speakers: ParsedSpeaker[] = [];
  for (const person of people) {
    const name = nonBlank(person.public_name) ?? nonBlank(person.name) ?? nonBlank(person.full_public_name);
    if (name !== null) speakers.push({ name, organization: null });
  }
  return speakers;
}

/** The day's date for "day" problems (the event path starts with schedule.conference.days[i]). */
function timeFieldPath(entry: EventEntry, field: FrabTimeField): string {
  if (field === "day") return formatJsonPath(entry.day === null ? [...entry.path, "start"] : [...entry.path.slice(0, 4), "date"]);
  return formatJsonPath([...entry.path, field]);
}

function readEvent(entry: EventEntry, conference: ScheduleJsonConference, zone: string | null, fileName: string): ParsedSession {
  const { event, path } = entry;
  const externalId = nonBlank(event.guid) ?? (typeof event.id === "number" ? String(event.id) : nonBlank(event.id));
  if (externalId === null) throw parseError(fileName, "event has neither a guid nor an id", { field: formatJsonPath([...path, "guid"]) });
  const title = event.title.trim();

  const times = resolveFrabEventTimes(
    {
      date: event.date ?? null,
      start: event.start ?? null,
      end: event.end ?? null,
      duration: event.duration ?? null,
      dayDate: entry.day?.date ?? null,
      dayStart: entry.day?.day_start ?? entry.day?.start ?? null,
      dayEnd: entry.day?.day_end ?? entry.day?.end ?? null,
    },
    zone,
  );
  if (!times.ok) {
    throw parseError(fileName, `event ${quoteValue(externalId)} ${times.problem}`, { field: timeFieldPath(entry, times.field) });
  }

  return {
    externalId,
    title,
    abstract: joinFrabAbstract(event.subtitle ?? null, localized(event.abstract), localized(event.description)),
    start: times.start,
    end: times.end,
    room: roomOf(entry, conference),
    track: trackOf(event, conference),
    kind: frabKind(event.type ?? null),
    speakers: speakersOf(event),
    url: nonBlank(event.url),
  };
}

export function parseScheduleJson(text: string, options: ParseOptions): ParsedProgram {
  const { fileName } = options;
  const checked = ZScheduleJson.safeParse(parseJsonText(text, fileName, { lead: "not valid JSON", reason: "engine" }));
  if (!checked.success) {
    const [issue] = checked.error.issues;
    const more = checked.error.issues.length - 1;
    throw parseError(fileName, `${issue?.message ?? "invalid schedule"}${more > 0 ? ` (and ${more} more problems)` : ""}`, {
      field: formatJsonPath(issue?.path ?? []),
    });
  }
  const conference = checked.data.schedule.conference;

  const acronym = nonBlank(conference.acronym);
  const title = nonBlank(conference.title) ?? acronym;
  if (title === null) throw parseError(fileName, "the conference has no title", { field: "schedule.conference.title" });
  const named = nonBlank(conference.time_zone_name);
  const zone = resolveFrabTimeZone(named, options, { where: () => ({ field: "schedule.conference.time_zone_name" }) });

  const sessions: ParsedSession[] = [];
  const firstSeen = new Map<string, EventEntry>();
  for (const entry of collectEvents(checked.data)) {
    const session = readEvent(entry, conference, zone, fileName);
    const earlier = firstSeen.get(session.externalId);
    if (earlier !== undefined) {
      // Some generators write both the nested (v1) and the flat (v2) layout;
      // the same event in the other layout is a copy, within one it is a clash.
      if (earlier.source !== entry.source) continue;
      throw parseError(
        fileName,
        `event ${quoteValue(session.externalId)} appears twice (first at ${formatJsonPath(earlier.path)})`,
        { field: formatJsonPath(entry.path) },
      );
    }
    firstSeen.set(session.externalId, entry);
    sessions.push(session);
  }

  return {
    format: "schedule-json",
    conference: { title, subtitle: nonBlank(conference.subtitle), acronym, timeZone: named },
    sessions,
  };
}
