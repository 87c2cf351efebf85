import { DateTime, type DateObjectUnits } from "luxon";
import { parseError } from "@/lib/program/parse-error";
import type { ParsedProgram, ParsedSession, ParseOptions } from "@/lib/program/parsed-program";
import { fileStem, nonBlank, normalizeText, quoteValue, stripBom } from "@/lib/program/source-text";
import { assertTimeZone, isValidTimeZone } from "@/lib/program/zoned-time";

/**
 * Reads an iCalendar (RFC 5545) file as a program: one session per VEVENT.
 *
 * Deliberately not handled (a conference program does not need them):
 * - all-day events (DTSTART;VALUE=DATE) are skipped: they are day markers
 *   ("Conference day 1", "Registration open"), not sessions with a time slot;
 * - STATUS:CANCELLED events are skipped: they are not part of the program;
 * - VTIMEZONE definitions are not evaluated: TZID must be an IANA name, which
 *   is what every calendar tool that exports conference programs writes;
 * - RRULE/RDATE/EXDATE are ignored (a session happens once) and a repeated UID
 *   (RECURRENCE-ID overrides) is an error, because re-imports match on UID;
 * - speakers: iCalendar has no speaker property, so sessions have none.
 */

export type IcsProperty = {
  /** Upper-cased, e.g. "DTSTART". */
  name: string;
  /** Upper-cased parameter names → values, unquoted. */
  params: Map<string, string[]>;
  /** Raw value: TEXT escapes are still in place (see unescapeText). */
  value: string;
  /** 1-based physical line where the (unfolded) content line starts. */
  line: number;
};

export type IcsComponent = {
  name: string;
  line: number;
  properties: IcsProperty[];
  components: IcsComponent[];
};

/** True when the text starts (after a BOM and whitespace) with BEGIN:VCALENDAR. */
export function looksLikeIcs(text: string): boolean {
  return /^BEGIN:VCALENDAR[ \t]*(?:\r|\n|$)/i.test(stripBom(text).trimStart().slice(0, 40));
}

export function parseIcs(text: string, options: ParseOptions): ParsedProgram {
  const { fileName } = options;
  const optionZone =
    options.timeZone !== undefined && options.timeZone.trim() !== ""
      ? assertTimeZone(options.timeZone.trim(), `${fileName}: --timezone`)
      : null;

  const calendars = readIcs(text, fileName);
  let title: string | null = null;
  let conferenceZone: string | null = null;
  const sessions: ParsedSession[] = [];
  const seenUids = new Map<string, number>();

  for (const calendar of calendars) {
    const calName = firstProperty(calendar, "X-WR-CALNAME");
    if (title === null && calName) title = nonBlank(unescapeText(calName.value));
    const wrZone = firstProperty(calendar, "X-WR-TIMEZONE");
    const calendarZone = wrZone && isValidTimeZone(wrZone.value.trim()) ? wrZone.value.trim() : null;
    conferenceZone ??= calendarZone;
    const floatingZone = optionZone ?? calendarZone;

    for (const event of calendar.components) {
      if (event.name !== "VEVENT") continue;
      const session = readEvent(event, floatingZone, fileName);
      if (session === null) continue;
      const firstLine = seenUids.get(session.externalId);
      if (firstLine !== undefined) {
        const uid = JSON.stringify(session.externalId);
        throw parseError(fileName, `duplicate UID ${uid} (first used by the event at line ${firstLine})`, {
          line: event.line,
        });
      }
      seenUids.set(session.externalId, event.line);
      sessions.push(session);
    }
  }

  return {
    format: "ics",
    conference: {
      title: title ?? fileStem(fileName),
      subtitle: null,
      acronym: null,
      timeZone: conferenceZone,
    },
    sessions,
  };
}

/**
 * The content-line reader: unfolds, splits name;params:value and builds the
 * BEGIN/END tree. Returns the VCALENDAR objects (a file may hold several).
 */
export function readIcs(text: string, fileName: string): IcsComponent[] {
  const lines = unfold(text, fileName);
  const first = lines[0];
  if (first === undefined) throw parseError(fileName, "not an iCalendar file: it is empty", { line: 1 });
  if (!/^BEGIN:VCALENDAR[ \t]*$/i.test(first.text)) {
    throw parseError(fileName, "not an iCalendar file: expected BEGIN:VCALENDAR", { line: first.line });
  }

  const roots: IcsComponent[] = [];
  const stack: IcsComponent[] = [];
  for (const { text: content, line } of lines) {
    const property = parseContentLine(content, line, fileName);
    if (property.name === "BEGIN") {
      const name = property.value.trim().toUpperCase();
      if (name === "") throw parseError(fileName, "BEGIN without a component name", { line });
      if (stack.length === 0 && name !== "VCALENDAR") {
        throw parseError(fileName, `not an iCalendar file: expected BEGIN:VCALENDAR, found BEGIN:${name}`, { line });
      }
      const component: IcsComponent = { name, line, properties: [], components: [] };
      const parent = stack[stack.length - 1];
      if (parent) parent.components.push(component);
      else roots.push(component);
      stack.push(component);
    } else if (property.name === "END") {
      const name = property.value.trim().toUpperCase();
      const open = stack.pop();
      if (open === undefined) throw parseError(fileName, `END:${name} without a matching BEGIN`, { line });
      if (open.name !== name) {
        throw parseError(fileName, `END:${name} does not close BEGIN:${open.name} (line ${open.line})`, { line });
      }
    } else {
      const current = stack[stack.length - 1];
      if (current === undefined) {
        throw parseError(
          fileName,
          roots.length === 0
            ? `not an iCalendar file: expected BEGIN:VCALENDAR, found ${property.name}`
            : `${property.name} after END:VCALENDAR`,
          { line },
        );
      }
      current.properties.push(property);
    }
  }
  const unclosed = stack[stack.length - 1];
  if (unclosed) {
    throw parseError(fileName, `BEGIN:${unclosed.name} is never closed with END:${unclosed.name}`, {
      line: unclosed.line,
    });
  }
  return roots;
}

type ContentLine = { text: string; line: number };

/** RFC 5545 §3.1: a line break followed by one space or tab continues the previous line. */
function unfold(text: string, fileName: string): ContentLine[] {
  const physical = stripBom(text).split(/\r\n|\n|\r/);
  const out: ContentLine[] = [];
  physical.forEach((raw, index) => {
    const first = raw[0];
    if (first === " " || first === "\t") {
      const previous = out[out.length - 1];
      if (previous === undefined) {
        throw parseError(fileName, "continuation line (starting with a space) with no line to continue", {
          line: index + 1,
        });
      }
      previous.text += raw.slice(1);
      return;
    }
    // Blank lines are not allowed by the RFC but common at the end of files.
    if (raw.trim() === "") return;
    out.push({ text: raw, line: index + 1 });
  });
  return out;
}

const NAME = /[A-Za-z0-9-]+/y;

/** name *(";" param) ":" value, where a quoted param value may hold ; : and , */
function parseContentLine(content: string, line: number, fileName: string): IcsProperty {
  NAME.lastIndex = 0;
  const nameMatch = NAME.exec(content);
  if (nameMatch === null) {
    throw parseError(fileName, `malformed content line ${quoteValue(content)} (expected NAME:value)`, {
      line,
    });
  }
  const name = nameMatch[0].toUpperCase();
  const params = new Map<string, string[]>();
  let i = nameMatch[0].length;

  while (content[i] === ";") {
    NAME.lastIndex = i + 1;
    const paramMatch = NAME.exec(content);
    if (paramMatch === null || content[i + 1 + paramMatch[0].length] !== "=") {
      throw parseError(fileName, `malformed parameter in ${name} (expected ;NAME=value)`, { line });
    }
    const paramName = paramMatch[0].toUpperCase();
    i += 1 + paramMatch[0].length + 1;
    const values: string[] = [];
    for (;;) {
      if (content[i] === '"') {
        const close = content.indexOf('"', i + 1);
        if (close < 0) {
          throw parseError(fileName, `unterminated quoted value of parameter ${paramName} in ${name}`, { line });
        }
        values.push(unescapeParam(content.slice(i + 1, close)));
        i = close + 1;
      } else {
        let end = i;
        while (end < content.length && !";:,".includes(content[end] ?? "")) end++;
        values.push(unescapeParam(content.slice(i, end)));
        i = end;
      }
      if (content[i] !== ",") break;
      i++;
    }
    params.set(paramName, [...(params.get(paramName) ?? []), ...values]);
  }

  if (content[i] !== ":") {
    throw parseError(fileName, `malformed content line for ${name} (expected ':' before the value)`, { line });
  }
  return { name, params, value: content.slice(i + 1), line };
}

/** RFC 6868 caret escapes in parameter values. */
function unescapeParam(value: string): string {
  return value.replace(/\^(['n^])/g, (_all, c: string) => (c === "n" ? "\n" : c === "'" ? '"' : "^"));
}

/** TEXT values (RFC 5545 §3.3.11): \n \N \, \; \\ ; other escaped characters stand for themselves. */
export function unescapeText(value: string): string {
  return value.replace(/\\(.)/gs, (_all, c: string) => (c === "n" || c === "N" ? "\n" : c));
}

/** Splits a multi-valued TEXT property on commas that are not escaped. */
function splitTextList(value: string): string[] {
  const parts: string[] = [];
  let current = "";
  for (let i = 0; i < value.length; i++) {
    const c = value[i] ?? "";
    if (c === "\\" && i + 1 < value.length) {
      current += c + (value[i + 1] ?? "");
      i++;
    } else if (c === ",") {
      parts.push(current);
      current = "";
    } else {
      current += c;
    }
  }
  parts.push(current);
  return parts.map(unescapeText);
}

function readEvent(event: IcsComponent, floatingZone: string | null, fileName: string): ParsedSession | null {
  const status = firstProperty(event, "STATUS");
  if (status && status.value.trim().toUpperCase() === "CANCELLED") return null;

  const uid = single(event, "UID", fileName);
  const externalId = uid ? nonBlank(uid.value) : null;
  if (externalId === null) throw parseError(fileName, "event has no UID", { line: uid?.line ?? event.line });
  const label = `event ${JSON.stringify(externalId)}`;

  const dtstart = single(event, "DTSTART", fileName);
  if (dtstart === undefined) throw parseError(fileName, `${label} has no DTSTART`, { line: event.line });
  const start = readDateTimeProperty(dtstart, floatingZone, fileName, label);
  if (start === "all-day") return null;

  const dtend = single(event, "DTEND", fileName);
  const duration = single(event, "DURATION", fileName);
  if (dtend && duration) {
    throw parseError(fileName, `${label} has both DTEND and DURATION`, { line: duration.line });
  }
  let end: Date;
  if (dtend) {
    const value = readDateTimeProperty(dtend, floatingZone, fileName, label);
    if (value === "all-day") {
      throw parseError(fileName, `${label}: DTEND is a date but DTSTART is a date-time`, { line: dtend.line });
    }
    end = value.instant;
    if (end.getTime() < start.instant.getTime()) {
      throw parseError(fileName, `${label}: DTEND ${dtend.value.trim()} is before DTSTART ${dtstart.value.trim()}`, {
        line: dtend.line,
      });
    }
  } else if (duration) {
    end = addDuration(start, duration, fileName, label);
  } else {
    // RFC 5545 §3.6.1: a date-time DTSTART without DTEND/DURATION ends when it starts.
    end = start.instant;
  }

  const summary = firstProperty(event, "SUMMARY");
  const title = summary ? nonBlank(unescapeText(summary.value)) : null;
  if (title === null) {
    throw parseError(fileName, `${label} has no SUMMARY (title)`, { line: summary?.line ?? event.line });
  }

  const description = firstProperty(event, "DESCRIPTION");
  const location = firstProperty(event, "LOCATION");
  const categories = firstProperty(event, "CATEGORIES");
  const url = firstProperty(event, "URL");

  return {
    externalId,
    title,
    abstract: description ? normalizeText(unescapeText(description.value)) : "",
    start: start.instant,
    end,
    room: location ? nonBlank(unescapeText(location.value)) : null,
    track: categories ? nonBlank(splitTextList(categories.value)[0]) : null,
    kind: "talk",
    speakers: [],
    url: url ? nonBlank(url.value) : null,
  };
}

type EventTime = { instant: Date; zone: string };

const DATE_TIME = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/;
const DATE = /^(\d{4})(\d{2})(\d{2})$/;

function readDateTimeProperty(
  property: IcsProperty,
  floatingZone: string | null,
  fileName: string,
  label: string,
): EventTime | "all-day" {
  const value = property.value.trim();
  const valueType = property.params.get("VALUE")?.[0]?.toUpperCase();
  const bad = (why: string) =>
    parseError(fileName, `${label}: bad ${property.name} value ${quoteValue(value)} (${why})`, {
      line: property.line,
    });

  if (valueType === "DATE" || (valueType === undefined && DATE.test(value))) {
    const parts = DATE.exec(value);
    if (parts === null || !DateTime.fromObject(dateParts(parts), { zone: "UTC" }).isValid) {
      throw bad("expected a date such as 20190402");
    }
    return "all-day";
  }
  if (valueType !== undefined && valueType !== "DATE-TIME") throw bad(`unsupported VALUE=${valueType}`);

  const parts = DATE_TIME.exec(value);
  if (parts === null) throw bad("expected a date-time such as 20190402T143000Z");
  const wall = {
    ...dateParts(parts),
    hour: Number(parts[4]),
    minute: Number(parts[5]),
    second: Number(parts[6]),
  };

  let zone: string;
  if (parts[7] === "Z") {
    zone = "UTC";
  } else {
    const tzid = property.params.get("TZID")?.[0]?.trim();
    if (tzid !== undefined) {
      if (!isValidTimeZone(tzid)) {
        throw parseError(
          fileName,
          `${label}: unknown TZID ${JSON.stringify(tzid)} in ${property.name} ` +
            "(expected an IANA name such as America/New_York)",
          { line: property.line },
        );
      }
      zone = tzid;
    } else if (floatingZone !== null) {
      zone = floatingZone;
    } else {
      throw parseError(
        fileName,
        `${label}: ${property.name} ${value} has no time zone (no Z, no TZID) and the calendar names none; ` +
          "give --timezone",
        { line: property.line },
      );
    }
  }

  const instant = wallTimeToInstant(wall, zone);
  if (instant === null) throw bad("not a valid date-time");
  return { instant, zone };
}

function dateParts(parts: RegExpExecArray): { year: number; month: number; day: number } {
  return { year: Number(parts[1]), month: Number(parts[2]), day: Number(parts[3]) };
}

/**
 * RFC 5545 §3.3.5: a wall time that occurs twice (clocks falling back) means
 * the first occurrence; one skipped by a spring-forward gap is read with the
 * offset before the gap. luxon does the latter by itself but picks the second
 * occurrence of a repeated time, so the earliest of its candidates is taken.
 */
function wallTimeToInstant(wall: DateObjectUnits, zone: string): Date | null {
  const dt = DateTime.fromObject(wall, { zone });
  if (!dt.isValid) return null;
  const earliest = dt
    .getPossibleOffsets()
    .reduce((best, candidate) => (candidate.toMillis() < best.toMillis() ? candidate : best), dt);
  return earliest.toUTC().toJSDate();
}

const DURATION = /^([+-])?P(?:(\d+)W|(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?)$/;

/**
 * DURATION (RFC 5545 §3.3.6): weeks and days are nominal (a day across a DST
 * change is 23 or 25 hours), hours/minutes/seconds are exact; luxon's plus()
 * in the event's zone has the same semantics.
 */
function addDuration(start: EventTime, property: IcsProperty, fileName: string, label: string): Date {
  const value = property.value.trim().toUpperCase();
  const parts = DURATION.exec(value);
  const bad = (why: string) =>
    parseError(fileName, `${label}: bad DURATION ${quoteValue(property.value.trim())} (${why})`, {
      line: property.line,
    });
  if (parts === null || value.endsWith("P") || value.endsWith("T")) throw bad("expected e.g. PT40M or PT1H30M");
  if (parts[1] === "-") throw bad("a session cannot end before it starts");
  const amount = (part: string | undefined) => (part === undefined ? 0 : Number(part));
  // Ten years of minutes is already absurd for a session; bigger numbers only overflow.
  if (parts.slice(2).some((part) => amount(part) > 10_000_000)) throw bad("out of range");
  const end = DateTime.fromJSDate(start.instant, { zone: start.zone }).plus({
    weeks: amount(parts[2]),
    days: amount(parts[3]),
    hours: amount(parts[4]),
    minutes: amount(parts[5]),
    seconds: amount(parts[6]),
  });
  if (!end.isValid || !Number.isFinite(end.toMillis())) throw bad("out of range");
  const instant = end.toUTC().toJSDate();
  if (Number.isNaN(instant.getTime())) throw bad("out of range");
  return instant;
}

function firstProperty(component: IcsComponent, name: string): IcsProperty | undefined {
  return component.properties.find((property) => property.name === name);
}

/** Properties that decide identity and time must not be ambiguous. */
function single(component: IcsComponent, name: string, fileName: string): IcsProperty | undefined {
  const matches = component.properties.filter((property) => property.name === name);
  const second = matches[1];
  if (second) {
    const firstLine = matches[0]?.line ?? component.line;
    throw parseError(fileName, `event has more than one ${name} (first at line ${firstLine})`, { line: second.line });
  }
  return matches[0];
}
