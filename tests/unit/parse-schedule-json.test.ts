import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findJsonSyntaxError } from "@/lib/program/parse-json-text";
import { looksLikeScheduleJson, parseScheduleJson } from "@/lib/program/parse-schedule-json";
import { ZParsedProgram, type ParsedProgram } from "@/lib/program/parsed-program";
import {
  applyTextMutation,
  assertMutantsParseOrReject,
  assertParsesOrRejects,
  catchInvalid,
  parsesOrRejects,
  readFixture,
  replacementText,
  sessionById,
  textMutation,
  type ParserContract,
} from "../support/parser-properties";

const V1 = readFixture("schedule-v1.json");
const V2 = readFixture("schedule-v2-events.json");
const V1_FILE = "schedule-v1.json";
const V2_FILE = "schedule-v2-events.json";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function parse(text: string, fileName = V1_FILE, timeZone?: string): ParsedProgram {
  return parseScheduleJson(text, { fileName, timeZone });
}

/** Edits a copy of a fixture as a JSON value and writes it back as text. */
function edit(text: string, change: (document: Record<string, Json>) => void): string {
  const document = JSON.parse(text) as Record<string, Json>;
  change(document);
  return JSON.stringify(document, null, 2);
}

function at(value: Json | undefined, ...path: Array<string | number>): Record<string, Json> {
  let current: Json | undefined = value;
  for (const key of path) {
    if (typeof current !== "object" || current === null) throw new Error(`no ${String(key)}`);
    current = Array.isArray(current) ? current[Number(key)] : current[String(key)];
  }
  if (typeof current !== "object" || current === null || Array.isArray(current)) throw new Error("not an object");
  return current;
}

const V1_ID = {
  keynote: "9e0b7c1a-6f2d-4a8e-b3c4-d5e6f7a83001",
  lora: "9e0b7c1a-6f2d-4a8e-b3c4-d5e6f7a83002",
  stargazing: "9e0b7c1a-6f2d-4a8e-b3c4-d5e6f7a83003",
  ctf: "9e0b7c1a-6f2d-4a8e-b3c4-d5e6f7a83004",
  sleep: "9e0b7c1a-6f2d-4a8e-b3c4-d5e6f7a83101",
  lightning: "9e0b7c1a-6f2d-4a8e-b3c4-d5e6f7a83102",
};
const V2_ID = {
  css: "6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b0101",
  drills: "6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b0102",
  kickoff: "6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b0201",
};

// Paths into the v1 fixture: day 0 has rooms "Te Pātaka" [3001, 3003] and "Room 2" [3002, 3004].
const FIRST_DAY = ["schedule", "conference", "days", 0] as const;
const LORA = [...FIRST_DAY, "rooms", "Room 2", 0] as const;

describe("looksLikeScheduleJson", () => {
  it("recognises both layouts", () => {
    expect(looksLikeScheduleJson(JSON.parse(V1))).toBe(true);
    expect(looksLikeScheduleJson(JSON.parse(V2))).toBe(true);
  });

  it("rejects other values", () => {
    for (const value of [null, 42, "schedule", [], {}, { schedule: null }, { schedule: { version: "1" } }, { schedule: [] }, { sessions: [], speakers: [] }]) {
      expect(looksLikeScheduleJson(value)).toBe(false);
    }
  });
});

describe("parseScheduleJson, version 1 (days and rooms)", () => {
  const program = parse(V1);

  it("produces a valid program in document order", () => {
    expect(() => ZParsedProgram.parse(program)).not.toThrow();
    expect(program.format).toBe("schedule-json");
    expect(program.conference).toEqual({ title: "Tauhou Summit 2020", subtitle: null, acronym: "tauhou20", timeZone: "Pacific/Auckland" });
    expect(program.sessions.map((s) => s.externalId)).toEqual([
      V1_ID.keynote,
      V1_ID.stargazing,
      V1_ID.lora,
      V1_ID.ctf,
      V1_ID.sleep,
      V1_ID.lightning,
    ]);
  });

  it("reads every field of the keynote", () => {
    expect(sessionById(program, V1_ID.keynote)).toEqual({
      externalId: V1_ID.keynote,
      title: "Kia ora: Opening Keynote",
      abstract: "Why a summit at the edge of the date line starts first.\n\nA tour of the weekend, the venue\nand the people who made it happen.",
      start: new Date("2020-04-03T21:00:00Z"),
      end: new Date("2020-04-03T21:45:00Z"),
      room: "Te Pātaka",
      track: "Main",
      kind: "keynote",
      speakers: [{ name: "Aroha Ngata", organization: null }],
      url: "https://tauhou.example.nz/2020/talk/3001/",
    });
  });

  it("reads every field of the workshop: subtitle first, null track, persons with name", () => {
    expect(sessionById(program, V1_ID.lora)).toEqual({
      externalId: V1_ID.lora,
      title: "Hands-on with LoRa",
      abstract: "Bring a board & a laptop\n\nSend your first packet across the harbour.",
      start: new Date("2020-04-03T21:00:00Z"),
      end: new Date("2020-04-03T22:30:00Z"),
      room: "Room 2",
      track: null,
      kind: "workshop",
      speakers: [{ name: "Priya Raman", organization: null }],
      url: "https://tauhou.example.nz/2020/talk/3002/",
    });
  });

  it("gets UTC right on both sides of the DST change, far from UTC", () => {
    // Auckland leaves daylight saving on 2020-04-05: 10:00 is 21:00Z the day before at +13, 22:00Z at +12.
    expect(sessionById(program, V1_ID.keynote).start).toEqual(new Date("2020-04-03T21:00:00Z"));
    expect(sessionById(program, V1_ID.sleep).start).toEqual(new Date("2020-04-04T22:00:00Z"));
    expect(sessionById(program, V1_ID.sleep).end).toEqual(new Date("2020-04-04T22:50:00Z"));
    expect(sessionById(program, V1_ID.lightning).end).toEqual(new Date("2020-04-05T01:55:00Z"));
  });

  it("reads pretalx persons and empty fields", () => {
    expect(sessionById(program, V1_ID.sleep).speakers).toEqual([{ name: "Hemi Walker", organization: null }]);
    const ctf = sessionById(program, V1_ID.ctf);
    expect(ctf).toMatchObject({ abstract: "", speakers: [], kind: "meeting", track: "Security" });
    expect(ctf.start).toEqual(new Date("2020-04-04T11:30:00Z"));
  });

  it("falls back to day date + start in the conference zone, rolling past midnight within a day", () => {
    const dateless = edit(V1, (document) => {
      for (const day of at(document, "schedule", "conference").days as Json[]) {
        for (const events of Object.values(at(day, "rooms"))) {
          for (const event of events as Json[]) delete at(event).date;
        }
      }
    });
    expect(dateless).not.toContain('"date": "2020-04-04T');
    expect(parse(dateless)).toEqual(program);
  });

  it("uses options.timeZone when the file names no zone", () => {
    const zoneless = edit(V1, (document) => {
      delete at(document, "schedule", "conference").time_zone_name;
      delete at(document, ...LORA).date;
    });
    const parsed = parse(zoneless, V1_FILE, "Pacific/Auckland");
    expect(parsed.conference.timeZone).toBeNull();
    expect(parsed.sessions).toEqual(program.sessions);
  });

  it("falls back to the numeric id, the room key and the kind talk", () => {
    const edited = edit(V1, (document) => {
      const lora = at(document, ...LORA);
      delete lora.guid;
      delete lora.room;
      lora.type = "  ";
    });
    expect(sessionById(parse(edited), "3002")).toMatchObject({ room: "Room 2", kind: "talk" });
  });

  it("accepts a BOM", () => {
    expect(parse(`\uFEFF${V1}`)).toEqual(program);
  });
});

describe("parseScheduleJson, schedule 2 (flat events)", () => {
  const program = parse(V2, V2_FILE);

  it("reads the conference and every field of an event with end, room and track references", () => {
    expect(() => ZParsedProgram.parse(program)).not.toThrow();
    expect(program.conference).toEqual({ title: "Harbor Dev Days 2019", subtitle: null, acronym: "harbordev2019", timeZone: "America/New_York" });
    expect(sessionById(program, V2_ID.css)).toEqual({
      externalId: V2_ID.css,
      title: "CSS Layout Without Tears",
      abstract: "Grid, flexbox and when to reach for which.\n\nLive-coded from a blank page to a full conference site.",
      start: new Date("2019-04-02T14:30:00Z"),
      end: new Date("2019-04-02T15:10:00Z"),
      room: "Main Stage",
      track: "Web & Frontend",
      kind: "talk",
      speakers: [{ name: "Dana Whitfield", organization: null }],
      url: "https://harbordev.example.com/2019/talk/HD19A1/",
    });
  });

  it("resolves a room by guid, uses duration without end, and picks English from localized text", () => {
    expect(sessionById(program, V2_ID.drills)).toEqual({
      externalId: V2_ID.drills,
      title: "Incident Drills for Small Teams",
      abstract: "Practice the pager before it rings\n\nRun a game day in ninety minutes.",
      start: new Date("2019-04-02T17:00:00Z"),
      end: new Date("2019-04-02T18:30:00Z"),
      room: "Workshop Loft",
      track: "Operations",
      kind: "workshop",
      speakers: [
        { name: "Ravi Chandran", organization: null },
        { name: "Eun-ji Park", organization: null },
      ],
      url: "https://harbordev.example.com/2019/talk/HD19B2/",
    });
  });

  it("reads a string room and null texts", () => {
    expect(sessionById(program, V2_ID.kickoff)).toEqual({
      externalId: V2_ID.kickoff,
      title: "Day Two Kick-off ☕",
      abstract: "",
      start: new Date("2019-04-03T13:00:00Z"),
      end: new Date("2019-04-03T13:20:00Z"),
      room: "Main Stage",
      track: null,
      kind: "other",
      speakers: [],
      url: "https://harbordev.example.com/2019/talk/HD19C3/",
    });
  });

  it("reads the same events from schedule.conference.events", () => {
    const moved = edit(V2, (document) => {
      const schedule = at(document, "schedule");
      at(schedule, "conference").events = schedule.events ?? null;
      delete schedule.events;
    });
    expect(parse(moved, V2_FILE)).toEqual(program);
  });

  it("reads a zone-less start in the conference zone", () => {
    const edited = edit(V2, (document) => {
      at(document, "schedule", "events", 0).start = "2019-04-02T10:30:00";
    });
    expect(sessionById(parse(edited, V2_FILE), V2_ID.css).start).toEqual(new Date("2019-04-02T14:30:00Z"));
  });

  it("takes an event present in both layouts once", () => {
    const both = edit(V1, (document) => {
      const conference = at(document, "schedule", "conference");
      at(document, "schedule").events = [at(conference, "days", 1, "rooms", "Room 2", 0)];
    });
    expect(parse(both)).toEqual(parse(V1));
  });
});

describe("parseScheduleJson errors", () => {
  it("reports invalid JSON with the line of the error", () => {
    const cases: Array<[string, number]> = [
      ['{\n  "schedule": {\n    "conference": }\n}', 3],
      ['{\n  "schedule": {\n    "version": "1"\n    "conference": {}\n  }\n}', 4],
      ["not json at all", 1],
      ['{\n  "schedule": {\n', 3],
      [V1.replace('"daysCount": 2,', '"daysCount": 2,,'), V1.split("\n").findIndex((line) => line.includes('"daysCount"')) + 1],
    ];
    for (const [text, line] of cases) {
      const error = catchInvalid(() => parse(text));
      expect(error.message).toContain(`${V1_FILE}: line ${line}: not valid JSON`);
      expect(error.details).toMatchObject({ file: V1_FILE, line });
    }
  });

  it("turns schema problems into the JSON path of the field", () => {
    const wrongType = edit(V1, (document) => {
      at(document, ...FIRST_DAY, "rooms", "Te Pātaka", 1).date = 42;
    });
    const error = catchInvalid(() => parse(wrongType));
    expect(error.message).toContain(`${V1_FILE}: schedule.conference.days[0].rooms["Te Pātaka"][1].date: `);
    expect(error.details).toMatchObject({ field: 'schedule.conference.days[0].rooms["Te Pātaka"][1].date' });

    const untitled = edit(V2, (document) => {
      delete at(document, "schedule", "events", 2).title;
    });
    expect(catchInvalid(() => parse(untitled, V2_FILE)).message).toContain(`${V2_FILE}: schedule.events[2].title: `);

    expect(catchInvalid(() => parse("[]")).message).toContain(`${V1_FILE}: (top level): `);
    expect(catchInvalid(() => parse('{"schedule": {}}')).message).toContain(`${V1_FILE}: schedule.conference: `);
  });

  it("rejects an event with a broken date, naming its path", () => {
    const broken = edit(V1, (document) => {
      at(document, ...LORA).date = "2019-13-45T10:00:00+13:00";
    });
    const error = catchInvalid(() => parse(broken));
    expect(error.message).toContain(`${V1_FILE}: schedule.conference.days[0].rooms["Room 2"][0].date: `);
    expect(error.message).toContain(V1_ID.lora);
    expect(error.message).toContain("2019-13-45T10:00:00+13:00");
  });

  it("rejects an event with a broken start when it has no date", () => {
    const broken = edit(V1, (document) => {
      const lora = at(document, ...LORA);
      delete lora.date;
      lora.start = "25:99";
    });
    expect(catchInvalid(() => parse(broken)).message).toContain(`${V1_FILE}: schedule.conference.days[0].rooms["Room 2"][0].start: `);
  });

  it("rejects a broken or negative duration", () => {
    for (const duration of ["ninety", "01:75", "-01:30"]) {
      const broken = edit(V1, (document) => {
        at(document, ...LORA).duration = duration;
      });
      const error = catchInvalid(() => parse(broken));
      expect(error.message).toContain(`${V1_FILE}: schedule.conference.days[0].rooms["Room 2"][0].duration: `);
      expect(error.message).toContain(duration);
    }
    const negative = edit(V1, (document) => {
      at(document, ...LORA).duration = "-00:30";
    });
    expect(catchInvalid(() => parse(negative)).message).toContain("ends before it starts");
  });

  it("rejects a schedule 2 event whose end is before its start", () => {
    const broken = edit(V2, (document) => {
      at(document, "schedule", "events", 0).end = "2019-04-02T10:00:00-04:00";
    });
    const error = catchInvalid(() => parse(broken, V2_FILE));
    expect(error.message).toContain(`${V2_FILE}: schedule.events[0].end: `);
    expect(error.message).toContain("ends");
  });

  it("rejects an unknown time_zone_name", () => {
    const broken = edit(V2, (document) => {
      at(document, "schedule", "conference").time_zone_name = "America/Atlantis";
    });
    const error = catchInvalid(() => parse(broken, V2_FILE));
    expect(error.message).toContain(`${V2_FILE}: schedule.conference.time_zone_name: `);
    expect(error.message).toContain("America/Atlantis");
  });

  it("rejects a wall-clock start when no zone is known, a missing id, and a duplicate id", () => {
    const zoneless = edit(V1, (document) => {
      delete at(document, "schedule", "conference").time_zone_name;
      delete at(document, ...LORA).date;
    });
    expect(catchInvalid(() => parse(zoneless)).message).toContain(`${V1_FILE}: schedule.conference.days[0].rooms["Room 2"][0].start: `);

    const anonymous = edit(V2, (document) => {
      delete at(document, "schedule", "events", 1).guid;
    });
    expect(catchInvalid(() => parse(anonymous, V2_FILE)).message).toContain(`${V2_FILE}: schedule.events[1].guid: `);

    const duplicate = edit(V2, (document) => {
      at(document, "schedule", "events", 2).guid = V2_ID.css;
    });
    const error = catchInvalid(() => parse(duplicate, V2_FILE));
    expect(error.message).toContain(`${V2_FILE}: schedule.events[2]: `);
    expect(error.message).toContain("first at schedule.events[0]");
  });

  it("rejects a conference without a title", () => {
    const untitled = edit(V2, (document) => {
      const conference = at(document, "schedule", "conference");
      delete conference.title;
      delete conference.acronym;
    });
    expect(catchInvalid(() => parse(untitled, V2_FILE)).message).toContain(`${V2_FILE}: schedule.conference.title: `);
  });
});

// ---------------------------------------------------------------------------
// Property tests: any input either parses to a valid program or fails with
// INVALID_INPUT naming the file and a line or field. Anything else is a bug.
// ---------------------------------------------------------------------------

/** Every rejection names a line or a field, and every session is timed. */
const FUZZ: ParserContract = {
  fileName: "fuzz.json",
  parse: (text) => parseScheduleJson(text, { fileName: "fuzz.json" }),
  locatesRejections: true,
  timed: true,
};

const textMutationOfJson = textMutation({
  truncate: true,
  deleteLine: true,
  duplicateLine: true,
  replaceChar: replacementText(["{", "}", "[", "]", ",", ":", '"', "\\", "", "0", "-", "\n", "null"], 2),
});

/** Every place in a JSON value that can be replaced: [parent, key]. */
function slots(value: Json): Array<[Json[] | { [key: string]: Json }, string | number]> {
  if (typeof value !== "object" || value === null) return [];
  const entries: Array<[string | number, Json]> = Array.isArray(value) ? value.map((item, index) => [index, item]) : Object.entries(value);
  return entries.flatMap(([key, child]) => [[value, key] as [typeof value, string | number], ...slots(child)]);
}

const interestingValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(
    "",
    " ",
    "2019-13-45T10:00:00+01:00",
    "2020-04-05T02:30:00",
    "2020-04-05",
    "25:99",
    "-00:30",
    "00:00",
    "99999:59:59",
    "Europe/Atlantis",
    "UTC",
    "__proto__",
    null,
    0,
    -1,
    1e308,
    true,
    [],
    {},
    { en: null },
    { name: "" },
    { guid: "3d2c1b0a-8f7e-5d6c-9b8a-7f6e5d4c0002" },
  ),
  fc.jsonValue({ maxDepth: 2 }).map((value) => value as Json),
);

const valueChange = fc.record({ at: fc.nat(), by: interestingValue, remove: fc.boolean() });

function changeValue(document: Json, change: { at: number; by: Json; remove: boolean }): Json {
  const all = slots(document);
  const slot = all[change.at % Math.max(all.length, 1)];
  if (slot === undefined) return change.by;
  const [parent, key] = slot;
  if (Array.isArray(parent)) {
    if (change.remove) parent.splice(Number(key), 1);
    else parent[Number(key)] = change.by;
  } else if (change.remove) {
    delete parent[String(key)];
  } else {
    parent[String(key)] = change.by;
  }
  return document;
}

describe("parseScheduleJson properties", () => {
  it("locates JSON syntax errors exactly when JSON.parse fails", () => {
    const jsonish = fc.string({
      unit: fc.constantFrom("{", "}", "[", "]", ",", ":", '"', "\\", "a", "1", "-", ".", "e", "+", "0", " ", "\n", "true", "nul", "\\u00", "\t", "\u0001"),
      maxLength: 30,
    });
    const accepts = (text: string): boolean => {
      try {
        JSON.parse(text);
        return true;
      } catch {
        return false;
      }
    };
    fc.assert(
      fc.property(fc.oneof(jsonish, fc.json(), fc.json().map((text) => text.slice(0, -1)), fc.string()), (text) => {
        expect(findJsonSyntaxError(text) === null).toBe(accepts(text));
      }),
      { numRuns: 2000 },
    );
  });

  it("never throws anything but AppError on random text", () => {
    assertParsesOrRejects(FUZZ, fc.oneof(fc.string(), fc.json(), fc.string({ unit: "binary" })), 300);
  });

  it("never throws anything but AppError on text mutations of the fixtures", () => {
    assertMutantsParseOrReject(FUZZ, {
      sources: [V1, V2],
      mutation: textMutationOfJson,
      apply: applyTextMutation,
      maxMutations: 4,
      numRuns: 400,
    });
  });

  it("never throws anything but AppError when values in the fixtures change", () => {
    fc.assert(
      fc.property(fc.constantFrom(V1, V2), fc.array(valueChange, { minLength: 1, maxLength: 4 }), (text, changes) => {
        const document = changes.reduce(changeValue, JSON.parse(text) as Json);
        parsesOrRejects(FUZZ, JSON.stringify(document));
      }),
      { numRuns: 500 },
    );
  });
});
