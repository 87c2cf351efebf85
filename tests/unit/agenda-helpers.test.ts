import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { conflictSignature } from "@/lib/agenda/conflict-signature";
import { findFreeSlots } from "@/lib/agenda/find-free-slots";
import { findTightTransfers, type RoomedSession } from "@/lib/agenda/find-tight-transfers";
import { significantWords, suggestSessions, type SuggestibleSession } from "@/lib/agenda/suggest-sessions";

// Every time is a minute offset from a fixed UTC instant, so nothing here
// reads the machine's zone.
const BASE_MS = Date.UTC(2024, 4, 14, 0, 0);
const MINUTE_MS = 60_000;

function at(minute: number): Date {
  return new Date(BASE_MS + minute * MINUTE_MS);
}

/** "HH:MM" on the test day, as minutes, for readable examples. */
function hm(time: string): number {
  const [hours, minutes] = time.split(":").map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

function span(from: string, to: string): { start: Date; end: Date } {
  return { start: at(hm(from)), end: at(hm(to)) };
}

describe("conflictSignature", () => {
  const a = { id: "a", ...span("09:00", "10:00") };
  const b = { id: "b", ...span("09:30", "10:30") };

  it("encodes ids and ISO times sorted by id", () => {
    expect(conflictSignature([b, a])).toBe(
      "a@2024-05-14T09:00:00.000Z/2024-05-14T10:00:00.000Z|b@2024-05-14T09:30:00.000Z/2024-05-14T10:30:00.000Z",
    );
  });

  it("orders by id even when that is not the time order", () => {
    const early = { id: "z", ...span("08:00", "09:00") };
    expect(conflictSignature([early, a])).toBe(
      "a@2024-05-14T09:00:00.000Z/2024-05-14T10:00:00.000Z|z@2024-05-14T08:00:00.000Z/2024-05-14T09:00:00.000Z",
    );
  });

  it("does not depend on the order of the sessions", () => {
    expect(conflictSignature([a, b])).toBe(conflictSignature([b, a]));
  });

  it("changes when a member's id, start or end changes, or a member is added", () => {
    const original = conflictSignature([a, b]);
    expect(conflictSignature([a, { ...b, id: "c" }])).not.toBe(original);
    expect(conflictSignature([a, { ...b, start: at(hm("09:31")) }])).not.toBe(original);
    expect(conflictSignature([a, { ...b, end: new Date(b.end.getTime() + 1) }])).not.toBe(original);
    expect(conflictSignature([a, b, { id: "c", ...span("10:00", "11:00") }])).not.toBe(original);
  });

  it("cannot be forged by an id that contains the separators", () => {
    const joined = `a@${a.start.toISOString()}/${a.end.toISOString()}|b`;
    expect(conflictSignature([{ ...b, id: joined }])).not.toBe(conflictSignature([a, b]));
  });

  it("is stable under shuffling and sensitive to any 1 ms shift (property)", () => {
    const sessions = fc.uniqueArray(
      fc.record({ id: fc.string({ minLength: 1, maxLength: 6 }), start: fc.integer({ min: 0, max: 600 }), length: fc.integer({ min: 1, max: 90 }) }),
      { minLength: 1, maxLength: 6, selector: (session) => session.id },
    );
    fc.assert(
      fc.property(sessions, fc.nat(), fc.boolean(), (raw, pick, shiftEnd) => {
        const group = raw.map((session) => ({ id: session.id, start: at(session.start), end: at(session.start + session.length) }));
        const signature = conflictSignature(group);
        expect(conflictSignature([...group].reverse())).toBe(signature);
        const index = pick % group.length;
        const moved = group.map((session, position) => {
          if (position !== index) return session;
          return shiftEnd
            ? { ...session, end: new Date(session.end.getTime() + 1) }
            : { ...session, start: new Date(session.start.getTime() + 1) };
        });
        expect(conflictSignature(moved)).not.toBe(signature);
      }),
      { numRuns: 300 },
    );
  });
});

function roomed(id: string, from: string, to: string, room: string | null): RoomedSession {
  return { id, ...span(from, to), room };
}

describe("findTightTransfers", () => {
  it("flags a short gap between different rooms, with the gap in minutes", () => {
    const sessions = [roomed("b", "09:45", "10:25", "Hall B"), roomed("a", "09:00", "09:40", "Hall A")];
    expect(findTightTransfers(sessions, 10)).toEqual([{ fromId: "a", toId: "b", gapMinutes: 5 }]);
  });

  it("ignores same-room moves and unknown or blank rooms", () => {
    expect(findTightTransfers([roomed("a", "09:00", "09:40", "Hall A"), roomed("b", "09:40", "10:20", "Hall A")], 10)).toEqual([]);
    expect(findTightTransfers([roomed("a", "09:00", "09:40", null), roomed("b", "09:40", "10:20", "Hall B")], 10)).toEqual([]);
    expect(findTightTransfers([roomed("a", "09:00", "09:40", "Hall A"), roomed("b", "09:40", "10:20", "  ")], 10)).toEqual([]);
  });

  it("flags a gap of 0 but not a gap equal to the buffer", () => {
    const backToBack = [roomed("a", "09:00", "09:40", "Hall A"), roomed("b", "09:40", "10:20", "Hall B")];
    expect(findTightTransfers(backToBack, 10)).toEqual([{ fromId: "a", toId: "b", gapMinutes: 0 }]);
    const exact = [roomed("a", "09:00", "09:40", "Hall A"), roomed("b", "09:50", "10:30", "Hall B")];
    expect(findTightTransfers(exact, 10)).toEqual([]);
    expect(findTightTransfers(exact, 11)).toEqual([{ fromId: "a", toId: "b", gapMinutes: 10 }]);
  });

  it("returns nothing for a buffer of zero or less", () => {
    const backToBack = [roomed("a", "09:00", "09:40", "Hall A"), roomed("b", "09:40", "10:20", "Hall B")];
    expect(findTightTransfers(backToBack, 0)).toEqual([]);
    expect(findTightTransfers(backToBack, -5)).toEqual([]);
  });

  it("skips overlapping sessions and follows each of them to its own next session", () => {
    const sessions = [
      roomed("a", "09:00", "10:00", "Hall A"),
      roomed("b", "09:30", "10:10", "Hall B"), // clashes with a: a conflict, not a transfer
      roomed("c", "10:15", "11:00", "Hall C"),
    ];
    // a → c leaves 15 minutes, b → c only 5.
    expect(findTightTransfers(sessions, 10)).toEqual([{ fromId: "b", toId: "c", gapMinutes: 5 }]);
    expect(findTightTransfers(sessions, 20)).toEqual([
      { fromId: "a", toId: "c", gapMinutes: 15 },
      { fromId: "b", toId: "c", gapMinutes: 5 },
    ]);
  });

  it("only looks at the next session, not one further on", () => {
    const sessions = [
      roomed("p", "09:00", "10:00", "Hall A"),
      roomed("x", "10:00", "10:02", "Hall A"),
      roomed("q", "10:05", "11:00", "Hall B"),
    ];
    expect(findTightTransfers(sessions, 10)).toEqual([{ fromId: "x", toId: "q", gapMinutes: 3 }]);
  });

  it("checks every parallel session that starts next", () => {
    const sessions = [
      roomed("p", "09:00", "10:00", "Hall A"),
      roomed("r", "10:05", "11:00", "Hall C"),
      roomed("q", "10:05", "11:00", "Hall B"),
      roomed("s", "10:06", "11:00", "Hall D"),
    ];
    expect(findTightTransfers(sessions, 10)).toEqual([
      { fromId: "p", toId: "q", gapMinutes: 5 },
      { fromId: "p", toId: "r", gapMinutes: 5 },
    ]);
  });

  it("ignores zero-length and inverted sessions", () => {
    const sessions = [roomed("a", "09:00", "09:40", "Hall A"), roomed("z", "09:41", "09:41", "Hall Z"), roomed("b", "09:45", "09:30", "Hall B")];
    expect(findTightTransfers(sessions, 10)).toEqual([]);
  });

  it("flags exactly the pairs with nothing starting in between (property, brute force)", () => {
    const rooms = ["A", "B", "C", null];
    const arbitrary = fc.array(
      fc.record({
        start: fc.integer({ min: 0, max: 40 }).map((step) => step * 5),
        length: fc.integer({ min: 1, max: 12 }).map((step) => step * 5),
        room: fc.constantFrom(...rooms),
      }),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(arbitrary, fc.integer({ min: 1, max: 30 }), (raw, buffer) => {
        const sessions = raw.map((session, index) => ({
          id: `s${index}`,
          start: at(session.start),
          end: at(session.start + session.length),
          room: session.room,
        }));
        const expected: Array<{ fromId: string; toId: string; gapMinutes: number }> = [];
        for (const from of sessions) {
          for (const to of sessions) {
            const gap = (to.start.getTime() - from.end.getTime()) / MINUTE_MS;
            const nothingBetween = sessions.every(
              (other) => other.start.getTime() < from.end.getTime() || other.start.getTime() >= to.start.getTime(),
            );
            if (gap >= 0 && gap < buffer && nothingBetween && from.room && to.room && from.room !== to.room) {
              expected.push({ fromId: from.id, toId: to.id, gapMinutes: gap });
            }
          }
        }
        const key = (pair: { fromId: string; toId: string }) => `${pair.fromId}>${pair.toId}`;
        const actual = findTightTransfers(sessions, buffer);
        expect([...actual].sort((x, y) => key(x).localeCompare(key(y)))).toEqual(
          expected.sort((x, y) => key(x).localeCompare(key(y))),
        );
      }),
      { numRuns: 500 },
    );
  });
});

describe("findFreeSlots", () => {
  const day = span("09:00", "18:00");

  it("returns the gaps between merged starred sessions", () => {
    const starred = [span("10:30", "12:00"), span("10:00", "11:00"), span("14:00", "14:30")];
    expect(findFreeSlots(starred, day)).toEqual([span("09:00", "10:00"), span("12:00", "14:00"), span("14:30", "18:00")]);
  });

  it("drops gaps shorter than minMinutes and keeps one exactly that long", () => {
    const starred = [span("09:00", "10:00"), span("10:15", "11:00"), span("11:20", "18:00")];
    expect(findFreeSlots(starred, day)).toEqual([span("11:00", "11:20")]);
    expect(findFreeSlots(starred, day, 10)).toEqual([span("10:00", "10:15"), span("11:00", "11:20")]);
  });

  it("never reports a zero-length gap between touching sessions", () => {
    expect(findFreeSlots([span("09:00", "12:00"), span("12:00", "18:00")], day, 0)).toEqual([]);
  });

  it("clips sessions to the day and ignores those outside it", () => {
    const starred = [span("08:00", "09:30"), span("17:30", "19:00"), span("06:00", "07:00"), span("20:00", "21:00")];
    expect(findFreeSlots(starred, day)).toEqual([span("09:30", "17:30")]);
  });

  it("returns the whole day when nothing is starred and nothing for an empty day", () => {
    expect(findFreeSlots([], day)).toEqual([day]);
    expect(findFreeSlots([], span("12:00", "12:00"))).toEqual([]);
    expect(findFreeSlots([], span("12:00", "11:00"))).toEqual([]);
  });

  it("ignores zero-length and inverted starred sessions", () => {
    expect(findFreeSlots([span("12:00", "12:00"), span("15:00", "13:00")], day)).toEqual([day]);
  });

  it("returns exactly the uncovered runs of at least minMinutes (property)", () => {
    const DAY_START = 60;
    const DAY_END = 660;
    const interval = fc.record({
      start: fc.integer({ min: 0, max: 720 }),
      length: fc.integer({ min: -10, max: 120 }),
    });
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 15 }), fc.integer({ min: 0, max: 45 }), (raw, minMinutes) => {
        const starred = raw.map((session) => ({ start: at(session.start), end: at(session.start + session.length) }));
        const slots = findFreeSlots(starred, { start: at(DAY_START), end: at(DAY_END) }, minMinutes);
        const minute = (instant: Date) => (instant.getTime() - BASE_MS) / MINUTE_MS;

        // No slot overlaps a starred session; slots are ordered, disjoint, inside the day and long enough.
        for (const [index, free] of slots.entries()) {
          expect(minute(free.start)).toBeGreaterThanOrEqual(DAY_START);
          expect(minute(free.end)).toBeLessThanOrEqual(DAY_END);
          expect(minute(free.end) - minute(free.start)).toBeGreaterThanOrEqual(Math.max(minMinutes, 1));
          const next = slots[index + 1];
          if (next) expect(free.end.getTime()).toBeLessThan(next.start.getTime());
          // Zero-length and inverted sessions cover no instant, so only real ones can be overlapped.
          for (const session of starred.filter((candidate) => candidate.start.getTime() < candidate.end.getTime())) {
            const overlaps = session.start.getTime() < free.end.getTime() && free.start.getTime() < session.end.getTime();
            expect(overlaps).toBe(false);
          }
        }

        // Every minute of the day is starred, in a slot, or in an uncovered run shorter than minMinutes.
        const covered = (from: number, to: number, point: number) => from <= point && point < to;
        const busy = (t: number) => raw.some((session) => covered(session.start, session.start + session.length, t));
        const free = (t: number) => slots.some((slot) => covered(minute(slot.start), minute(slot.end), t));
        let runStart = DAY_START;
        for (let t = DAY_START; t <= DAY_END; t += 1) {
          if (t < DAY_END && !busy(t)) continue;
          // [runStart, t) is a maximal run not covered by starred sessions.
          const runLength = t - runStart;
          for (let u = runStart; u < t; u += 1) expect(free(u)).toBe(runLength >= minMinutes);
          runStart = t + 1;
        }
        // With the smallest useful minimum, slots plus starred sessions cover the whole day.
        const all = findFreeSlots(starred, { start: at(DAY_START), end: at(DAY_END) }, 1);
        for (let t = DAY_START; t < DAY_END; t += 1) {
          expect(busy(t) || all.some((slot) => covered(minute(slot.start), minute(slot.end), t))).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("significantWords", () => {
  it("lowercases, splits on punctuation, and drops short words and stopwords", () => {
    expect(significantWords("The Kafka Streams, in PRACTICE: with exactly-once delivery!")).toEqual(
      new Set(["kafka", "streams", "practice", "exactly", "once", "delivery"]),
    );
  });

  it("keeps letters from any script and counts them by character", () => {
    expect(significantWords("Überblick über Datenströme; 日本語の話")).toEqual(
      new Set(["überblick", "über", "datenströme", "日本語の話"]),
    );
  });

  it("returns an empty set for empty or filler-only text", () => {
    expect(significantWords("")).toEqual(new Set());
    expect(significantWords("this talk will be about what they have")).toEqual(new Set());
  });
});

type Program = SuggestibleSession & { room: string };

function program(id: string, overrides: Partial<Program> = {}): Program {
  return { id, title: id, abstract: "", track: null, room: "Hall A", ...span("10:00", "10:40"), ...overrides };
}

describe("suggestSessions", () => {
  const slot = span("10:00", "11:00");
  const starred = [
    program("mine", {
      title: "Kafka Streams in practice",
      abstract: "Exactly-once processing with state stores.",
      track: "Streams",
      ...span("09:00", "09:50"),
    }),
  ];

  it("ranks a same-track session above any number of shared words, then by shared words", () => {
    const sameTrack = program("same-track", { title: "Unrelated topic", track: "streams " });
    const threeWords = program("three", { title: "Kafka state stores", track: "Ops" });
    const oneWord = program("one", { title: "Processing images" });
    const none = program("none", { title: "Gardening" });
    const result = suggestSessions(slot, [none, oneWord, threeWords, sameTrack], starred);
    expect(result.map((session) => session.id)).toEqual(["same-track", "three", "one", "none"]);
  });

  it("counts distinct shared words, not repeats", () => {
    const repeats = program("repeats", { title: "Kafka kafka KAFKA", abstract: "kafka" });
    const two = program("two", { title: "Streams and stores", ...span("10:20", "10:50") });
    expect(suggestSessions(slot, [repeats, two], starred).map((session) => session.id)).toEqual(["two", "repeats"]);
  });

  it("leaves out starred, cancelled and non-overlapping sessions", () => {
    const candidates = [
      starred[0] ?? program("never"),
      program("cancelled", { track: "Streams", status: "CANCELLED" }),
      program("cancelled-lower", { track: "Streams", status: "cancelled" }),
      program("ends-at-slot-start", span("09:20", "10:00")),
      program("starts-at-slot-end", span("11:00", "11:40")),
      program("zero-length", span("10:30", "10:30")),
      program("straddles-start", { ...span("09:30", "10:10"), status: "SCHEDULED" }),
      program("straddles-end", span("10:50", "11:30")),
    ];
    expect(suggestSessions(slot, candidates, starred).map((session) => session.id)).toEqual([
      "straddles-start",
      "straddles-end",
    ]);
  });

  it("breaks ties by start, then title, and respects the limit", () => {
    const candidates = [
      program("late", { title: "Alpha", ...span("10:30", "11:00") }),
      program("b", { title: "beta" }),
      program("a", { title: "Alpha" }),
      program("c", { title: "Gamma" }),
    ];
    expect(suggestSessions(slot, candidates, []).map((session) => session.id)).toEqual(["a", "b", "c", "late"]);
    expect(suggestSessions(slot, candidates, [], 2).map((session) => session.id)).toEqual(["a", "b"]);
    expect(suggestSessions(slot, candidates, [], 0)).toEqual([]);
  });

  it("defaults to five suggestions and returns the caller's own objects", () => {
    const candidates = Array.from({ length: 8 }, (_, index) => program(`s${index}`, { title: `Talk ${index}` }));
    const result = suggestSessions(slot, candidates, starred);
    expect(result).toHaveLength(5);
    expect(result[0]).toBe(candidates[0]);
    expect(result[0]?.room).toBe("Hall A");
  });
});
