import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ZParsedProgram, type ParsedProgram } from "@/lib/program/parsed-program";
import { looksLikeSessionize, organizationFromTagLine, parseSessionize } from "@/lib/program/parse-sessionize";
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

const FILE = "sessionize-all.json";
const fixture = readFixture("sessionize-all.json");

type Json = Record<string, unknown>;

function parse(text: string, timeZone = "Europe/London"): ParsedProgram {
  return parseSessionize(text, { fileName: FILE, timeZone });
}

/** A deep copy of the fixture to break in one place. */
function fixtureData(): { sessions: Json[]; speakers: Json[]; categories: Json[]; rooms: Json[] } {
  return JSON.parse(fixture) as { sessions: Json[]; speakers: Json[]; categories: Json[]; rooms: Json[] };
}

describe("parseSessionize on the fixture", () => {
  const program = parse(fixture);

  it("produces a valid program with the conference taken from the file", () => {
    expect(() => ZParsedProgram.parse(program)).not.toThrow();
    expect(program.format).toBe("sessionize");
    expect(program.conference).toEqual({
      title: "sessionize-all",
      subtitle: null,
      acronym: null,
      timeZone: "Europe/London",
    });
  });

  it("keeps scheduled sessions in file order and leaves out unscheduled ones", () => {
    expect(program.sessions.map((s) => s.externalId)).toEqual([
      "100002",
      "100001",
      "100003",
      "100004",
      "100005",
      "100006",
      "100007",
      "100008",
      "100009",
    ]);
  });

  it("reads the plenum keynote completely", () => {
    expect(sessionById(program, "100001")).toEqual({
      externalId: "100001",
      title: "Opening Keynote: Streams Everywhere",
      abstract:
        "Why every company is becoming a software company, and why that software is increasingly built around streams of events.\n\nWe look back at five years of the project and ahead at what is coming next.",
      // 09:00 British Summer Time
      start: new Date("2019-04-02T08:00:00Z"),
      end: new Date("2019-04-02T08:45:00Z"),
      room: "Auditorium",
      track: null,
      kind: "keynote",
      speakers: [
        { name: "Maren Okafor", organization: "Streamwise" },
        { name: "Tomás Lindqvist", organization: "Northwind Logistics" },
      ],
      url: "https://live.example.org/auditorium",
    });
  });

  it("reads a regular talk with its track and recording", () => {
    expect(sessionById(program, "100003")).toEqual({
      externalId: "100003",
      title: "Exactly-once semantics, revisited",
      abstract:
        "Idempotent producers, transactions and read-committed consumers: what they guarantee, what they cost and where the sharp edges are.",
      start: new Date("2019-04-02T09:00:00Z"),
      end: new Date("2019-04-02T09:40:00Z"),
      room: "Room A",
      track: "Core Kafka",
      kind: "talk",
      speakers: [{ name: "Priya Raman", organization: "Streamwise" }],
      url: "https://videos.example.org/100003",
    });
  });

  it("reads a service session without speakers", () => {
    expect(sessionById(program, "100002")).toEqual({
      externalId: "100002",
      title: "Registration & Coffee",
      abstract: "",
      start: new Date("2019-04-02T07:00:00Z"),
      end: new Date("2019-04-02T08:00:00Z"),
      room: "Auditorium",
      track: null,
      kind: "service",
      speakers: [],
      url: null,
    });
    expect(sessionById(program, "100008")).toMatchObject({ kind: "service", room: null, title: "Lunch" });
  });

  it("takes the keynote kind from the session format category", () => {
    expect(sessionById(program, "100009")).toMatchObject({
      kind: "keynote",
      track: null,
      speakers: [{ name: "Maren Okafor", organization: "Streamwise" }],
    });
  });

  it("finds the track item wherever it is in categoryItems, and keeps speaker order", () => {
    expect(sessionById(program, "100007")).toMatchObject({ track: "Stream Processing", kind: "talk", abstract: "" });
    expect(sessionById(program, "100004").speakers).toEqual([
      { name: "Jonas Becker", organization: "Independent consultant" },
      { name: "Ana Sousa", organization: null },
    ]);
    expect(sessionById(program, "100005").speakers).toEqual([{ name: "Wei Zhang", organization: "Harbor Freight Data" }]);
  });

  it("reads the same wall-clock times in another zone", () => {
    const ny = parse(fixture, "America/New_York");
    expect(sessionById(ny, "100001").start).toEqual(new Date("2019-04-02T13:00:00Z"));
    expect(ny.conference.timeZone).toBe("America/New_York");
  });
});

describe("parseSessionize details", () => {
  it("applies each session's own UTC offset across a DST change", () => {
    const data = fixtureData();
    const [first, second] = data.sessions;
    if (!first || !second) throw new Error("fixture too small");
    // Europe/London springs forward on 2019-03-31 at 01:00.
    Object.assign(first, { startsAt: "2019-03-30T10:00:00", endsAt: "2019-03-30T10:40:00" });
    Object.assign(second, { startsAt: "2019-03-31T10:00:00", endsAt: "2019-03-31T10:40:00" });
    const program = parse(JSON.stringify(data));
    expect(sessionById(program, String(first.id)).start).toEqual(new Date("2019-03-30T10:00:00Z"));
    expect(sessionById(program, String(second.id)).start).toEqual(new Date("2019-03-31T09:00:00Z"));
  });

  it("falls back to the first non-format session category when there is no Track", () => {
    const data = fixtureData();
    data.categories = [
      data.categories[0] ?? {},
      { id: 3, title: "Level", type: "session", items: [{ id: 311, name: "Advanced" }] },
    ];
    data.sessions.forEach((s) => {
      if (s.id === "100003") s.categoryItems = [212, 311];
    });
    const program = parse(JSON.stringify(data));
    expect(sessionById(program, "100003").track).toBe("Advanced");
    expect(sessionById(program, "100004").track).toBeNull();
  });

  it("matches the Track category title case-insensitively", () => {
    const data = fixtureData();
    data.categories.forEach((c) => {
      if (c.title === "Track") c.title = "TRACK";
    });
    expect(sessionById(parse(JSON.stringify(data)), "100003").track).toBe("Core Kafka");
  });

  it("accepts numeric ids, speaker objects, a BOM and missing optional fields", () => {
    const text = JSON.stringify({
      sessions: [
        {
          id: 7,
          title: "  Talk  ",
          startsAt: "2019-04-02T10:30:00",
          endsAt: "2019-04-02T11:10:00",
          speakers: [{ id: "s1", name: "Ann Lee" }],
          roomId: 1,
        },
      ],
      speakers: [{ id: "s1", firstName: "Ann", lastName: "Lee", tagLine: "CTO @ Acme" }],
      rooms: [{ id: 1, name: "Hall" }],
    });
    const program = parse(`\uFEFF${text}`);
    expect(ZParsedProgram.parse(program).sessions).toEqual([
      {
        externalId: "7",
        title: "Talk",
        abstract: "",
        start: new Date("2019-04-02T09:30:00Z"),
        end: new Date("2019-04-02T10:10:00Z"),
        room: "Hall",
        track: null,
        kind: "talk",
        speakers: [{ name: "Ann Lee", organization: "Acme" }],
        url: null,
      },
    ]);
  });

  it("derives organizations from tag lines", () => {
    expect(organizationFromTagLine("Developer Advocate at Confluent")).toBe("Confluent");
    expect(organizationFromTagLine("Engineer @ Acme Corp")).toBe("Acme Corp");
    expect(organizationFromTagLine("Lead at Data at Scale")).toBe("Scale");
    expect(organizationFromTagLine("Acme Corp")).toBe("Acme Corp");
    expect(organizationFromTagLine("  ")).toBeNull();
    expect(organizationFromTagLine(null)).toBeNull();
    expect(organizationFromTagLine(undefined)).toBeNull();
  });

  it("sniffs the shape", () => {
    expect(looksLikeSessionize(JSON.parse(fixture))).toBe(true);
    expect(looksLikeSessionize({ sessions: [], speakers: [], rooms: [] })).toBe(true);
    expect(looksLikeSessionize({ sessions: [], speakers: [] })).toBe(false);
    expect(looksLikeSessionize([])).toBe(false);
    expect(looksLikeSessionize(null)).toBe(false);
    expect(looksLikeSessionize("sessions")).toBe(false);
  });
});

describe("parseSessionize errors", () => {
  it("requires a time zone and explains why", () => {
    expectInvalid(() => parseSessionize(fixture, { fileName: FILE }), FILE, "carry no time zone", "--timezone");
    expectInvalid(() => parse(fixture, " "), FILE, "--timezone");
  });

  it("rejects an unknown time zone", () => {
    expectInvalid(() => parse(fixture, "Mars/Olympus_Mons"), FILE, "Mars/Olympus_Mons");
  });

  it("names the line of a JSON syntax error", () => {
    const lines = fixture.split("\n");
    const index = lines.findIndex((line) => line.includes('"title": "Exactly-once semantics, revisited",'));
    lines[index] = lines[index]?.replace(/,$/, "") ?? "";
    // The parser notices at the next property, one line further down.
    expectInvalid(() => parse(lines.join("\n")), FILE, `line ${index + 2}:`, "invalid JSON");
  });

  it("names the line of other JSON errors", () => {
    expectInvalid(() => parse(""), `${FILE}: line 1: invalid JSON: unexpected end of input`);
    expectInvalid(() => parse('{\n  "sessions": [\n    1,\n  ]\n}'), "line 4:", "invalid JSON");
    expectInvalid(() => parse('{\n"a": "line\nbreak"}'), "line 2:", "control character");
    expectInvalid(() => parse("{}\n}"), "line 2:", "after the end");
    expectInvalid(() => parse('{"a": tru}'), "line 1:", "expected a value");
  });

  it("rejects a document that is not a Sessionize export", () => {
    expectInvalid(() => parse("[]"), FILE, "sessions, speakers and rooms");
    expectInvalid(() => parse('{"sessions": []}'), `${FILE}: speakers:`);
  });

  it("turns schema problems into the JSON path of the field", () => {
    const data = fixtureData();
    const target = data.sessions[3];
    if (!target) throw new Error("fixture too small");
    target.startsAt = 42;
    expectInvalid(() => parse(JSON.stringify(data)), `${FILE}: sessions[3].startsAt:`);

    const noTitle = fixtureData();
    Object.assign(noTitle.sessions[0] ?? {}, { title: "   " });
    expectInvalid(() => parse(JSON.stringify(noTitle)), "sessions[0].title", "must not be empty");

    const badItem = fixtureData();
    Object.assign(badItem.categories[1] ?? {}, { items: [{ id: 1 }] });
    expectInvalid(() => parse(JSON.stringify(badItem)), "categories[1].items[0].name");
  });

  it("rejects an unreadable date-time", () => {
    const data = fixtureData();
    Object.assign(data.sessions[2] ?? {}, { startsAt: "2019-13-02T10:00:00" });
    expectInvalid(() => parse(JSON.stringify(data)), "sessions[2].startsAt", "2019-13-02T10:00:00");

    const dateOnly = fixtureData();
    Object.assign(dateOnly.sessions[2] ?? {}, { endsAt: "2019-04-02" });
    expectInvalid(() => parse(JSON.stringify(dateOnly)), "sessions[2].endsAt");
  });

  it("rejects a session that ends before it starts, naming it", () => {
    const data = fixtureData();
    Object.assign(data.sessions[2] ?? {}, { endsAt: "2019-04-02T09:59:00" });
    expectInvalid(
      () => parse(JSON.stringify(data)),
      `${FILE}: sessions[2].endsAt:`,
      '100003 "Exactly-once semantics, revisited"',
      "before it starts",
    );
  });

  it("rejects a session with only one of start and end", () => {
    const data = fixtureData();
    Object.assign(data.sessions[2] ?? {}, { endsAt: null });
    expectInvalid(() => parse(JSON.stringify(data)), "sessions[2].endsAt", "a start but no end");
  });

  it("rejects unknown rooms and speakers", () => {
    const room = fixtureData();
    Object.assign(room.sessions[2] ?? {}, { roomId: 99 });
    expectInvalid(() => parse(JSON.stringify(room)), "sessions[2].roomId", "unknown room 99");

    const speaker = fixtureData();
    Object.assign(speaker.sessions[3] ?? {}, { speakers: ["e7b3a2f9-4c1d-4d8e-a6b5-3f9c0d1e2a04", "nobody"] });
    expectInvalid(() => parse(JSON.stringify(speaker)), "sessions[3].speakers[1]", "unknown speaker nobody");
  });

  it("rejects duplicate session ids and nameless speakers", () => {
    const duplicate = fixtureData();
    Object.assign(duplicate.sessions[4] ?? {}, { id: "100003" });
    expectInvalid(() => parse(JSON.stringify(duplicate)), "sessions[4].id", "duplicate session id 100003");

    const nameless = fixtureData();
    Object.assign(nameless.speakers[1] ?? {}, { fullName: "", firstName: null, lastName: " " });
    expectInvalid(() => parse(JSON.stringify(nameless)), "speakers[1].fullName", "has no name");
  });
});

describe("parseSessionize properties", () => {
  /** Either a timed program the importer accepts, or an INVALID_INPUT naming the file. */
  const contract: ParserContract = {
    fileName: FILE,
    parse: (text) => parse(text),
    timed: true,
    checkRejection: (error, text) => {
      // Every JSON syntax error must be located by our own scanner, never fall back to V8's text.
      if (!isJson(text)) expect(error.message).toMatch(/^sessionize-all\.json: line \d+: invalid JSON: /);
    },
  };

  function isJson(text: string): boolean {
    try {
      JSON.parse(text.replace(/^\uFEFF/, ""));
      return true;
    } catch {
      return false;
    }
  }

  it("parses or rejects random strings with AppError", () => {
    assertParsesOrRejects(contract, fc.string({ maxLength: 200 }), 300);
    assertParsesOrRejects(contract, fc.json(), 300);
  });

  it("parses or rejects mutations of the fixture with AppError", () => {
    const by = replacementText("{}[]\":,\\ \n0-T9ax".split(""), 6);
    assertMutantsParseOrReject(contract, {
      sources: [fixture],
      mutation: textMutation({ truncate: true, deleteLine: true, duplicateLine: true, replaceChar: by, insertText: by }),
      apply: applyTextMutation,
      maxMutations: 4,
      numRuns: 500,
    });
  });

  it("parses or rejects structurally mutated documents with AppError", () => {
    const valueArb = fc.oneof(
      fc.constant(null),
      fc.string({ maxLength: 20 }),
      fc.integer(),
      fc.boolean(),
      fc.constant("2019-04-02T25:00:00"),
      fc.constant([]),
    );
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom("id", "title", "startsAt", "endsAt", "roomId", "speakers", "categoryItems"), valueArb, (index, key, value) => {
        const data = fixtureData();
        const target = data.sessions[index % data.sessions.length];
        if (target) target[key] = value;
        parsesOrRejects(contract, JSON.stringify(data));
      }),
      { numRuns: 300 },
    );
  });
});
