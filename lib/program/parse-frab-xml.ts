import { XMLParser, XMLValidator, type EntityDecoderOptions } from "fast-xml-parser";
import { DateTime, Duration } from "luxon";
import { parseError } from "@/lib/program/parse-error";
import type { ParseOptions, ParsedProgram, ParsedSession, ParsedSpeaker } from "@/lib/program/parsed-program";
import { isValidTimeZone, parseIsoDateTime, zonedWallTimeToUtc } from "@/lib/program/zoned-time";

/**
 * frab / Pentabarf schedule XML, as frab and pretalx export it:
 * <schedule><conference/><day><room><event/></room></day></schedule>.
 *
 * The time rules here are shared with the c3voc schedule.json parser
 * (parse-schedule-json.ts), which is the same data model spelled in JSON.
 */

// ---------------------------------------------------------------------------
// Shared frab event rules (also used by parse-schedule-json.ts)
// ---------------------------------------------------------------------------

/** The raw time fields of one frab event, as the file spells them. */
export type FrabEventTimes = {
  /** Full ISO date-time, normally with offset (<date>, "date"). */
  date: string | null;
  /** Wall-clock "HH:MM" (v1), or a full ISO date-time (schedule.json v2). */
  start: string | null;
  /** Full ISO date-time (schedule.json v2 only). */
  end: string | null;
  /** "HH:MM" or "HH:MM:SS". */
  duration: string | null;
  /** The enclosing day's calendar date (YYYY-MM-DD), if any. */
  dayDate: string | null;
  /** The enclosing day's start and end instants (ISO), if any. */
  dayStart: string | null;
  dayEnd: string | null;
};

/** Which field a problem is about; "day" means the enclosing day's date. */
export type FrabTimeField = "date" | "start" | "end" | "duration" | "day";

export type FrabTimeResult =
  | { ok: true; start: Date; end: Date }
  | { ok: false; field: FrabTimeField; problem: string };

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const TRAILING_OFFSET = /(?:[zZ]|[+-]\d{2}(?::?\d{2})?)$/;
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
const WALL_TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
// Hours are capped at five digits so that start + duration stays inside the
// range a JavaScript Date can hold.
const DURATION = /^(-)?(\d{1,5}):(\d{2})(?::(\d{2}))?$/;

/** Quotes a value from the file for an error message, cut to a readable length. */
export function quoteValue(value: string): string {
  const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
  return JSON.stringify(shown);
}

type InstantResult = { ok: true; instant: Date } | { ok: false; reason: "invalid" | "no-zone" };

function readInstant(value: string, zone: string | null): InstantResult {
  if (!ISO_DATE_TIME.test(value)) return { ok: false, reason: "invalid" };
  // Only the time part may carry an offset; the date part has hyphens too.
  const hasOffset = TRAILING_OFFSET.test(value.slice(value.indexOf("T") + 1));
  if (!hasOffset && zone === null) return { ok: false, reason: "no-zone" };
  // With an offset in the string, the zone argument is never consulted.
  const instant = parseIsoDateTime(value, zone ?? "UTC");
  return instant === null ? { ok: false, reason: "invalid" } : { ok: true, instant };
}

function instantProblem(field: FrabTimeField, value: string, reason: "invalid" | "no-zone"): FrabTimeResult {
  return reason === "invalid"
    ? { ok: false, field, problem: `has an invalid ${field} ${quoteValue(value)} (expected an ISO 8601 date-time)` }
    : {
        ok: false,
        field,
        problem: `has a ${field} without UTC offset (${quoteValue(value)}), and no time zone is known: the file names none and none was given`,
      };
}

function nextCalendarDate(date: string): string | null {
  return DateTime.fromISO(date, { zone: "UTC" }).plus({ days: 1 }).toISODate();
}

function readWallClockStart(times: FrabEventTimes, wallTime: string, zone: string | null): FrabTimeResult | Date {
  const match = WALL_TIME.exec(wallTime);
  const [, hours = "", minutes = "", seconds = "00"] = match ?? [];
  if (match === null || Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59) {
    return { ok: false, field: "start", problem: `has an invalid start ${quoteValue(wallTime)} (expected HH:MM)` };
  }
  const dayDate = nonBlank(times.dayDate);
  if (dayDate === null) {
    return { ok: false, field: "start", problem: `has only a start time (${wallTime}) and no date to go with it` };
  }
  if (!CALENDAR_DATE.test(dayDate)) {
    return { ok: false, field: "day", problem: `is on a day with an invalid date ${quoteValue(dayDate)} (expected YYYY-MM-DD)` };
  }
  if (zone === null) {
    return {
      ok: false,
      field: "start",
      problem: `has only a wall-clock start (${wallTime}), and no time zone is known: the file names none and none was given`,
    };
  }
  const time = `${hours.padStart(2, "0")}:${minutes}:${seconds}`;
  const instant = zonedWallTimeToUtc(dayDate, time, zone);
  if (instant === null) {
    return { ok: false, field: "day", problem: `is on a day with an invalid date ${quoteValue(dayDate)}` };
  }
  return rollPastMidnight(instant, dayDate, time, zone, times);
}

/**
 * A frab "day" runs past midnight: a 01:00 event listed under Saturday happens
 * on Sunday. When the day's start/end are known and the wall-clock reading on
 * the day's date falls before the day starts, but the next date fits inside
 * the day, the next date is meant.
 */
function rollPastMidnight(instant: Date, dayDate: string, time: string, zone: string, times: FrabEventTimes): Date {
  const dayStartText = nonBlank(times.dayStart);
  const dayEndText = nonBlank(times.dayEnd);
  if (dayStartText === null || dayEndText === null) return instant;
  const dayStart = readInstant(dayStartText, zone);
  const dayEnd = readInstant(dayEndText, zone);
  if (!dayStart.ok || !dayEnd.ok || instant >= dayStart.instant) return instant;
  const nextDate = nextCalendarDate(dayDate);
  const rolled = nextDate === null ? null : zonedWallTimeToUtc(nextDate, time, zone);
  return rolled !== null && rolled <= dayEnd.instant ? rolled : instant;
}

function readDuration(value: string): Duration | null {
  const match = DURATION.exec(value);
  if (match === null) return null;
  const [, sign, hours = "0", minutes = "0", seconds = "0"] = match;
  if (Number(minutes) > 59 || Number(seconds) > 59) return null;
  const duration = Duration.fromObject({ hours: Number(hours), minutes: Number(minutes), seconds: Number(seconds) });
  return sign === "-" ? duration.negate() : duration;
}

/**
 * Start and end (UTC) of one frab event. The full date-time wins over the
 * day's date plus wall-clock start; an explicit end wins over the duration.
 * A value that is present but broken is reported, never silently replaced by
 * another field. `zone` must already be a valid IANA zone, or null.
 */
export function resolveFrabEventTimes(times: FrabEventTimes, zone: string | null): FrabTimeResult {
  let start: Date;
  const date = nonBlank(times.date);
  const startText = nonBlank(times.start);
  if (date !== null) {
    const read = readInstant(date, zone);
    if (!read.ok) return instantProblem("date", date, read.reason);
    start = read.instant;
  } else if (startText !== null && ISO_DATE_TIME.test(startText)) {
    const read = readInstant(startText, zone);
    if (!read.ok) return instantProblem("start", startText, read.reason);
    start = read.instant;
  } else if (startText !== null) {
    const wallClock = readWallClockStart(times, startText, zone);
    if (!(wallClock instanceof Date)) return wallClock;
    start = wallClock;
  } else {
    return { ok: false, field: "start", problem: "has no start (neither a date nor a start time)" };
  }

  let end: Date;
  const endText = nonBlank(times.end);
  const durationText = nonBlank(times.duration);
  if (endText !== null) {
    const read = readInstant(endText, zone);
    if (!read.ok) return instantProblem("end", endText, read.reason);
    end = read.instant;
    if (end < start) return { ok: false, field: "end", problem: `ends (${quoteValue(endText)}) before it starts` };
  } else if (durationText !== null) {
    const duration = readDuration(durationText);
    if (duration === null) {
      return { ok: false, field: "duration", problem: `has an invalid duration ${quoteValue(durationText)} (expected HH:MM or HH:MM:SS)` };
    }
    // Durations are elapsed time: a session across a DST change keeps its length.
    const computed = DateTime.fromJSDate(start, { zone: "UTC" }).plus(duration);
    if (!computed.isValid) {
      return { ok: false, field: "duration", problem: `has a duration too long to be real (${quoteValue(durationText)})` };
    }
    end = computed.toJSDate();
    if (end < start) {
      return { ok: false, field: "duration", problem: `ends before it starts (negative duration ${quoteValue(durationText)})` };
    }
  } else {
    return { ok: false, field: "duration", problem: "has no duration" };
  }
  return { ok: true, start, end };
}

/**
 * frab keeps the teaser (abstract) and the long text (description) apart; the
 * planner shows one text, so they become paragraphs, led by the subtitle.
 * pretalx often repeats the abstract as the description; that is shown once.
 */
export function joinFrabAbstract(subtitle: string | null, abstract: string | null, description: string | null): string {
  const paragraphs: string[] = [];
  for (const part of [subtitle, abstract, description]) {
    const normalized = (part ?? "").replace(/\r\n?/g, "\n").trim();
    if (normalized !== "" && !paragraphs.includes(normalized)) paragraphs.push(normalized);
  }
  return paragraphs.join("\n\n");
}

/** frab's <type> is free text ("Talk", "Workshop"); the planner wants a lower-case kind. */
export function frabKind(type: string | null): string {
  const kind = (type ?? "").trim().toLowerCase();
  return kind === "" ? "talk" : kind;
}

/** Trimmed text, or null when blank: the parsed model has no empty names. */
export function nonBlank(value: string | null | undefined): string | null {
  const trimmed = (value ?? "").trim();
  return trimmed === "" ? null : trimmed;
}

/** Strips a UTF-8 byte-order mark that editors on Windows like to add. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** 1-based line number of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let index = text.indexOf("\n"); index !== -1 && index < end; index = text.indexOf("\n", index + 1)) line += 1;
  return line;
}

// ---------------------------------------------------------------------------
// XML reading
// ---------------------------------------------------------------------------

const ATTRIBUTES = "@";
const TEXT = "#text";
// The library's typings declare the wrapper type Symbol; at run time it is a symbol.
const METADATA = XMLParser.getMetaDataSymbol() as unknown as symbol;

type XmlNode = Record<string, unknown>;

const XML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/**
 * Decodes entities in one pass, so "&amp;#228;" stays the literal "&#228;"
 * and entities declared in a DOCTYPE cannot expand into further entities.
 * Numeric character references are decoded too (the library's default
 * decoder leaves them alone unless HTML entities are switched on).
 */
function createEntityDecoder(): EntityDecoderOptions {
  let declared = new Map<string, string>();
  return {
    setExternalEntities: () => undefined,
    addInputEntities: (entities) => {
      for (const [name, value] of Object.entries(entities)) {
        if (typeof value === "string") declared.set(name, value);
      }
    },
    reset: () => {
      declared = new Map();
    },
    setXmlVersion: () => undefined,
    decode: (text) =>
      text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z_][\w.-]*);/g, (whole, name: string) => {
        if (name.startsWith("#")) {
          const codePoint = name.startsWith("#x") ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
          const allowed = codePoint > 0 && codePoint <= 0x10ffff && !(codePoint >= 0xd800 && codePoint <= 0xdfff);
          return allowed ? String.fromCodePoint(codePoint) : whole;
        }
        return XML_ENTITIES[name] ?? declared.get(name) ?? whole;
      }),
  };
}

function createXmlParser(): XMLParser {
  return new XMLParser({
    ignoreAttributes: false,
    attributesGroupName: ATTRIBUTES,
    attributeNamePrefix: "",
    textNodeName: TEXT,
    // Keep every value a string: "0042" is an id and "10:30" a time, not numbers.
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    captureMetaData: true,
    entityDecoder: createEntityDecoder(),
  });
}

function asNode(value: unknown): XmlNode | null {
  if (Array.isArray(value)) return asNode(value[0]);
  return typeof value === "object" && value !== null ? (value as XmlNode) : null;
}

function childValue(node: XmlNode | null, name: string): unknown {
  return node !== null && Object.hasOwn(node, name) ? node[name] : undefined;
}

/** The library gives one child as a value and repeated children as an array. */
function children(node: XmlNode | null, name: string): unknown[] {
  const value = childValue(node, name);
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function textOf(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return textOf(value[0]);
  const node = asNode(value);
  return node === null ? null : textOf(childValue(node, TEXT));
}

function childText(node: XmlNode | null, name: string): string | null {
  return textOf(childValue(node, name));
}

function attribute(node: XmlNode | null, name: string): string | null {
  const attributes = asNode(childValue(node, ATTRIBUTES));
  const value = childValue(attributes, name);
  return typeof value === "string" ? value : null;
}

function span(node: XmlNode | null): { start: number; end: number } | null {
  if (node === null) return null;
  const metadata: unknown = Reflect.get(node, METADATA);
  if (typeof metadata !== "object" || metadata === null) return null;
  const start: unknown = Reflect.get(metadata, "startIndex");
  const end: unknown = Reflect.get(metadata, "endIndex");
  if (typeof start !== "number") return null;
  return { start, end: typeof end === "number" ? end : start };
}

type Where = { line?: number; field?: string };

/**
 * Where to point the user: the line of the child element `tag` inside the
 * node when it can be found, else the node's own line, else its path.
 */
function locate(source: string, node: XmlNode | null, path: string, tag?: string): Where {
  const range = span(node);
  if (range === null) return { field: path };
  if (tag !== undefined) {
    const pattern = new RegExp(`<${tag}(?=[\\s/>])`, "g");
    pattern.lastIndex = range.start + 1;
    const match = pattern.exec(source);
    if (match !== null && match.index <= range.end) return { line: lineAt(source, match.index) };
  }
  return { line: lineAt(source, range.start) };
}

/** Cheap sniff: XML whose root element is <schedule>. */
export function looksLikeFrabXml(text: string): boolean {
  // Skip what may precede the root: declaration, comments, DOCTYPE, whitespace.
  const prolog = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>)*/y;
  const source = stripBom(text).slice(0, 65_536);
  prolog.lastIndex = 0;
  const match = prolog.exec(source);
  const rest = source.slice(match === null ? 0 : match[0].length);
  return /^<schedule[\s/>]/.test(rest);
}

function readDocument(source: string, fileName: string): unknown {
  const validation = XMLValidator.validate(source);
  if (validation !== true) {
    throw parseError(fileName, `not well-formed XML: ${validation.err.msg}`, { line: validation.err.line });
  }
  try {
    return createXmlParser().parse(source);
  } catch (error) {
    // The validator passed, so this is one of the parser's own guards
    // (reserved names such as __proto__, entity limits); point at the name.
    const message = error instanceof Error ? error.message : String(error);
    const named = /"([^"]+)"/.exec(message)?.[1];
    const offset = named === undefined ? -1 : source.indexOf(named);
    throw parseError(
      fileName,
      `could not be read as XML: ${message}`,
      offset === -1 ? { field: "document" } : { line: lineAt(source, offset) },
    );
  }
}

function findScheduleRoot(document: unknown, source: string, fileName: string): XmlNode {
  const roots = typeof document === "object" && document !== null ? Object.keys(document) : [];
  const firstElement = /<(?![?!])/.exec(source);
  const rootLine = { line: firstElement === null ? 1 : lineAt(source, firstElement.index) };
  if (roots.length !== 1 || roots[0] !== "schedule") {
    const found = roots.length === 0 ? "no element" : roots.map((name) => `<${name}>`).join(", ");
    throw parseError(fileName, `not a frab schedule: expected a single <schedule> root element, found ${found}`, rootLine);
  }
  const value = childValue(document as XmlNode, "schedule");
  if (Array.isArray(value)) {
    throw parseError(fileName, "not a frab schedule: expected a single <schedule> root element", rootLine);
  }
  // <schedule/> or <schedule>text</schedule> has no children at all.
  return asNode(value) ?? {};
}

type Conference = ParsedProgram["conference"];

function readConference(schedule: XmlNode, source: string, options: ParseOptions): { conference: Conference; zone: string | null } {
  const { fileName } = options;
  const node = asNode(childValue(schedule, "conference"));
  const path = "/schedule/conference";
  const acronym = nonBlank(childText(node, "acronym"));
  const title = nonBlank(childText(node, "title")) ?? acronym;
  if (title === null) {
    throw parseError(fileName, "the schedule has no conference <title>", locate(source, node ?? schedule, path));
  }
  const named = nonBlank(childText(node, "time_zone_name"));
  if (named !== null && !isValidTimeZone(named)) {
    throw parseError(
      fileName,
      `unknown time zone ${quoteValue(named)} in <time_zone_name> (expected an IANA name such as Europe/Berlin)`,
      locate(source, node, path, "time_zone_name"),
    );
  }
  const given = nonBlank(options.timeZone);
  if (named === null && given !== null && !isValidTimeZone(given)) {
    throw parseError(fileName, `unknown time zone ${quoteValue(given)} (expected an IANA name such as Europe/Berlin)`, {
      field: "timeZone option",
    });
  }
  return {
    conference: { title, subtitle: nonBlank(childText(node, "subtitle")), acronym, timeZone: named },
    zone: named ?? given,
  };
}


type EventContext = {
  source: string;
  fileName: string;
  zone: string | null;
  day: XmlNode;
  dayPath: string;
  roomName: string | null;
};

function readSpeakers(event: XmlNode): ParsedSpeaker[] {
  const speakers: ParsedSpeaker[] = [];
  for (const persons of children(event, "persons")) {
    for (const person of children(asNode(persons), "person")) {
      const name = nonBlank(textOf(person));
      if (name !== null) speakers.push({ name, organization: null });
    }
  }
  return speakers;
}

function readEvent(value: unknown, path: string, context: EventContext): ParsedSession {
  const { source, fileName } = context;
  const event = asNode(value);
  const externalId = nonBlank(attribute(event, "guid")) ?? nonBlank(attribute(event, "id"));
  if (event === null || externalId === null) {
    throw parseError(fileName, "event has neither a guid nor an id attribute", locate(source, event, path));
  }
  const label = `event ${quoteValue(externalId)}`;
  const title = nonBlank(childText(event, "title"));
  if (title === null) throw parseError(fileName, `${label} has no <title>`, locate(source, event, path, "title"));

  const times = resolveFrabEventTimes(
    {
      date: childText(event, "date"),
      start: childText(event, "start"),
      end: null,
      duration: childText(event, "duration"),
      dayDate: attribute(context.day, "date"),
      dayStart: attribute(context.day, "start"),
      dayEnd: attribute(context.day, "end"),
    },
    context.zone,
  );
  if (!times.ok) {
    const where =
      times.field === "day" ? locate(source, context.day, context.dayPath) : locate(source, event, path, times.field);
    throw parseError(fileName, `${label} ${times.problem}`, where);
  }

  return {
    externalId,
    title,
    abstract: joinFrabAbstract(childText(event, "subtitle"), childText(event, "abstract"), childText(event, "description")),
    start: times.start,
    end: times.end,
    room: nonBlank(childText(event, "room")) ?? context.roomName,
    track: nonBlank(childText(event, "track")),
    kind: frabKind(childText(event, "type")),
    speakers: readSpeakers(event),
    url: nonBlank(childText(event, "url")),
  };
}

export function parseFrabXml(text: string, options: ParseOptions): ParsedProgram {
  const { fileName } = options;
  const source = stripBom(text);
  const schedule = findScheduleRoot(readDocument(source, fileName), source, fileName);
  const { conference, zone } = readConference(schedule, source, options);

  const sessions: ParsedSession[] = [];
  const firstSeen = new Map<string, { node: XmlNode | null; path: string }>();
  children(schedule, "day").forEach((dayValue, dayIndex) => {
    const day = asNode(dayValue) ?? {};
    const dayPath = `/schedule/day[${dayIndex + 1}]`;
    children(day, "room").forEach((roomValue, roomIndex) => {
      const room = asNode(roomValue);
      const roomPath = `${dayPath}/room[${roomIndex + 1}]`;
      const context: EventContext = { source, fileName, zone, day, dayPath, roomName: nonBlank(attribute(room, "name")) };
      children(room, "event").forEach((eventValue, eventIndex) => {
        const path = `${roomPath}/event[${eventIndex + 1}]`;
        const session = readEvent(eventValue, path, context);
        const earlier = firstSeen.get(session.externalId);
        if (earlier !== undefined) {
          // The importer keys sessions by externalId; two events with one id would overwrite each other.
          const first = locate(source, earlier.node, earlier.path);
          const firstAt = first.line === undefined ? earlier.path : `line ${first.line}`;
          throw parseError(
            fileName,
            `event ${quoteValue(session.externalId)} appears twice (first at ${firstAt})`,
            locate(source, asNode(eventValue), path),
          );
        }
        firstSeen.set(session.externalId, { node: asNode(eventValue), path });
        sessions.push(session);
      });
    });
  });

  return { format: "frab-xml", conference, sessions };
}
