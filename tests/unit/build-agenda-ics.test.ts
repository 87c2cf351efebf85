import { Buffer } from "node:buffer";
import fc from "fast-check";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import {
  buildAgendaIcs,
  buildSessionIcs,
  CALENDAR_PRODUCT_ID,
  type CalendarOptions,
  type CalendarSession,
} from "@/lib/calendar/build-agenda-ics";
import { isAppError } from "@/lib/errors/app-error";

// Every calendar is read back with ical.js, an independent parser, so the
// tests check what a calendar client sees rather than our own string layout.
// ical.js does not know X-WR-CALNAME and would keep its escapes; calendar
// clients read it as TEXT, so the parser is told to as well.
Object.assign(ICAL.design.icalendar.property, { "x-wr-calname": { defaultType: "text" } });

const NOW = new Date("2025-05-20T10:00:00Z");
const HOST = "planner.example.com";

function session(overrides: Partial<CalendarSession> = {}): CalendarSession {
  return {
    id: "cuid-1",
    externalId: "talk-42",
    conferenceSlug: "jsconf-2025",
    conferenceTitle: "JSConf 2025",
    title: "Streams in practice",
    abstract: "How to read a firehose without drowning.",
    start: new Date("2025-06-01T09:00:00Z"),
    end: new Date("2025-06-01T09:45:00Z"),
    room: "Hall A",
    track: "Web, Mobile",
    speakers: [
      { name: "Ada Lovelace", organization: "Analytical Engines" },
      { name: "Grace Hopper", organization: null },
    ],
    status: "SCHEDULED",
    sequence: 3,
    updatedAt: new Date("2025-05-01T12:30:15Z"),
    url: "https://planner.example.com/c/jsconf-2025/s/talk-42",
    note: "Sit near the front; bring laptop",
    ...overrides,
  };
}

function options(overrides: Partial<CalendarOptions> = {}): CalendarOptions {
  return { calendarName: "My JSConf agenda", host: HOST, alarmMinutes: 15, includeNotes: true, now: NOW, ...overrides };
}

function parseCalendar(ics: string): ICAL.Component {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  expect(calendar.name).toBe("vcalendar");
  return calendar;
}

function eventsOf(ics: string): ICAL.Component[] {
  return parseCalendar(ics).getAllSubcomponents("vevent");
}

function onlyEvent(ics: string): ICAL.Component {
  const events = eventsOf(ics);
  expect(events).toHaveLength(1);
  const [event] = events;
  if (!event) throw new Error("no VEVENT");
  return event;
}

function textOf(component: ICAL.Component, name: string): string | null {
  const value = component.getFirstPropertyValue(name);
  if (value !== null && typeof value !== "string") throw new Error(`${name} is not text`);
  return value;
}

/** The instant of a DATE-TIME property, which must be written in UTC. */
function utcInstant(component: ICAL.Component, name: string): Date {
  const value = component.getFirstPropertyValue(name);
  if (!(value instanceof ICAL.Time)) throw new Error(`${name} is not a date-time`);
  expect(value.zone, `${name} should be UTC`).toBe(ICAL.Timezone.utcTimezone);
  return value.toJSDate();
}

function triggers(event: ICAL.Component): string[] {
  return event.getAllSubcomponents("valarm").map((alarm) => {
    expect(textOf(alarm, "action")).toBe("DISPLAY");
    expect(textOf(alarm, "description")).not.toBe("");
    return String(alarm.getFirstPropertyValue("trigger"));
  });
}

/** RFC 5545 §3.1: CRLF line ends, at most 75 octets a line, and no character cut in two. */
function expectWellFormedLines(ics: string): void {
  expect(ics.endsWith("\r\n")).toBe(true);
  expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  for (const line of ics.slice(0, -2).split("\r\n")) {
    expect(Buffer.byteLength(line, "utf8"), line).toBeLessThanOrEqual(75);
  }
  // A surrogate pair split across a fold would turn into U+FFFD here.
  expect(Buffer.from(ics, "utf8").toString("utf8")).toBe(ics);
}

describe("buildAgendaIcs, one session", () => {
  const ics = buildAgendaIcs([session()], options());
  const event = onlyEvent(ics);

  it("writes the calendar name and our PRODID", () => {
    const calendar = parseCalendar(ics);
    expect(textOf(calendar, "x-wr-calname")).toBe("My JSConf agenda");
    expect(textOf(calendar, "prodid")).toBe(CALENDAR_PRODUCT_ID);
    expect(textOf(calendar, "version")).toBe("2.0");
  });

  it("derives the UID from conference, external id and host", () => {
    expect(textOf(event, "uid")).toBe("jsconf-2025/talk-42@planner.example.com");
  });

  it("writes DTSTAMP, DTSTART, DTEND and LAST-MODIFIED as UTC instants", () => {
    expect(utcInstant(event, "dtstamp")).toEqual(NOW);
    expect(utcInstant(event, "dtstart")).toEqual(new Date("2025-06-01T09:00:00Z"));
    expect(utcInstant(event, "dtend")).toEqual(new Date("2025-06-01T09:45:00Z"));
    expect(utcInstant(event, "last-modified")).toEqual(new Date("2025-05-01T12:30:15Z"));
    expect(ics).toContain("\r\nDTSTART:20250601T090000Z\r\n");
  });

  it("puts the speakers into SUMMARY", () => {
    expect(textOf(event, "summary")).toBe("Streams in practice — Ada Lovelace, Grace Hopper");
  });

  it("writes LOCATION, URL and one category even when the track has a comma", () => {
    expect(textOf(event, "location")).toBe("Hall A");
    expect(textOf(event, "url")).toBe("https://planner.example.com/c/jsconf-2025/s/talk-42");
    const values: unknown[] = event.getFirstProperty("categories")?.getValues() ?? [];
    expect(values).toEqual(["Web, Mobile"]);
  });

  it("describes the session with abstract, speakers, link and the note", () => {
    expect(textOf(event, "description")).toBe(
      [
        "How to read a firehose without drowning.",
        "Speakers: Ada Lovelace (Analytical Engines), Grace Hopper",
        "https://planner.example.com/c/jsconf-2025/s/talk-42",
        "My note: Sit near the front; bring laptop",
      ].join("\n\n"),
    );
  });

  it("writes SEQUENCE and STATUS:CONFIRMED", () => {
    expect(event.getFirstPropertyValue("sequence")).toBe(3);
    expect(textOf(event, "status")).toBe("CONFIRMED");
  });

  it("adds a display alarm 15 minutes before", () => {
    expect(triggers(event)).toEqual(["-PT15M"]);
  });

  it("has CRLF line ends and short lines", () => {
    expectWellFormedLines(ics);
  });
});

describe("buildAgendaIcs, options and variants", () => {
  it("leaves the note out unless notes are included", () => {
    const without = textOf(onlyEvent(buildAgendaIcs([session()], options({ includeNotes: false }))), "description");
    expect(without).not.toContain("My note");
    expect(without).not.toContain("bring laptop");
    expect(without?.endsWith("https://planner.example.com/c/jsconf-2025/s/talk-42")).toBe(true);

    for (const note of [null, "", "  \n "]) {
      const description = textOf(onlyEvent(buildAgendaIcs([session({ note })], options())), "description");
      expect(description).not.toContain("My note");
    }
  });

  it("uses the bare title and no speakers line when nobody speaks", () => {
    const event = onlyEvent(buildAgendaIcs([session({ speakers: [] })], options()));
    expect(textOf(event, "summary")).toBe("Streams in practice");
    expect(textOf(event, "description")).not.toContain("Speakers:");
  });

  it("leaves LOCATION and CATEGORIES out when there is no room or track", () => {
    const event = onlyEvent(buildAgendaIcs([session({ room: null, track: null })], options()));
    expect(event.getFirstProperty("location")).toBeNull();
    expect(event.getFirstProperty("categories")).toBeNull();
  });

  it("keeps a cancelled session as STATUS:CANCELLED, without a reminder", () => {
    const event = onlyEvent(buildAgendaIcs([session({ status: "CANCELLED", sequence: 4 })], options()));
    expect(textOf(event, "status")).toBe("CANCELLED");
    expect(event.getFirstPropertyValue("sequence")).toBe(4);
    expect(triggers(event)).toEqual([]);
  });

  it("writes no VALARM without alarmMinutes, and the chosen lead time otherwise", () => {
    expect(triggers(onlyEvent(buildAgendaIcs([session()], options({ alarmMinutes: null }))))).toEqual([]);
    for (const minutes of [5, 10, 15, 30] as const) {
      expect(triggers(onlyEvent(buildAgendaIcs([session()], options({ alarmMinutes: minutes }))))).toEqual([`-PT${minutes}M`]);
    }
  });

  it("writes one VEVENT per session, in the given order", () => {
    const sessions = [
      session({ externalId: "b", title: "Second" }),
      session({ externalId: "a", title: "First", start: new Date("2025-06-01T08:00:00Z") }),
    ];
    const events = eventsOf(buildAgendaIcs(sessions, options()));
    expect(events.map((event) => textOf(event, "uid"))).toEqual([
      "jsconf-2025/b@planner.example.com",
      "jsconf-2025/a@planner.example.com",
    ]);
  });

  it("names a single-session download after the session", () => {
    // A full CalendarOptions is accepted; its calendarName is replaced by the title.
    const ics = buildSessionIcs(session({ title: "Streams, in practice" }), options());
    expect(textOf(parseCalendar(ics), "x-wr-calname")).toBe("Streams, in practice");
    expect(textOf(onlyEvent(ics), "uid")).toBe("jsconf-2025/talk-42@planner.example.com");
  });

  it("escapes the calendar name as TEXT", () => {
    const ics = buildAgendaIcs([], options({ calendarName: "Mine, yours; ours\\theirs" }));
    expect(ics).toContain("\r\nX-WR-CALNAME:Mine\\, yours\\; ours\\\\theirs\r\n");
    expect(textOf(parseCalendar(ics), "x-wr-calname")).toBe("Mine, yours; ours\\theirs");
  });

  it("turns a zero-length or inverted session into an instant", () => {
    const start = new Date("2025-06-01T09:00:00Z");
    for (const end of [start, new Date("2025-06-01T08:00:00Z")]) {
      const event = onlyEvent(buildAgendaIcs([session({ start, end })], options()));
      expect(utcInstant(event, "dtend")).toEqual(start);
    }
  });

  it("accepts a URL with an upper-case host, as its normal form", () => {
    const event = onlyEvent(buildAgendaIcs([session({ url: "https://Planner.Example.com/s/1" })], options()));
    expect(textOf(event, "url")).toBe("https://planner.example.com/s/1");
  });

  it("keeps line breaks but drops CR and other control characters", () => {
    const event = onlyEvent(
      buildAgendaIcs([session({ title: "A\u0000B", abstract: "one\r\ntwo\rthree\u0007", speakers: [] })], options({ includeNotes: false })),
    );
    expect(textOf(event, "summary")).toBe("AB");
    expect(textOf(event, "description")?.startsWith("one\ntwo\nthree\n\n")).toBe(true);
  });

  it("throws an INTERNAL AppError naming the session when ics rejects it", () => {
    let caught: unknown;
    try {
      buildAgendaIcs([session(), session({ externalId: "broken", url: "not a url" })], options());
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught), `expected an AppError, got ${String(caught)}`).toBe(true);
    if (!isAppError(caught)) return;
    expect(caught.code).toBe("INTERNAL");
    expect(caught.message).toContain("broken");
    expect(caught.message).toContain("url");
  });
});

describe("buildAgendaIcs, UIDs", () => {
  const uidOf = (overrides: Partial<CalendarSession>, host = HOST): string | null =>
    textOf(onlyEvent(buildAgendaIcs([session(overrides)], options({ host }))), "uid");

  it("keeps the UID when the session moves, changes room or is edited", () => {
    const original = uidOf({});
    expect(
      uidOf({
        start: new Date("2025-06-02T14:00:00Z"),
        end: new Date("2025-06-02T15:00:00Z"),
        room: "Hall B",
        title: "Streams, revisited",
        sequence: 9,
        status: "CANCELLED",
        updatedAt: new Date("2025-05-30T00:00:00Z"),
      }),
    ).toBe(original);
  });

  it("differs between conferences and external ids", () => {
    const uids = new Set([
      uidOf({}),
      uidOf({ conferenceSlug: "jsconf-2026" }),
      uidOf({ externalId: "talk-43" }),
      uidOf({ conferenceSlug: "jsconf-2025/talk-42", externalId: "" }),
      uidOf({ externalId: "talk%2D42" }),
    ]);
    expect(uids.size).toBe(5);
  });

  it("encodes odd characters in external ids deterministically", () => {
    const odd = "fr/42 é;,@\\\n🎉";
    const uid = uidOf({ externalId: odd });
    expect(uid).toBe("jsconf-2025/fr%2F42%20%C3%A9%3B%2C%40%5C%0A%F0%9F%8E%89@planner.example.com");
    expect(uidOf({ externalId: odd })).toBe(uid);
    expect(uid).toMatch(/^[A-Za-z0-9._~%-]+\/[A-Za-z0-9._~%-]+@[A-Za-z0-9._~%-]+$/);
  });

  it("treats the host case-insensitively", () => {
    expect(uidOf({}, "Planner.Example.COM")).toBe(uidOf({}));
  });
});

describe("buildAgendaIcs, line folding", () => {
  it("folds by UTF-8 octets without splitting characters", () => {
    const abstract = `${"Café crème 🎉 ".repeat(40)}\n${"é".repeat(200)}${"🎉".repeat(100)}`;
    const title = `${"Résumé 🧑🏽‍💻 ".repeat(12)}end`;
    const room = "Salle é".repeat(20);
    const ics = buildAgendaIcs([session({ abstract, title, room, speakers: [] })], options({ includeNotes: false }));
    expectWellFormedLines(ics);

    const event = onlyEvent(ics);
    expect(textOf(event, "summary")).toBe(title);
    expect(textOf(event, "location")).toBe(room);
    expect(textOf(event, "description")?.startsWith(`${abstract}\n\n`)).toBe(true);
  });

  it("folds a long ASCII line at exactly 75 octets", () => {
    const ics = buildAgendaIcs([session({ abstract: "x".repeat(500) })], options());
    const lines = ics.split("\r\n");
    const first = lines.findIndex((line) => line.startsWith("DESCRIPTION:"));
    expect(lines[first]).toHaveLength(75);
    expect(lines[first + 1]).toMatch(/^ x{74}$/);
    expectWellFormedLines(ics);
  });
});

describe("buildAgendaIcs, no sessions", () => {
  it("produces a valid, named, empty calendar", () => {
    const ics = buildAgendaIcs([], options());
    expectWellFormedLines(ics);
    expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    const calendar = parseCalendar(ics);
    expect(calendar.getAllSubcomponents("vevent")).toEqual([]);
    expect(textOf(calendar, "x-wr-calname")).toBe("My JSConf agenda");
  });
});

describe("buildAgendaIcs, properties", () => {
  // Characters that need escaping or folding care, mixed with any printable grapheme.
  const tricky = fc.oneof(
    fc.constantFrom(",", ";", "\n", "\\", "\\n", ":", "\"", "\t", " ", "é", "🎉", "—", "🧑🏽‍💻"),
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }),
  );
  const text = (maxLength: number) => fc.string({ unit: tricky, maxLength });
  const nonBlank = (maxLength: number) => text(maxLength).filter((value) => value.trim() !== "");

  it("round-trips SUMMARY, DESCRIPTION and LOCATION through ical.js", () => {
    fc.assert(
      fc.property(nonBlank(120), nonBlank(400), nonBlank(60), (title, abstract, room) => {
        const built = session({ title, abstract, room, speakers: [], note: null });
        const ics = buildAgendaIcs([built], options());
        expectWellFormedLines(ics);
        const event = onlyEvent(ics);
        expect(textOf(event, "summary")).toBe(title);
        expect(textOf(event, "location")).toBe(room);
        expect(textOf(event, "description")).toBe(`${abstract}\n\n${built.url}`);
      }),
      { numRuns: 200 },
    );
  });

  it("round-trips speakers, track and calendar name", () => {
    fc.assert(
      fc.property(nonBlank(40), nonBlank(40), nonBlank(40), nonBlank(60), (speaker, organization, track, calendarName) => {
        const ics = buildAgendaIcs(
          [session({ speakers: [{ name: speaker, organization }], track })],
          options({ calendarName }),
        );
        expectWellFormedLines(ics);
        const event = onlyEvent(ics);
        expect(textOf(event, "summary")).toBe(`Streams in practice — ${speaker.trim()}`);
        expect(textOf(event, "description")).toContain(`Speakers: ${speaker.trim()} (${organization.trim()})`);
        const categories: unknown[] = event.getFirstProperty("categories")?.getValues() ?? [];
        expect(categories).toEqual([track]);
        expect(textOf(parseCalendar(ics), "x-wr-calname")).toBe(calendarName);
      }),
      { numRuns: 200 },
    );
  });
});
