import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { looksLikeFrabXml, parseFrabXml } from "@/lib/program/parse-frab-xml";
import { ZParsedProgram, type ParsedProgram, type ParsedSession } from "@/lib/program/parsed-program";

const FIXTURE = readFileSync(fileURLToPath(new URL("../fixtures/frab-schedule.xml", import.meta.url)), "utf8");
const FILE = "frab-schedule.xml";
const OPTIONS = { fileName: FILE };

function parse(text: string, options: { fileName: string; timeZone?: string } = OPTIONS): ParsedProgram {
  return parseFrabXml(text, options);
}

function session(program: ParsedProgram, externalId: string): ParsedSession {
  const found = program.sessions.find((candidate) => candidate.externalId === externalId);
  if (found === undefined) throw new Error(`no session ${externalId}`);
  return found;
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

function catchError(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code).toBe("INVALID_INPUT");
    return appError;
  }
  throw new Error("expected the parser to throw");
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
    expect(session(program, ID.opening)).toEqual({
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
    expect(session(program, ID.mesh)).toEqual({
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
    const soldering = session(program, ID.soldering);
    expect(soldering.abstract).toBe("Bring <b>nothing</b> & leave with a blinking badge. Kits cost 5 € at the door.");
    expect(soldering.kind).toBe("workshop");
    expect(soldering.room).toBe("Saal Babbage");
    expect(soldering.speakers.map((s) => s.name)).toEqual(["Ida Lötkolben", "Sam Oyelaran"]);
    expect(soldering.start).toEqual(new Date("2019-03-30T09:45:00Z"));
    expect(soldering.end).toEqual(new Date("2019-03-30T11:45:00Z"));
  });

  it("turns empty elements into null or defaults", () => {
    const fonts = session(program, ID.fonts);
    expect(fonts.track).toBeNull();
    expect(fonts.kind).toBe("lightning");
    expect(fonts.abstract).toBe("Kerning, briefly.");
    expect(fonts.start).toEqual(new Date("2019-03-30T13:00:00Z"));
    expect(fonts.end).toEqual(new Date("2019-03-30T13:05:00Z"));
    expect(session(program, ID.closing).abstract).toBe("");
  });

  it("decodes numeric character references and HH:MM:SS durations", () => {
    const formats = session(program, ID.formats);
    expect(formats.title).toBe("Fahrplan-Formate im Vergleich – XML, JSON & iCal");
    expect(formats.abstract).toBe("Was frab, pretalx und c3voc jeweils unter „Beginn“ verstehen.");
    expect(formats.start).toEqual(new Date("2019-03-31T09:15:00Z"));
    expect(formats.end).toEqual(new Date("2019-03-31T09:55:00Z"));
    expect(formats.speakers).toEqual([{ name: "Jule Krämer", organization: null }]);
  });

  it("gets UTC right on both sides of the DST change", () => {
    // 10:00 in Berlin is 09:00Z in winter time (CET) and 08:00Z in summer time (CEST).
    expect(session(program, ID.opening).start).toEqual(new Date("2019-03-30T09:00:00Z"));
    expect(session(program, ID.reproducible).start).toEqual(new Date("2019-03-31T08:00:00Z"));
    expect(session(program, ID.accessible).start).toEqual(new Date("2019-03-31T08:00:00Z"));
    expect(session(program, ID.closing).end).toEqual(new Date("2019-03-31T14:30:00Z"));
  });

  it("keeps elapsed time for a session across the missing hour and shows a repeated text once", () => {
    const nightOwl = session(program, ID.nightOwl);
    expect(nightOwl.title).toBe("Night Owl Q&A: Time Zones");
    // 01:30 CET to 03:30 CEST is one hour of real time.
    expect(nightOwl.start).toEqual(new Date("2019-03-31T00:30:00Z"));
    expect(nightOwl.end).toEqual(new Date("2019-03-31T01:30:00Z"));
    expect(nightOwl.abstract).toBe("We sit through the missing hour together.");
    expect(nightOwl.speakers).toEqual([]);
    expect(session(program, ID.demoscene).end).toEqual(new Date("2019-03-30T23:30:00Z"));
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
    expect(session(parse(edited), ID.mesh).start).toEqual(new Date("2019-03-30T09:45:00Z"));
  });

  it("reads a zone-less <date> in the conference zone", () => {
    const edited = replaceOnce(FIXTURE, "<date>2019-03-31T10:00:00+02:00</date>\n        <start>10:00</start>\n        <duration>00:45", "<date>2019-03-31T10:00:00</date>\n        <start>10:00</start>\n        <duration>00:45");
    expect(session(parse(edited), ID.reproducible).start).toEqual(new Date("2019-03-31T08:00:00Z"));
  });

  it("falls back to the id attribute, the enclosing room and the kind talk", () => {
    let edited = replaceOnce(FIXTURE, `guid="${ID.closing}" id="204"`, 'id="204"');
    edited = edited.replace("<room>Saal Ada</room>\n        <slug>hw19-204-closing</slug>", "<room/>\n        <slug>hw19-204-closing</slug>");
    edited = replaceOnce(edited, "<type>Keynote</type>\n        <language>en</language>\n        <abstract/>", "<type/>\n        <language>en</language>\n        <abstract/>");
    const closing = session(parse(edited), "204");
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
    const error = catchError(() => parse("this is not a schedule"));
    expect(error.message).toContain(`${FILE}: line 1: `);
    expect(error.details).toMatchObject({ file: FILE, line: 1 });
  });

  it("reports the XML parser's line for malformed XML", () => {
    const text = "<schedule>\n  <conference>\n    <title>Broken</titel>\n  </conference>\n</schedule>\n";
    const error = catchError(() => parse(text));
    expect(error.message).toContain(`${FILE}: line 3: `);
    expect(error.message).toContain("not well-formed XML");
  });

  it("reports a truncated fixture", () => {
    const error = catchError(() => parse(FIXTURE.slice(0, FIXTURE.indexOf("</day>"))));
    expect(error.message).toMatch(new RegExp(`^${FILE}: line \\d+: not well-formed XML`));
  });

  it("rejects a document whose root is not <schedule>", () => {
    const error = catchError(() => parse('<?xml version="1.0"?>\n<programme>\n  <event id="1"/>\n</programme>\n'));
    expect(error.message).toContain(`${FILE}: line 2: `);
    expect(error.message).toContain("<schedule>");
    expect(error.message).toContain("<programme>");
  });

  it("rejects an event with a broken <date>, naming its line", () => {
    const broken = replaceOnce(FIXTURE, "<date>2019-03-30T10:45:00+01:00</date>\n        <start>10:45</start>\n        <duration>01:00", "<date>2019-13-45T10:45:00+01:00</date>\n        <start>10:45</start>\n        <duration>01:00");
    const error = catchError(() => parse(broken));
    expect(error.message).toContain(`${FILE}: line ${lineOf(broken, "2019-13-45")}: `);
    expect(error.message).toContain(ID.mesh);
    expect(error.message).toContain("2019-13-45T10:45:00+01:00");
  });

  it("rejects an event with a broken <start> when it has no <date>", () => {
    const broken = replaceOnce(FIXTURE, "<date>2019-03-31T16:00:00+02:00</date>\n        <start>16:00</start>", "<start>25:99</start>");
    const error = catchError(() => parse(broken));
    expect(error.message).toContain(`${FILE}: line ${lineOf(broken, "<start>25:99")}: `);
    expect(error.message).toContain(ID.closing);
    expect(error.message).toContain('"25:99"');
  });

  it("rejects an event with a broken <duration>", () => {
    const broken = replaceOnce(FIXTURE, "<duration>00:40:00</duration>", "<duration>forty minutes</duration>");
    const error = catchError(() => parse(broken));
    expect(error.message).toContain(`${FILE}: line ${lineOf(broken, "forty minutes")}: `);
    expect(error.message).toContain(ID.formats);
  });

  it("rejects an event that ends before it starts", () => {
    const broken = replaceOnce(FIXTURE, "<duration>00:05</duration>", "<duration>-00:30</duration>");
    const error = catchError(() => parse(broken));
    expect(error.message).toContain(`${FILE}: line ${lineOf(broken, "-00:30")}: `);
    expect(error.message).toContain("ends before it starts");
  });

  it("rejects minutes past 59 in a duration", () => {
    const broken = replaceOnce(FIXTURE, "<duration>00:05</duration>", "<duration>00:75</duration>");
    expect(catchError(() => parse(broken)).message).toContain(`line ${lineOf(broken, "00:75")}`);
  });

  it("rejects an unknown time_zone_name, naming its line", () => {
    const broken = FIXTURE.replace("<time_zone_name>Europe/Berlin</time_zone_name>", "<time_zone_name>Europe/Atlantis</time_zone_name>");
    const error = catchError(() => parse(broken));
    expect(error.message).toContain(`${FILE}: line ${lineOf(broken, "Europe/Atlantis")}: `);
    expect(error.message).toContain("Europe/Atlantis");
  });

  it("rejects an unknown timeZone option when the file names no zone", () => {
    const zoneless = FIXTURE.replace(/\s*<time_zone_name>[^<]*<\/time_zone_name>/, "");
    const error = catchError(() => parse(zoneless, { fileName: FILE, timeZone: "Mars/Olympus_Mons" }));
    expect(error.message).toContain(`${FILE}: timeZone option: `);
  });

  it("rejects a wall-clock start when no zone is known at all", () => {
    const zoneless = FIXTURE.replace(/\s*<time_zone_name>[^<]*<\/time_zone_name>/, "").replace(/\s*<date>[^<]*<\/date>/g, "");
    const error = catchError(() => parse(zoneless));
    expect(error.message).toContain(`${FILE}: line ${lineOf(zoneless, "<start>10:00")}: `);
    expect(error.message).toContain("no time zone");
  });

  it("rejects an event without title, without id, or with a duplicate id", () => {
    const untitled = replaceOnce(FIXTURE, "<title>Closing</title>", "<title>  </title>");
    expect(catchError(() => parse(untitled)).message).toContain(`line ${lineOf(untitled, "<title>  </title>")}: `);

    const anonymous = replaceOnce(FIXTURE, `<event guid="${ID.closing}" id="204">`, "<event>");
    expect(catchError(() => parse(anonymous)).message).toContain(`line ${lineOf(anonymous, "<event>")}: `);

    const duplicate = replaceOnce(FIXTURE, `guid="${ID.closing}"`, `guid="${ID.reproducible}"`);
    const error = catchError(() => parse(duplicate));
    expect(error.message).toContain(`line ${lineOf(duplicate, 'id="204"')}: `);
    expect(error.message).toContain(`first at line ${lineOf(duplicate, ID.reproducible)}`);
  });

  it("rejects a schedule without a conference title", () => {
    const error = catchError(() => parse("<schedule>\n<conference><acronym> </acronym></conference>\n</schedule>"));
    expect(error.message).toContain(`${FILE}: line 2: `);
  });

  it("turns the XML library's own guards into INVALID_INPUT with a line", () => {
    const error = catchError(() => parse("<schedule>\n<conference>\n<__proto__>x</__proto__>\n</conference>\n</schedule>"));
    expect(error.message).toContain(`${FILE}: line 3: `);
  });
});

// ---------------------------------------------------------------------------
// Property tests: any input either parses to a valid program or fails with
// INVALID_INPUT naming the file and a line or field. Anything else is a bug.
// ---------------------------------------------------------------------------

function parsesOrFailsCleanly(text: string): void {
  let program: ParsedProgram;
  try {
    program = parseFrabXml(text, { fileName: "fuzz.xml" });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message.startsWith("fuzz.xml: ")).toBe(true);
    expect(error.details?.line ?? error.details?.field).toBeDefined();
    return;
  }
  ZParsedProgram.parse(program);
  for (const parsed of program.sessions) {
    expect(parsed.start !== null && parsed.end !== null && parsed.end >= parsed.start).toBe(true);
  }
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

type Mutation =
  | { kind: "truncate"; at: number }
  | { kind: "deleteLine"; at: number }
  | { kind: "duplicateLine"; at: number }
  | { kind: "replaceChar"; at: number; by: string }
  | { kind: "changeValue"; at: number; by: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("deleteLine" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("duplicateLine" as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant("replaceChar" as const),
    at: fc.nat(),
    by: fc.oneof(fc.constantFrom("<", ">", "&", '"', "/", "\n", "", "x", "0", "-", ":"), fc.string({ maxLength: 2 })),
  }),
  fc.record({ kind: fc.constant("changeValue" as const), at: fc.nat(), by: replacement }),
);

function mutate(text: string, change: Mutation): string {
  const lines = text.split("\n");
  switch (change.kind) {
    case "truncate":
      return text.slice(0, change.at % (text.length + 1));
    case "deleteLine":
      lines.splice(change.at % lines.length, 1);
      return lines.join("\n");
    case "duplicateLine": {
      const index = change.at % lines.length;
      lines.splice(index, 0, lines[index] ?? "");
      return lines.join("\n");
    }
    case "replaceChar": {
      if (text.length === 0) return change.by;
      const index = change.at % text.length;
      return text.slice(0, index) + change.by + text.slice(index + 1);
    }
    case "changeValue": {
      // Element text (between > and <) and attribute values.
      const values = [...text.matchAll(/>([^<>]*)<|="([^"]*)"/g)];
      if (values.length === 0) return text;
      const match = values[change.at % values.length];
      if (match === undefined) return text;
      const start = match.index + (match[0].startsWith(">") ? 1 : 2);
      const length = (match[1] ?? match[2] ?? "").length;
      return text.slice(0, start) + change.by + text.slice(start + length);
    }
  }
}

describe("parseFrabXml properties", () => {
  it("never throws anything but AppError on random text", () => {
    const xmlish = fc.string({
      unit: fc.constantFrom("<", ">", "/", "schedule", "conference", "title", "day", "room", "event", " guid=\"g\"", "date", "x", "&amp;", "<![CDATA[", "]]>", "\n"),
      maxLength: 40,
    });
    fc.assert(fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" }), xmlish), parsesOrFailsCleanly), { numRuns: 300 });
  });

  it("never throws anything but AppError on mutations of the fixture", () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (changes) => {
        parsesOrFailsCleanly(changes.reduce(mutate, FIXTURE));
      }),
      { numRuns: 400 },
    );
  });

  it("never throws anything but AppError when values change in a date-less, zone-less fixture", () => {
    const bare = FIXTURE.replace(/\s*<date>[^<]*<\/date>/g, "");
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.boolean(), (changes, withZone) => {
        const text = changes.reduce(mutate, bare);
        try {
          const program = parseFrabXml(text, { fileName: "fuzz.xml", timeZone: withZone ? "Europe/Berlin" : undefined });
          ZParsedProgram.parse(program);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          expect(error.message.startsWith("fuzz.xml: ")).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
