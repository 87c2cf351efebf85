import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ZParsedProgram, type ParsedProgram } from "@/lib/program/parsed-program";
import { looksLikeIcs, parseIcs, readIcs, unescapeText } from "@/lib/program/parse-ics";
import {
  applyTextMutation,
  assertMutantsParseOrReject,
  assertParsesOrRejects,
  expectInvalid,
  parsesOrRejects,
  readFixture,
  replacementText,
  sessionById,
  textMutation,
  type ParserContract,
} from "../support/parser-properties";

const FILE = "program.ics";
const program = readFixture("program.ics");
const dst = readFixture("program-dst.ics");

function parse(text: string, timeZone?: string, fileName = FILE): ParsedProgram {
  return parseIcs(text, timeZone === undefined ? { fileName } : { fileName, timeZone });
}

/** A minimal calendar around the given VEVENT body lines. */
function calendar(...eventLines: string[]): string {
  return ["BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", ...eventLines, "END:VEVENT", "END:VCALENDAR", ""].join("\r\n");
}

describe("parseIcs on program.ics", () => {
  const parsed = parse(program);

  it("is a valid program with the calendar's name and zone", () => {
    expect(program).toContain("\r\n");
    expect(() => ZParsedProgram.parse(parsed)).not.toThrow();
    expect(parsed.format).toBe("ics");
    expect(parsed.conference).toEqual({
      title: "Infra Summit NYC 2019",
      subtitle: null,
      acronym: null,
      timeZone: "America/New_York",
    });
  });

  it("skips the all-day event and the cancelled one", () => {
    expect(parsed.sessions.map((s) => s.externalId)).toEqual([
      "talk-101@infrasummit.example.org",
      "talk-102@infrasummit.example.org",
      "workshop-201@infrasummit.example.org",
      "talk-103@infrasummit.example.org",
    ]);
  });

  it("reads a UTC event with folded, escaped text completely", () => {
    expect(sessionById(parsed, "talk-101@infrasummit.example.org")).toEqual({
      externalId: "talk-101@infrasummit.example.org",
      title: "Observability, tracing, and the art of asking good questions",
      abstract:
        "Dashboards tell you that something is wrong; traces tell you where. This talk walks through instrumenting a fleet of services, picking sampling rates, and keeping cardinality under control.\n\nNo prior experience with OpenTelemetry required. Paths like C:\\traces are Windows-only.",
      start: new Date("2019-04-02T14:30:00Z"),
      end: new Date("2019-04-02T15:10:00Z"),
      room: "Room A, 2nd floor",
      track: "Observability",
      kind: "talk",
      speakers: [],
      url: "https://infrasummit.example.org/talks/101",
    });
  });

  it("reads TZID times in that zone (EDT in April)", () => {
    expect(sessionById(parsed, "talk-102@infrasummit.example.org")).toEqual({
      externalId: "talk-102@infrasummit.example.org",
      title: "Capacity planning for people who hate spreadsheets",
      abstract: "A short, practical method.",
      start: new Date("2019-04-02T15:30:00Z"),
      end: new Date("2019-04-02T16:10:00Z"),
      room: "Room B",
      track: "Operations",
      kind: "talk",
      speakers: [],
      url: null,
    });
  });

  it("computes the end from DURATION, with a quoted TZID and in UTC", () => {
    expect(sessionById(parsed, "workshop-201@infrasummit.example.org")).toMatchObject({
      title: "Workshop: Terraform modules that last",
      start: new Date("2019-04-02T17:30:00Z"),
      end: new Date("2019-04-02T19:00:00Z"),
      room: "Workshop room",
      track: "Infrastructure as Code",
      abstract: "",
    });
    expect(sessionById(parsed, "talk-103@infrasummit.example.org")).toMatchObject({
      start: new Date("2019-04-02T20:00:00Z"),
      end: new Date("2019-04-02T20:40:00Z"),
      room: "Main hall",
      track: null,
      url: null,
    });
  });

  it("reads the same file with LF line endings", () => {
    expect(parse(program.replace(/\r\n/g, "\n"))).toEqual(parsed);
  });
});

describe("parseIcs across the fall-back DST change (America/New_York, 2019-11-03)", () => {
  const parsed = parse(dst, undefined, "program-dst.ics");

  it("is a valid program", () => {
    expect(() => ZParsedProgram.parse(parsed)).not.toThrow();
    expect(parsed.conference).toMatchObject({ title: "Autumn Dev Weekend", timeZone: "America/New_York" });
    expect(parsed.sessions).toHaveLength(6);
  });

  it("uses EDT before and EST after the change", () => {
    expect(sessionById(parsed, "sat-morning@autumn.example.org")).toMatchObject({
      start: new Date("2019-11-02T13:00:00Z"),
      end: new Date("2019-11-02T13:45:00Z"),
    });
    expect(sessionById(parsed, "sun-morning@autumn.example.org")).toMatchObject({
      start: new Date("2019-11-03T14:00:00Z"),
      end: new Date("2019-11-03T14:45:00Z"),
    });
  });

  it("reads a repeated wall time as its first occurrence (RFC 5545 §3.3.5)", () => {
    expect(sessionById(parsed, "sat-late@autumn.example.org")).toMatchObject({
      start: new Date("2019-11-03T03:30:00Z"),
      end: new Date("2019-11-03T05:30:00Z"),
    });
    // PT1H is exact: one hour after the first 01:30 is the second 01:30.
    expect(sessionById(parsed, "sun-ambiguous@autumn.example.org")).toMatchObject({
      start: new Date("2019-11-03T05:30:00Z"),
      end: new Date("2019-11-03T06:30:00Z"),
    });
  });

  it("adds a nominal day for P1D (25 hours on this day)", () => {
    expect(sessionById(parsed, "weekend-hackathon@autumn.example.org")).toMatchObject({
      start: new Date("2019-11-02T14:00:00Z"),
      end: new Date("2019-11-03T15:00:00Z"),
    });
  });

  it("reads floating times in X-WR-TIMEZONE, or in the given zone first", () => {
    expect(sessionById(parsed, "sun-floating@autumn.example.org")).toMatchObject({
      start: new Date("2019-11-03T15:00:00Z"),
      end: new Date("2019-11-03T16:00:00Z"),
    });
    const berlin = parse(dst, "Europe/Berlin", "program-dst.ics");
    expect(sessionById(berlin, "sun-floating@autumn.example.org").start).toEqual(new Date("2019-11-03T09:00:00Z"));
    // TZID and UTC times do not depend on the given zone.
    expect(sessionById(berlin, "sat-morning@autumn.example.org").start).toEqual(new Date("2019-11-02T13:00:00Z"));
    expect(berlin.conference.timeZone).toBe("America/New_York");
  });

  it("reads a time skipped by spring-forward with the offset before the gap", () => {
    const parsedGap = parse(calendar("UID:gap", "SUMMARY:Gap", "DTSTART;TZID=America/New_York:20190310T023000"));
    expect(parsedGap.sessions[0]?.start).toEqual(new Date("2019-03-10T07:30:00Z"));
    expect(parsedGap.sessions[0]?.end).toEqual(new Date("2019-03-10T07:30:00Z"));
  });
});

describe("parseIcs details", () => {
  it("takes the title from the file name without X-WR-CALNAME, and no zone", () => {
    const parsed = parse(calendar("UID:a", "SUMMARY:A", "DTSTART:20190402T100000Z"), undefined, "uploads/my-conf.2019.ics");
    expect(parsed.conference).toEqual({ title: "my-conf.2019", subtitle: null, acronym: null, timeZone: null });
    expect(parsed.sessions[0]).toMatchObject({ start: new Date("2019-04-02T10:00:00Z"), end: new Date("2019-04-02T10:00:00Z") });
  });

  it("honors quoted parameter values holding ; : and ,", () => {
    const text = calendar(
      "UID:q",
      'ORGANIZER;CN="Doe, Jane; PhD":mailto:jane@example.org',
      'DTSTART;X-NOTE="a:b;c";TZID=Europe/Berlin:20190402T100000',
      "SUMMARY:Quoted",
    );
    expect(parse(text).sessions[0]?.start).toEqual(new Date("2019-04-02T08:00:00Z"));
    const [cal] = readIcs(text, FILE);
    const organizer = cal?.components[0]?.properties.find((p) => p.name === "ORGANIZER");
    expect(organizer?.params.get("CN")).toEqual(["Doe, Jane; PhD"]);
    expect(organizer?.value).toBe("mailto:jane@example.org");
    expect(organizer?.line).toBe(5);
  });

  it("unfolds with tabs as well as spaces, and records the first line", () => {
    const text = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:t\nSUMMARY:Long\n\ttitle\nDTSTART:20190402T100000Z\nEND:VEVENT\nEND:VCALENDAR\n";
    expect(parse(text).sessions[0]?.title).toBe("Longtitle");
  });

  it("unescapes TEXT", () => {
    expect(unescapeText("a\\, b\\; c\\n d\\N e\\\\n")).toBe("a, b; c\n d\n e\\n");
  });

  it("takes the first of several CATEGORIES, splitting on unescaped commas only", () => {
    const parsed = parse(calendar("UID:c", "SUMMARY:C", "DTSTART:20190402T100000Z", "CATEGORIES:Ops\\, Infra,Cloud", "CATEGORIES:Other"));
    expect(parsed.sessions[0]?.track).toBe("Ops, Infra");
  });

  it("accepts a BOM, lower-case names and several calendars", () => {
    const one = calendar("UID:x", "SUMMARY:X", "DTSTART:20190402T100000Z");
    const two = calendar("uid:y", "summary:Y", "dtstart:20190402T110000Z");
    const parsed = parse(`\uFEFF${one}${two}`);
    expect(parsed.sessions.map((s) => s.externalId)).toEqual(["x", "y"]);
  });

  it("sniffs iCalendar", () => {
    expect(looksLikeIcs(program)).toBe(true);
    expect(looksLikeIcs(`\uFEFF\n  begin:vcalendar\n`)).toBe(true);
    expect(looksLikeIcs("BEGIN:VCALENDAR")).toBe(true);
    expect(looksLikeIcs("BEGIN:VCALENDARX\n")).toBe(false);
    expect(looksLikeIcs("BEGIN:VEVENT\n")).toBe(false);
    expect(looksLikeIcs("{}")).toBe(false);
  });
});

describe("parseIcs errors", () => {
  it("rejects text that is not a VCALENDAR", () => {
    expectInvalid(() => parse(""), `${FILE}: line 1:`, "not an iCalendar file");
    expectInvalid(() => parse("hello world"), `${FILE}: line 1:`, "expected BEGIN:VCALENDAR");
    expectInvalid(() => parse("\nBEGIN:VEVENT\nEND:VEVENT\n"), `${FILE}: line 2:`, "expected BEGIN:VCALENDAR");
    expectInvalid(() => parse("VERSION:2.0\n"), `${FILE}: line 1:`, "expected BEGIN:VCALENDAR");
    expectInvalid(() => parse(" folded\n"), `${FILE}: line 1:`, "continuation line");
  });

  it("reports unbalanced BEGIN/END with the line", () => {
    const lines = program.split("\r\n");
    const endEvent = lines.indexOf("END:VEVENT", lines.indexOf("UID:talk-102@infrasummit.example.org"));
    const withoutEnd = lines.filter((_, i) => i !== endEvent).join("\r\n");
    // The next BEGIN:VEVENT now nests inside the open one and its END closes it;
    // the END:VCALENDAR then meets the still-open outer VEVENT.
    expectInvalid(() => parse(withoutEnd), `${FILE}: line ${lines.length - 2}:`, "END:VCALENDAR does not close BEGIN:VEVENT");

    expectInvalid(() => parse("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\n"), `${FILE}: line 2:`, "BEGIN:VEVENT is never closed");
    expectInvalid(() => parse("BEGIN:VCALENDAR\nEND:VCALENDAR\nEND:VEVENT\n"), `${FILE}: line 3:`, "END:VEVENT without a matching BEGIN");
    expectInvalid(() => parse("BEGIN:VCALENDAR\nEND:VCALENDAR\nSUMMARY:x\n"), `${FILE}: line 3:`, "after END:VCALENDAR");
  });

  it("requires a UID, DTSTART and SUMMARY, naming the event's line", () => {
    expectInvalid(() => parse(calendar("SUMMARY:No id", "DTSTART:20190402T100000Z")), `${FILE}: line 3:`, "no UID");
    expectInvalid(() => parse(calendar("UID:  ", "SUMMARY:No id", "DTSTART:20190402T100000Z")), `${FILE}: line 4:`, "no UID");
    expectInvalid(() => parse(calendar("UID:u1", "SUMMARY:No start")), `${FILE}: line 3:`, '"u1" has no DTSTART');
    expectInvalid(() => parse(calendar("UID:u1", "DTSTART:20190402T100000Z")), `${FILE}: line 3:`, "no SUMMARY");
  });

  it("rejects bad DTSTART and DTEND values", () => {
    expectInvalid(() => parse(calendar("UID:u1", "SUMMARY:S", "DTSTART:20190230T100000Z")), `${FILE}: line 6:`, "bad DTSTART", "20190230T100000Z");
    expectInvalid(() => parse(calendar("UID:u1", "SUMMARY:S", "DTSTART:2019-04-02T10:00:00")), `${FILE}: line 6:`, "bad DTSTART");
    expectInvalid(() => parse(calendar("UID:u1", "SUMMARY:S", "DTSTART;VALUE=DATE:2019040")), `${FILE}: line 6:`, "bad DTSTART");
    expectInvalid(() => parse(calendar("UID:u1", "SUMMARY:S", "DTSTART;VALUE=PERIOD:20190402T100000Z/PT1H")), "line 6:", "VALUE=PERIOD");
    expectInvalid(
      () => parse(calendar("UID:u1", "SUMMARY:S", "DTSTART:20190402T100000Z", "DTEND;VALUE=DATE:20190403")),
      `${FILE}: line 7:`,
      "DTEND is a date",
    );
  });

  it("rejects DTEND before DTSTART", () => {
    expectInvalid(
      () => parse(calendar("UID:u1", "SUMMARY:S", "DTSTART;TZID=America/New_York:20190402T100000", "DTEND:20190402T135959Z")),
      `${FILE}: line 7:`,
      '"u1": DTEND 20190402T135959Z is before DTSTART',
    );
  });

  it("rejects an unknown TZID, naming it", () => {
    expectInvalid(
      () => parse(calendar("UID:u1", "SUMMARY:S", "DTSTART;TZID=Eastern Standard Time:20190402T100000")),
      `${FILE}: line 6:`,
      'unknown TZID "Eastern Standard Time"',
    );
  });

  it("rejects floating times when no zone is known", () => {
    const text = calendar("UID:u1", "SUMMARY:S", "DTSTART:20190402T100000");
    expectInvalid(() => parse(text), `${FILE}: line 6:`, "no time zone", "--timezone");
    const badCalendarZone = text.replace("VERSION:2.0", "X-WR-TIMEZONE:Eastern");
    expectInvalid(() => parse(badCalendarZone), `${FILE}: line 6:`, "no time zone");
    expect(parse(text, "Asia/Tokyo").sessions[0]?.start).toEqual(new Date("2019-04-02T01:00:00Z"));
  });

  it("rejects an invalid --timezone", () => {
    expectInvalid(() => parse(program, "Not/AZone"), FILE, "Not/AZone");
  });

  it("rejects bad, negative or conflicting durations", () => {
    for (const bad of ["PT", "P", "40M", "PT1H30", "P1WT1H"]) {
      expectInvalid(() => parse(calendar("UID:u1", "SUMMARY:S", "DTSTART:20190402T100000Z", `DURATION:${bad}`)), `${FILE}: line 7:`, "bad DURATION");
    }
    expectInvalid(() => parse(calendar("UID:u1", "SUMMARY:S", "DTSTART:20190402T100000Z", "DURATION:-PT5M")), "line 7:", "cannot end before");
    expectInvalid(() => parse(calendar("UID:u1", "SUMMARY:S", "DTSTART:20190402T100000Z", "DURATION:P99999999999W")), "line 7:", "out of range");
    expectInvalid(
      () => parse(calendar("UID:u1", "SUMMARY:S", "DTSTART:20190402T100000Z", "DTEND:20190402T110000Z", "DURATION:PT1H")),
      `${FILE}: line 8:`,
      "both DTEND and DURATION",
    );
  });

  it("rejects malformed content lines and parameters", () => {
    expectInvalid(() => parse(calendar("UID:u1", "SUMMARY S")), `${FILE}: line 5:`, "expected ':'");
    expectInvalid(() => parse(calendar("UID:u1", "DTSTART;TZID:20190402T100000")), `${FILE}: line 5:`, "malformed parameter");
    expectInvalid(() => parse(calendar("UID:u1", 'DTSTART;TZID="Europe/Berlin:20190402T100000')), `${FILE}: line 5:`, "unterminated");
  });

  it("rejects repeated UIDs and repeated DTSTARTs", () => {
    const one = calendar("UID:x", "SUMMARY:X", "DTSTART:20190402T100000Z");
    expectInvalid(() => parse(one + one), `${FILE}: line 11:`, 'duplicate UID "x"', "line 3");
    expectInvalid(
      () => parse(calendar("UID:x", "SUMMARY:X", "DTSTART:20190402T100000Z", "DTSTART:20190402T110000Z")),
      `${FILE}: line 7:`,
      "more than one DTSTART",
    );
  });
});

describe("parseIcs properties", () => {
  /** Every rejection names its line, and every session is timed. */
  function contract(timeZone?: string): ParserContract {
    return { fileName: FILE, parse: (text) => parse(text, timeZone), locatesRejections: true, timed: true };
  }

  it("parses or rejects random strings with AppError", () => {
    assertParsesOrRejects(contract(), fc.string({ maxLength: 200 }), 300);
    assertParsesOrRejects(
      contract(),
      fc
        .array(fc.string({ maxLength: 30 }), { maxLength: 12 })
        .map((lines) => ["BEGIN:VCALENDAR", "BEGIN:VEVENT", ...lines, "END:VEVENT", "END:VCALENDAR"].join("\n")),
      300,
    );
  });

  it("parses or rejects random event properties with AppError", () => {
    const property = fc.tuple(
      fc.constantFrom("UID", "SUMMARY", "DTSTART", "DTEND", "DURATION", "STATUS", "CATEGORIES", "LOCATION", "X-WR-X"),
      fc.constantFrom("", ";TZID=America/New_York", ';TZID="Europe/Berlin"', ";VALUE=DATE", ";TZID=Bogus/Zone"),
      fc.oneof(
        fc.constantFrom("20190402T100000Z", "20190402T100000", "20190402", "PT40M", "P1D", "CANCELLED", "x\\,y", ""),
        fc.string({ maxLength: 20 }),
      ),
    );
    fc.assert(
      fc.property(fc.array(property, { maxLength: 8 }), fc.constantFrom(undefined, "UTC", "Europe/Berlin"), (props, zone) => {
        parsesOrRejects(contract(zone), calendar(...props.map(([name, params, value]) => `${name}${params}:${value}`)));
      }),
      { numRuns: 500 },
    );
  });

  it("parses or rejects mutations of the fixtures with AppError", () => {
    const by = replacementText("\r\n :;=,\"\\TZ0-9".split(""), 6);
    assertMutantsParseOrReject(contract(), {
      sources: [program, dst],
      mutation: textMutation({ truncate: true, deleteLine: true, duplicateLine: true, replaceChar: by, insertText: by }),
      apply: applyTextMutation,
      maxMutations: 4,
      numRuns: 600,
    });
  });
});
