import { DateTime, Duration } from "luxon";
import { parseError } from "@/lib/program/parse-error";
import type { ParseOptions } from "@/lib/program/parsed-program";
import { nonBlank, normalizeText, quoteValue } from "@/lib/program/source-text";
import { isValidTimeZone, parseIsoDateTime, zonedWallTimeToUtc } from "@/lib/program/zoned-time";

/**
 * The frab event model's rules, shared by the frab / Pentabarf XML parser
 * (parse-frab-xml.ts) and the c3voc schedule.json parser
 * (parse-schedule-json.ts): schedule.json is the same data model spelled in
 * JSON, so a time, a text or a kind must come out the same from either.
 */

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

type FrabTimeProblem = { ok: false; field: FrabTimeField; problem: string };

export type FrabTimeResult = { ok: true; start: Date; end: Date } | FrabTimeProblem;

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const TRAILING_OFFSET = /(?:[zZ]|[+-]\d{2}(?::?\d{2})?)$/;
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
const WALL_TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
// Hours are capped at five digits so that start + duration stays inside the
// range a JavaScript Date can hold.
const DURATION = /^(-)?(\d{1,5}):(\d{2})(?::(\d{2}))?$/;

const IANA_HINT = "(expected an IANA name such as Europe/Berlin)";

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

/** A full date-time field of the event; a problem names that field. */
function readInstantField(field: FrabTimeField, value: string, zone: string | null): Date | FrabTimeProblem {
  const read = readInstant(value, zone);
  if (read.ok) return read.instant;
  return read.reason === "invalid"
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

function readWallClockStart(times: FrabEventTimes, wallTime: string, zone: string | null): Date | FrabTimeProblem {
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

/** The full date-time wins over the day's date plus wall-clock start. */
function readStart(times: FrabEventTimes, zone: string | null): Date | FrabTimeProblem {
  const date = nonBlank(times.date);
  if (date !== null) return readInstantField("date", date, zone);
  const start = nonBlank(times.start);
  if (start === null) return { ok: false, field: "start", problem: "has no start (neither a date nor a start time)" };
  return ISO_DATE_TIME.test(start) ? readInstantField("start", start, zone) : readWallClockStart(times, start, zone);
}

/** An explicit end wins over the duration. */
function readEnd(times: FrabEventTimes, start: Date, zone: string | null): Date | FrabTimeProblem {
  const endText = nonBlank(times.end);
  if (endText !== null) {
    const end = readInstantField("end", endText, zone);
    if (end instanceof Date && end < start) {
      return { ok: false, field: "end", problem: `ends (${quoteValue(endText)}) before it starts` };
    }
    return end;
  }
  const durationText = nonBlank(times.duration);
  if (durationText === null) return { ok: false, field: "duration", problem: "has no duration" };
  const duration = readDuration(durationText);
  if (duration === null) {
    return { ok: false, field: "duration", problem: `has an invalid duration ${quoteValue(durationText)} (expected HH:MM or HH:MM:SS)` };
  }
  // Durations are elapsed time: a session across a DST change keeps its length.
  const computed = DateTime.fromJSDate(start, { zone: "UTC" }).plus(duration);
  if (!computed.isValid) {
    return { ok: false, field: "duration", problem: `has a duration too long to be real (${quoteValue(durationText)})` };
  }
  const end = computed.toJSDate();
  if (end < start) {
    return { ok: false, field: "duration", problem: `ends before it starts (negative duration ${quoteValue(durationText)})` };
  }
  return end;
}

/**
 * Start and end (UTC) of one frab event. A value that is present but broken
 * is reported, never silently replaced by another field. `zone` must already
 * be a valid IANA zone, or null.
 */
export function resolveFrabEventTimes(times: FrabEventTimes, zone: string | null): FrabTimeResult {
  const start = readStart(times, zone);
  if (!(start instanceof Date)) return start;
  const end = readEnd(times, start, zone);
  if (!(end instanceof Date)) return end;
  return { ok: true, start, end };
}

/**
 * The zone a schedule's zone-less times are read in: the file's own
 * time_zone_name, else the one the caller gave. The caller's is checked only
 * when it is used, so a file that names its zone never fails on the option.
 * `named` is the file's (already trimmed) name; `namedAt` says where the
 * file spells it, for the error.
 */
export function resolveFrabTimeZone(
  named: string | null,
  options: ParseOptions,
  namedAt: { element?: string; where: () => { line?: number; field?: string } },
): string | null {
  if (named !== null && !isValidTimeZone(named)) {
    const element = namedAt.element === undefined ? "" : ` in ${namedAt.element}`;
    throw parseError(options.fileName, `unknown time zone ${quoteValue(named)}${element} ${IANA_HINT}`, namedAt.where());
  }
  const given = nonBlank(options.timeZone);
  if (named === null && given !== null && !isValidTimeZone(given)) {
    throw parseError(options.fileName, `unknown time zone ${quoteValue(given)} ${IANA_HINT}`, { field: "timeZone option" });
  }
  return named ?? given;
}

/**
 * frab keeps the teaser (abstract) and the long text (description) apart; the
 * planner shows one text, so they become paragraphs, led by the subtitle.
 * pretalx often repeats the abstract as the description; that is shown once.
 */
export function joinFrabAbstract(subtitle: string | null, abstract: string | null, description: string | null): string {
  const paragraphs: string[] = [];
  for (const part of [subtitle, abstract, description]) {
    const normalized = normalizeText(part ?? "");
    if (normalized !== "" && !paragraphs.includes(normalized)) paragraphs.push(normalized);
  }
  return paragraphs.join("\n\n");
}

/** frab's <type> is free text ("Talk", "Workshop"); the planner wants a lower-case kind. */
export function frabKind(type: string | null): string {
  const kind = (type ?? "").trim().toLowerCase();
  return kind === "" ? "talk" : kind;
}
