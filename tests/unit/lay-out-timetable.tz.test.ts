import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { layOutTimetable, ZLayoutOptions, type LayoutOptions } from "@/lib/program/lay-out-timetable";
import { parseListing } from "@/lib/program/parse-listing";
import { ZParsedProgram, type ParsedProgram, type ParsedSession } from "@/lib/program/parsed-program";
import { catchInvalid, readSeed } from "../support/parser-properties";

const NEW_YORK = "America/New_York";
const TRACKS = ["Core Kafka", "Event-Driven Development", "Stream Processing", "Use Cases"];
const MINUTE_MS = 60_000;

const demo = parseListing(readSeed("kafka-summit-ny-2019.txt"), { fileName: "kafka-summit-ny-2019.txt" });

type Timed = ParsedSession & { start: Date; end: Date; room: string };

function timed(program: ParsedProgram): Timed[] {
  return program.sessions.map((session) => {
    if (session.start === null || session.end === null || session.room === null) {
      throw new Error(`"${session.title}" was not laid out`);
    }
    return { ...session, start: session.start, end: session.end, room: session.room };
  });
}

function overlaps(a: { start: Date; end: Date }, b: { start: Date; end: Date }): boolean {
  return a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();
}

function wallClock(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat("yyyy-MM-dd HH:mm");
}

function session(overrides: Partial<ParsedSession> & { title: string }): ParsedSession {
  return {
    externalId: overrides.title.toLowerCase().replace(/[^a-z0-9]+/gu, "-"),
    abstract: "",
    start: null,
    end: null,
    room: null,
    track: null,
    kind: "talk",
    speakers: [],
    url: null,
    ...overrides,
  };
}

describe("layOutTimetable on the demo program, 2019-04-02 in New York", () => {
  const options: LayoutOptions = { date: "2019-04-02", timeZone: NEW_YORK };
  const program = layOutTimetable(demo, options);
  const sessions = timed(program);
  const keynotes = sessions.filter((s) => s.kind === "keynote");
  const talks = sessions.filter((s) => s.kind !== "keynote");

  it("returns a valid program and leaves the input untouched", () => {
    expect(() => ZParsedProgram.parse(program)).not.toThrow();
    expect(program.sessions).toHaveLength(34);
    expect(demo.sessions.every((s) => s.start === null && s.room === null)).toBe(true);
    expect(program.conference).toEqual(demo.conference);
    expect(program.sessions.map((s) => s.externalId)).toEqual(demo.sessions.map((s) => s.externalId));
  });

  it("starts the first keynote at 09:00 EDT and runs keynotes one after another in Plenary", () => {
    expect(keynotes).toHaveLength(2);
    const [first, second] = keynotes;
    expect(first?.start.toISOString()).toBe("2019-04-02T13:00:00.000Z");
    expect(first?.end.toISOString()).toBe("2019-04-02T13:40:00.000Z");
    expect(second?.start.toISOString()).toBe("2019-04-02T13:50:00.000Z");
    expect(keynotes.every((s) => s.room === "Plenary")).toBe(true);
  });

  it("runs the 4 tracks in parallel, one room per track, with identical slot times", () => {
    const lastKeynoteEnd = Math.max(...keynotes.map((s) => s.end.getTime()));
    for (const track of TRACKS) {
      const inTrack = talks.filter((s) => s.track === track);
      expect(new Set(inTrack.map((s) => s.room))).toEqual(new Set([track]));
    }
    const slotTimes = TRACKS.map((track) =>
      talks.filter((s) => s.track === track).map((s) => `${s.start.toISOString()}/${s.end.toISOString()}`),
    );
    for (const times of slotTimes) expect(times).toEqual(slotTimes[0]);
    expect(new Set(slotTimes[0]).size).toBe(8);
    expect(Math.min(...talks.map((s) => s.start.getTime()))).toBe(lastKeynoteEnd + 10 * MINUTE_MS);
    expect(talks.every((s) => s.end.getTime() - s.start.getTime() === 40 * MINUTE_MS)).toBe(true);
  });

  it("keeps every session out of the lunch break and moves the slot that would overlap it", () => {
    const lunchStart = DateTime.fromISO("2019-04-02T12:30", { zone: NEW_YORK }).toJSDate();
    const lunch = { start: lunchStart, end: new Date(lunchStart.getTime() + 60 * MINUTE_MS) };
    for (const s of sessions) expect(overlaps(s, lunch), s.title).toBe(false);
    // Slot 3 would run 12:20–13:00, into lunch, so it starts when lunch ends.
    const coreKafka = talks.filter((s) => s.track === "Core Kafka");
    expect(coreKafka.map((s) => wallClock(s.start, NEW_YORK).slice(11))).toEqual([
      "10:40",
      "11:30",
      "13:30",
      "14:20",
      "15:10",
      "16:00",
      "16:50",
      "17:40",
    ]);
  });

  it("never overlaps two sessions in the same room", () => {
    for (const [i, a] of sessions.entries()) {
      for (const b of sessions.slice(i + 1)) {
        if (a.room === b.room) expect(overlaps(a, b), `${a.title} / ${b.title}`).toBe(false);
      }
    }
  });
});

describe("layOutTimetable options and edge cases", () => {
  it("fills ZLayoutOptions defaults", () => {
    expect(ZLayoutOptions.parse({ date: "2019-04-02", timeZone: NEW_YORK })).toEqual({
      date: "2019-04-02",
      timeZone: NEW_YORK,
      dayStart: "09:00",
      sessionMinutes: 40,
      breakMinutes: 10,
      lunch: { start: "12:30", minutes: 60 },
      plenaryRoom: "Plenary",
      trackRooms: {},
      untrackedRoom: "Main",
    });
  });

  it("uses configured room names, puts talks without a track in Main, and can drop lunch", () => {
    const program: ParsedProgram = {
      format: "listing",
      conference: { title: "Mini", subtitle: null, acronym: null, timeZone: null },
      sessions: [
        session({ title: "Open", kind: "keynote" }),
        session({ title: "A1", track: "A" }),
        session({ title: "Loose" }),
        session({ title: "A2", track: "A" }),
        session({ title: "B1", track: "B" }),
      ],
    };
    const laidOut = timed(
      layOutTimetable(program, {
        date: "2019-04-02",
        timeZone: "Europe/Berlin",
        dayStart: "12:00",
        lunch: null,
        plenaryRoom: "Hall 1",
        trackRooms: { A: "Room 101" },
      }),
    );
    expect(laidOut.map((s) => [s.title, s.room, wallClock(s.start, "Europe/Berlin").slice(11)])).toEqual([
      ["Open", "Hall 1", "12:00"],
      ["A1", "Room 101", "12:50"],
      ["Loose", "Main", "12:50"],
      ["A2", "Room 101", "13:40"],
      ["B1", "B", "12:50"],
    ]);
  });

  it("keeps sessions that already have a start as they are", () => {
    const fixed = session({
      title: "Fixed",
      start: new Date("2019-04-02T20:00:00Z"),
      end: new Date("2019-04-02T21:00:00Z"),
      room: "Somewhere",
      track: "A",
    });
    const program: ParsedProgram = {
      format: "listing",
      conference: { title: "Mini", subtitle: null, acronym: null, timeZone: null },
      sessions: [fixed, session({ title: "Free", track: "A" })],
    };
    const [first, second] = layOutTimetable(program, { date: "2019-04-02", timeZone: NEW_YORK }).sessions;
    expect(first).toEqual(fixed);
    expect(second?.start?.toISOString()).toBe("2019-04-02T13:00:00.000Z");
  });

  it("computes instants with the tz database across the spring-forward change", () => {
    const options = {
      date: "2019-03-10",
      timeZone: NEW_YORK,
      dayStart: "00:30",
      sessionMinutes: 20,
      breakMinutes: 0,
      lunch: null,
    };
    const sessions = timed(layOutTimetable(demo, options));
    const keynotes = sessions.filter((s) => s.kind === "keynote");
    const coreKafka = sessions.filter((s) => s.track === "Core Kafka");
    const ordered = [...keynotes, ...coreKafka];
    const dayStart = DateTime.fromISO("2019-03-10T00:30", { zone: NEW_YORK });
    expect(dayStart.toUTC().toISO()).toBe("2019-03-10T05:30:00.000Z");
    for (const [k, s] of ordered.entries()) {
      expect(s.start.getTime()).toBe(dayStart.plus({ minutes: 20 * k }).toMillis());
      expect(s.end.getTime() - s.start.getTime()).toBe(20 * MINUTE_MS);
    }
    // 01:50 EST lasts 20 real minutes and ends at 03:10 EDT: clocks skip 02:00–03:00.
    expect(wallClock(coreKafka[2]?.start ?? new Date(0), NEW_YORK)).toBe("2019-03-10 01:50");
    expect(wallClock(coreKafka[2]?.end ?? new Date(0), NEW_YORK)).toBe("2019-03-10 03:10");
    expect(coreKafka[3]?.start.toISOString()).toBe("2019-03-10T07:10:00.000Z");
  });

  it("anchors lunch by wall clock on a day with a daylight-saving change", () => {
    const sessions = timed(
      layOutTimetable(demo, {
        date: "2019-11-03",
        timeZone: NEW_YORK,
        dayStart: "00:00",
        sessionMinutes: 60,
        breakMinutes: 0,
        lunch: { start: "03:00", minutes: 60 },
      }),
    );
    // Fall back: 01:00–02:00 happens twice, so the day has 25 hours and 03:00 EST is 08:00Z.
    const lunchStart = DateTime.fromISO("2019-11-03T03:00", { zone: NEW_YORK });
    expect(lunchStart.toUTC().toISO()).toBe("2019-11-03T08:00:00.000Z");
    const starts = [...new Set(sessions.map((s) => s.start.toISOString()))].sort();
    expect(starts.slice(0, 5)).toEqual([
      "2019-11-03T04:00:00.000Z",
      "2019-11-03T05:00:00.000Z",
      "2019-11-03T06:00:00.000Z",
      "2019-11-03T07:00:00.000Z",
      "2019-11-03T09:00:00.000Z",
    ]);
  });

  it("rejects an unknown time zone with an AppError", () => {
    const error = catchInvalid(() => layOutTimetable(demo, { date: "2019-04-02", timeZone: "Mars/Olympus_Mons" }));
    expect(error.message).toContain("Mars/Olympus_Mons");
  });

  it("rejects malformed options with an AppError", () => {
    for (const bad of [
      { date: "2019-02-30", timeZone: NEW_YORK },
      { date: "2019-04-02", timeZone: NEW_YORK, dayStart: "9am" },
      { date: "2019-04-02", timeZone: NEW_YORK, sessionMinutes: 0 },
    ]) {
      const error = catchInvalid(() => layOutTimetable(demo, bad));
      expect(error.message).toMatch(/^layout options: /u);
    }
  });

  it("rejects a program that does not fit in one day", () => {
    const error = catchInvalid(() =>
      layOutTimetable(demo, { date: "2019-04-02", timeZone: NEW_YORK, sessionMinutes: 120 }),
    );
    expect(error.message).toMatch(/does not fit in one day with these options/u);
  });

  it("accepts a program that ends exactly at midnight", () => {
    const sessions = timed(
      layOutTimetable(demo, {
        date: "2019-04-02",
        timeZone: NEW_YORK,
        dayStart: "14:00",
        sessionMinutes: 60,
        breakMinutes: 0,
        lunch: null,
      }),
    );
    const lastEnd = Math.max(...sessions.map((s) => s.end.getTime()));
    expect(wallClock(new Date(lastEnd), NEW_YORK)).toBe("2019-04-03 00:00");
  });
});
