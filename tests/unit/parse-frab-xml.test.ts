import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { looksLikeFrabXml, parseFrabXml } from "@/lib/program/parse-frab-xml";
import { ZParsedProgram, type ParsedProgram } from "@/lib/program/parsed-program";
import {
  applyTextMutation,
  assertMutantsParseOrReject,
  assertParsesOrRejects,
  catchInvalid,
  readFixture,
  replacementText,
  sessionById,
  textMutationArms,
  parsesOrRejects,
  type ParserContract,
  type TextMutation,
} from "../support/parser-properties";

const FIXTURE = readFixture("frab-schedule.xml");
const FILE = "frab-schedule.xml";
const OPTIONS = { fileName: FILE };

function parse(text: string, options: { fileName: string; timeZone?: string } = OPTIONS): ParsedProgram {
  return parseFrabXml(text, options);
}

/** 1-based line of the first occurrence of `needle` (which must occur). */
function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  if (index === -1) throw new Error(`fixture has no ${needle}`);
  return text.slice(0, index).split("\n").length;
}

/** Replaces exactly one occurrence, so a fixture edit cannot silently miss. */
function replaceOnce(text: string, search: string, replacement: string): string {
  const index = text.indexOf(search);
  if (index === -1 || text.indexOf(search, index + 1) !== -1) throw new Error(`expected exactly one ${search}`);
  return text.slice(0, index) + replacement + text.slice(index + search.length);
}

const ID = {
  opening: "c1f0a7b2-1d3e-4f50-8a6b-7c8d9e0f1001",
  mesh: "c1f0a7b2-1d3e-4f50-8a6b-7c8d9e0f1002",
  soldering: "c1f0a7b2-1d3e-4f50-8a6b-7c8d9e0f1003",
  fonts: "c1f0a7b2-1d3e-4f50-8a6b-7c8d9e0f1004",
  demoscene: "c1f0a7b2-1d3e-4f50-8a6b-7c8d9e0f1005",
  nightOwl: "c1f0a7b2-1d3e-4f50-8a6b-7c8d9e0f1006",
  reproducible: "c1f0a7b2-1d3e-4f50-8a6b-7c8d9e0f2001",
  accessible: "c1f0a7b2-1d3e-4f50-8a6b-7c8d9e0f2002",
  formats: "c1f0a7b2-1d3e-4f50-8a6b-7c8d9e0f2003",
  closing: "c1f0a7b2-1d3e-4f50-8a6b-7c8d9e0f2004",
};

describe("looksLikeFrabXml", () => {
  it("recognises a schedule root behind a declaration and comments", () => {
    expect(looksLikeFrabXml(FIXTURE)).toBe(true);
    expect(looksLikeFrabXml(`\uFEFF<?xml version="1.0"?>\n<!DOCTYPE schedule>\n<!-- x -->\n<schedule/>`)).toBe(true);
    expect(looksLikeFrabXml("<schedule>")).toBe(true);
  });

  it("rejects other documents", () => {
    expect(looksLikeFrabXml('{"schedule": {}}')).toBe(false);
    expect(looksLikeFrabXml("<scheduler/>")).toBe(false);
    expect(looksLikeFrabXml("<programme><schedule/></programme>")).toBe(false);
    expect(looksLikeFrabXml("BEGIN:VCALENDAR")).toBe(false);
    expect(looksLikeFrabXml("")).toBe(false);
  });
});

describe("parseFrabXml on the fixture", () => {
  const program = parse(FIXTURE);

  it("produces a valid program in document order", () => {
    expect(() => ZParsedProgram.parse(program)).not.toThrow();
    expect(program.format).toBe("frab-xml");
    expect(program.sessions.map((s) => s.externalId)).toEqual([
      ID.opening,
      ID.mesh,
      ID.demoscene,
      ID.soldering,
      ID.fonts,
      ID.nightOwl,
      ID.reproducible,
      ID.closing,
      ID.accessible,
      ID.formats,
    ]);
  });

  it("reads the conference, decoding entities", () => {
    expect(program.conference).toEqual({
      title: "Hackwerk 2019 & Friends",
      subtitle: null,
      acronym: "hw19",
      timeZone: "Europe/Berlin",
    });
  });

  it("reads every field of the opening keynote", () => {
    expect(sessionById(program, ID.opening)).toEqual({
      externalId: ID.opening,
      title: "Opening & Welcome",
      abstract: "Who we are, where the coffee is, and why the clocks jump tonight.",
      start: new Date("2019-03-30T09:00:00Z"),
      end: new Date("2019-03-30T09:30:00Z"),
      room: "Saal Ada",
      track: "Community",
      kind: "keynote",
      speakers: [
        { name: "Grete Nachtigall", organization: null },
        { name: "Olu Adeyemi", organization: null },
      ],
      url: "https://hackwerk.example.org/2019/talk/101/",
    });
  });

  it("puts the subtitle first, then abstract and description, one blank line apart", () => {
    expect(sessionById(program, ID.mesh)).toEqual({
      externalId: ID.mesh,
      title: "Mesh Networks for Villages",
      abstract:
        "Lessons from three winters\n\n" +
        "How a valley of 400 people got its own network <without> an ISP.\n\n" +
        "Antennas, solar panels and a lot of patience.\n\n" +
        "We cover routing, power budgets and the politics of a shared uplink.",
      start: new Date("2019-03-30T09:45:00Z"),
      end: new Date("2019-03-30T10:45:00Z"),
      room: "Saal Ada",
      track: "Infrastructure",
      kind: "talk",
      speakers: [{ name: "Kai Müller", organization: null }],
      url: "https://hackwerk.example.org/2019/talk/102/",
    });
  });

  it("keeps CDATA content literally", () => {
    const soldering = sessionById(program, ID.soldering);
    expect(soldering.abstract).toBe("Bring <b>nothing</b> & leave with a blinking badge. Kits cost 5 € at the door.");
    expect(soldering.kind).toBe("workshop");
    expect(soldering.room).toBe("Saal Babbage");
    expect(soldering.speakers.map((s) => s.name)).toEqual(["Ida Lötkolben", "Sam Oyelaran"]);
    expect(soldering.start).toEqual(new Date("2019-03-30T09:45:00Z"));
    expect(soldering.end).toEqual(new Date("2019-03-30T11:45:00Z"));
  });

  it("turns empty elements into null or defaults", () => {
    const fonts = sessionById(program, ID.fonts);
    expect(fonts.track).toBeNull();
    expect(fonts.kind).toBe("lightning");
    expect(fonts.abstract).toBe("Kerning, briefly.");
    expect(fonts.start).toEqual(new Date("2019-03-30T13:00:00Z"));
    expect(fonts.end).toEqual(new Date("2019-03-30T13:05:00Z"));
    expect(sessionById(program, ID.closing).abstract).toBe("");
  });

  it("decodes numeric character references and HH:MM:SS durations", () => {
    const formats = sessionById(program, ID.formats);
    expect(formats.title).toBe("Fahrplan-Formate im Vergleich – XML, JSON & iCal");
    expect(formats.abstract).toBe("Was frab, pretalx und c3voc jeweils unter „Beginn“ verstehen.");
    expect(formats.start).toEqual(new Date("2019-03-31T09:15:00Z"));
    expect(formats.end).toEqual(new Date("2019-03-31T09:55:00Z"));
    expect(formats.speakers).toEqual([{ name: "Jule Krämer", organization: null }]);
  });

  it("gets UTC right on both sides of the DST change", () => {
    // 10:00 in Berlin is 09:00Z in winter time (CET) and 08:00Z in summer time (CEST).
    expect(sessionById(program, ID.opening).start).toEqual(new Date("2019-03-30T09:00:00Z"));
    expect(sessionById(program, ID.reproducible).start).toEqual(new Date("2019-03-31T08:00:00Z"));
    expect(sessionById(program, ID.accessible).start).toEqual(new Date("2019-03-31T08:00:00Z"));
    expect(sessionById(program, ID.closing).end).toEqual(new Date("2019-03-31T14:30:00Z"));
  });

  it("keeps elapsed time for a session across the missing hour and shows a repeated text once", () => {
    const nightOwl = sessionById(program, ID.nightOwl);
    expect(nightOwl.title).toBe("Night Owl Q&A: Time Zones");
    // 01:30 CET to 03:30 CEST is one hour of real time.
    expect(nightOwl.start).toEqual(new Date("2019-03-31T00:30:00Z"));
    expect(nightOwl.end).toEqual(new Date("2019-03-31T01:30:00Z"));
    expect(nightOwl.abstract).toBe("We sit through the missing hour together.");
    expect(nightOwl.speakers).toEqual([]);
    expect(sessionById(program, ID.demoscene).end).toEqual(new Date("2019-03-30T23:30:00Z"));
  });
});

describe("parseFrabXml time rules", () => {
  const withDates = parse(FIXTURE);
  const withoutDates = FIXTURE.replace(/\s*<date>[^<]*<\/date>/g, "");

  it("falls back to day date + <start> in the conference zone, rolling past midnight within a day", () => {
    expect(withoutDates).not.toContain("<date>");
    expect(parse(withoutDates)).toEqual(withDates);
  });

  it("uses options.timeZone when the file names no zone, and reports none as the file's zone", () => {
    const zoneless = withoutDates.replace(/\s*<time_zone_name>[^<]*<\/time_zone_name>/, "");
    const program = parse(zoneless, { fileName: FILE, timeZone: "Europe/Berlin" });
    expect(program.sessions).toEqual(withDates.sessions);
    expect(program.conference.timeZone).toBeNull();
  });

  it("prefers the file's time_zone_name over options.timeZone", () => {
    expect(parse(withoutDates, { fileName: FILE, timeZone: "Asia/Tokyo" }).sessions).toEqual(withDates.sessions);
  });

  it("prefers <date> over <start> when both are present", () => {
    const edited = replaceOnce(FIXTURE, "<start>10:45</start>\n        <duration>01:00</duration>", "<start>07:00</start>\n        <duration>01:00</duration>");
    expect(sessionById(parse(edited), ID.mesh).start).toEqual(new Date("2019-03-30T09:45:00Z"));
  });

  it("reads a zone-less <date> in the conference zone", () => {
    const edited = replaceOnce(FIXTURE, "<date>2019-03-31T10:00:00+02:00</date>\n        <start>10:00</start>\n        <duration>00:45", "<date>2019-03-31T10:00:00</date>\n        <start>10:00</start>\n        <duration>00:45");
    expect(sessionById(parse(edited), ID.reproducible).start).toEqual(new Date("2019-03-31T08:00:00Z"));
  });

  it("falls back to the id attribute, the enclosing room and the kind talk", () => {
    let edited = replaceOnce(FIXTURE, `guid="${ID.closing}" id="204"`, 'id="204"');
    edited = edited.replace("<room>Saal Ada</room>\n        <slug>hw19-204-closing</slug>", "<room/>\n        <slug>hw19-204-closing</slug>");
    edited = replaceOnce(edited, "<type>Keynote</type>\n        <language>en</language>\n        <abstract/>", "<type/>\n        <language>en</language>\n        <abstract/>");
    const closing = sessionById(parse(edited), "204");
    expect(closing.room).toBe("Saal Ada");
    expect(closing.kind).toBe("talk");
  });

  it("decodes entities in one pass and keeps unknown ones", () => {
    const text = `<schedule><conference><title>A &amp;#228; B &#228; &unknown; &#x1F600;</title></conference></schedule>`;
    expect(parse(text).conference.title).toBe("A &#228; B ä &unknown; 😀");
  });

  it("accepts a schedule without days and a CRLF file with a BOM", () => {
    expect(parse("<schedule><conference><title>Empty</title></conference></schedule>").sessions).toEqual([]);
    const crlf = `\uFEFF${FIXTURE.replace(/\n/g, "\r\n")}`;
    expect(parse(crlf)).toEqual(withDates);
  });
});

describe("parseFrabXml errors", () => {
  it("rejects text that is not XML, on line 1", () => {
    const error = catchInvalid(() => parse("this is not a schedule"));
    expect(error.message).toContain(`${FILE}: line 1: `);
    expect(error.details).toMatchObject({ file: FILE, line: 1 });
  });

  it("reports the XML parser's line for malformed XML", () => {
    const text = "<schedule>\n  <conference>\n    <title>Broken</titel>\n  </conference>\n</schedule>\n";
    const error = catchInvalid(() => parse(text));
    expect(error.message).toContain(`${FILE}: line 3: `);
    expect(error.message).toContain("not well-formed XML");
  });

  it("reports a truncated fixture", () => {
    const error = catchInvalid(() => parse(FIXTURE.slice(0, FIXTURE.indexOf("</day>"))));
    expect(error.message).toMatch(new RegExp(`^${FILE}: line \\d+: not well-formed XML`));
  });

  it("rejects a document whose root is not <schedule>", () => {
    const error = catchInvalid(() => parse('<?xml version="1.0"?>\n<programme>\n  <event id="1"/>\n</programme>\n'));
    expect(error.message).toContain(`${FILE}: line 2: `);
    expect(error.message).toContain("<schedule>");
    expect(error.message).toContain("<programme>");
  });

  it("rejects an event with a broken <date>, naming its line", () => {
    const broken = replaceOnce(FIXTURE, "<date>2019-03-30T10:45:00+01:00</date>\n        <start>10:45</start>\n        <duration>01:00", "<date>2019-13-45T10:45:00+01:00</date>\n        <start>10:45</start>\n        <duration>01:00");
    const error = catchInvalid(() => parse(broken));
    expect(error.message).toContain(`${FILE}: line ${lineOf(broken, "2019-13-45")}: `);
    expect(error.message).toContain(ID.mesh);
    expect(error.message).toContain("2019-13-45T10:45:00+01:00");
  });

  it("rejects an event with a broken <start> when it has no <date>", () => {
    const broken = replaceOnce(FIXTURE, "<date>2019-03-31T16:00:00+02:00</date>\n        <start>16:00</start>", "<start>25:99</start>");
    const error = catchInvalid(() => parse(broken));
    expect(error.message).toContain(`${FILE}: line ${lineOf(broken, "<start>25:99")}: `);
    expect(error.message).toContain(ID.closing);
    expect(error.message).toContain('"25:99"');
  });

  it("rejects an event with a broken <duration>", () => {
    const broken = replaceOnce(FIXTURE, "<duration>00:40:00</duration>", "<duration>forty minutes</duration>");
    const error = catchInvalid(() => parse(broken));
    expect(error.message).toContain(`${FILE}: line ${lineOf(broken, "forty minutes")}: `);
    expect(error.message).toContain(ID.formats);
  });

  it("rejects an event that ends before it starts", () => {
    const broken = replaceOnce(FIXTURE, "<duration>00:05</duration>", "<duration>-00:30</duration>");
    const error = catchInvalid(() => parse(broken));
    expect(error.message).toContain(`${FILE}: line ${lineOf(broken, "-00:30")}: `);
    expect(error.message).toContain("ends before it starts");
  });

  it("rejects minutes past 59 in a duration", () => {
    const broken = replaceOnce(FIXTURE, "<duration>00:05</duration>", "<duration>00:75</duration>");
    expect(catchInvalid(() => parse(broken)).message).toContain(`line ${lineOf(broken, "00:75")}`);
  });

  it("rejects an unknown time_zone_name, naming its line", () => {
    const broken = FIXTURE.replace("<time_zone_name>Europe/Berlin</time_zone_name>", "<time_zone_name>Europe/Atlantis</time_zone_name>");
    const error = catchInvalid(() => parse(broken));
    expect(error.message).toContain(`${FILE}: line ${lineOf(broken, "Europe/Atlantis")}: `);
    expect(error.message).toContain("Europe/Atlantis");
  });

  it("rejects an unknown timeZone option when the file names no zone", () => {
    const zoneless = FIXTURE.replace(/\s*<time_zone_name>[^<]*<\/time_zone_name>/, "");
    const error = catchInvalid(() => parse(zoneless, { fileName: FILE, timeZone: "Mars/Olympus_Mons" }));
    expect(error.message).toContain(`${FILE}: timeZone option: `);
  });

  it("rejects a wall-clock start when no zone is known at all", () => {
    const zoneless = FIXTURE.replace(/\s*<time_zone_name>[^<]*<\/time_zone_name>/, "").replace(/\s*<date>[^<]*<\/date>/g, "");
    const error = catchInvalid(() => parse(zoneless));
    expect(error.message).toContain(`${FILE}: line ${lineOf(zoneless, "<start>10:00")}: `);
    expect(error.message).toContain("no time zone");
  });

  it("rejects an event without title, without id, or with a duplicate id", () => {
    const untitled = replaceOnce(FIXTURE, "<title>Closing</title>", "<title>  </title>");
    expect(catchInvalid(() => parse(untitled)).message).toContain(`line ${lineOf(untitled, "<title>  </title>")}: `);

    const anonymous = replaceOnce(FIXTURE, `<event guid="${ID.closing}" id="204">`, "<event>");
    expect(catchInvalid(() => parse(anonymous)).message).toContain(`line ${lineOf(anonymous, "<event>")}: `);

    const duplicate = replaceOnce(FIXTURE, `guid="${ID.closing}"`, `guid="${ID.reproducible}"`);
    const error = catchInvalid(() => parse(duplicate));
    expect(error.message).toContain(`line ${lineOf(duplicate, 'id="204"')}: `);
    expect(error.message).toContain(`first at line ${lineOf(duplicate, ID.reproducible)}`);
  });

  it("rejects a schedule without a conference title", () => {
    const error = catchInvalid(() => parse("<schedule>\n<conference><acronym> </acronym></conference>\n</schedule>"));
    expect(error.message).toContain(`${FILE}: line 2: `);
  });

  it("turns the XML library's own guards into INVALID_INPUT with a line", () => {
    const error = catchInvalid(() => parse("<schedule>\n<conference>\n<__proto__>x</__proto__>\n</conference>\n</schedule>"));
    expect(error.message).toContain(`${FILE}: line 3: `);
  });
});

// ---------------------------------------------------------------------------
// Property tests: any input either parses to a valid program or fails with
// INVALID_INPUT naming the file and a line or field. Anything else is a bug.
// ---------------------------------------------------------------------------

/** Every rejection names a line or a field, and every session is timed. */
function fuzzContract(timeZone?: string): ParserContract {
  return {
    fileName: "fuzz.xml",
    parse: (text) => parseFrabXml(text, { fileName: "fuzz.xml", timeZone }),
    locatesRejections: true,
    timed: true,
  };
}

const interestingValues = fc.constantFrom(
  "",
  " ",
  "2019-13-45T10:00:00+01:00",
  "2019-03-31T02:30:00",
  "2019-03-31",
  "25:99",
  "-00:30",
  "00:00",
  "99999:59:59",
  "1:2:3:4",
  "Europe/Atlantis",
  "UTC",
  "&amp;",
  "&#0;",
  "&#x110000;",
  "&bogus;",
  "<![CDATA[ x ]]>",
  "__proto__",
  "constructor",
  "<event/>",
  "<day/>",
  '<room name=""/>',
);

const replacement = fc.oneof(interestingValues, fc.string({ maxLength: 12 }), fc.string({ unit: "binary", maxLength: 6 }));

/** Element text (between > and <) or an attribute value, replaced. */
type ChangeValue = { kind: "changeValue"; at: number; by: string };

const mutation: fc.Arbitrary<TextMutation | ChangeValue> = fc.oneof(
  ...textMutationArms({
    truncate: true,
    deleteLine: true,
    duplicateLine: true,
    replaceChar: replacementText(["<", ">", "&", '"', "/", "\n", "", "x", "0", "-", ":"], 2),
  }),
  fc.record({ kind: fc.constant("changeValue" as const), at: fc.nat(), by: replacement }),
);

function mutate(text: string, change: TextMutation | ChangeValue): string {
  if (change.kind !== "changeValue") return applyTextMutation(text, change);
  const values = [...text.matchAll(/>([^<>]*)<|="([^"]*)"/g)];
  if (values.length === 0) return text;
  const match = values[change.at % values.length];
  if (match === undefined) return text;
  const start = match.index + (match[0].startsWith(">") ? 1 : 2);
  const length = (match[1] ?? match[2] ?? "").length;
  return text.slice(0, start) + change.by + text.slice(start + length);
}

describe("parseFrabXml properties", () => {
  it("never throws anything but AppError on random text", () => {
    const xmlish = fc.string({
      unit: fc.constantFrom("<", ">", "/", "schedule", "conference", "title", "day", "room", "event", " guid=\"g\"", "date", "x", "&amp;", "<![CDATA[", "]]>", "\n"),
      maxLength: 40,
    });
    assertParsesOrRejects(fuzzContract(), fc.oneof(fc.string(), fc.string({ unit: "binary" }), xmlish), 300);
  });

  it("never throws anything but AppError on mutations of the fixture", () => {
    assertMutantsParseOrReject(fuzzContract(), { sources: [FIXTURE], mutation, apply: mutate, maxMutations: 4, numRuns: 400 });
  });

  it("never throws anything but AppError when values change in a date-less, zone-less fixture", () => {
    const bare = FIXTURE.replace(/\s*<date>[^<]*<\/date>/g, "");
    const withZone = fuzzContract("Europe/Berlin");
    const withoutZone = fuzzContract();
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.boolean(), (changes, zoned) => {
        parsesOrRejects(zoned ? withZone : withoutZone, changes.reduce(mutate, bare));
      }),
      { numRuns: 300 },
    );
  });
});
