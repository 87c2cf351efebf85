import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectConflicts, type Conflict } from "@/lib/agenda/detect-conflicts";

// A fixed UTC instant: every time here is an offset in minutes from it, so
// nothing depends on the machine's zone.
const BASE_MS = Date.UTC(2024, 4, 14, 8, 0);
const MINUTE_MS = 60_000;

type Slot = { id: string; start: Date; end: Date };

function at(minute: number): Date {
  return new Date(BASE_MS + minute * MINUTE_MS);
}

function slot(id: string, startMinute: number, endMinute: number): Slot {
  return { id, start: at(startMinute), end: at(endMinute) };
}

function group(sessionIds: string[], startMinute: number, endMinute: number): Conflict {
  return { sessionIds, start: at(startMinute), end: at(endMinute) };
}

describe("detectConflicts, worked examples", () => {
  it("links a chain A-B-C into one group although A and C do not overlap", () => {
    const sessions = [slot("c", 50, 90), slot("a", 0, 40), slot("b", 30, 60)];
    expect(detectConflicts(sessions)).toEqual([group(["a", "b", "c"], 0, 90)]);
  });

  it("does not treat back-to-back sessions as a conflict", () => {
    expect(detectConflicts([slot("a", 0, 40), slot("b", 40, 80), slot("c", 80, 120)])).toEqual([]);
  });

  it("a touching session does not bridge two separate conflicts", () => {
    const sessions = [slot("a", 0, 40), slot("b", 10, 40), slot("c", 40, 80), slot("d", 50, 90)];
    expect(detectConflicts(sessions)).toEqual([group(["a", "b"], 0, 40), group(["c", "d"], 40, 90)]);
  });

  it("groups identical intervals, ids in order", () => {
    expect(detectConflicts([slot("y", 0, 30), slot("x", 0, 30)])).toEqual([group(["x", "y"], 0, 30)]);
  });

  it("groups a nested interval with its container, using the container's span", () => {
    const sessions = [slot("inner", 20, 30), slot("outer", 0, 60)];
    expect(detectConflicts(sessions)).toEqual([group(["outer", "inner"], 0, 60)]);
  });

  it("keeps a long session's end when a later short one joins (running max end)", () => {
    // b ends before a does; c starts after b's end but before a's end.
    const sessions = [slot("a", 0, 100), slot("b", 10, 20), slot("c", 50, 60), slot("d", 100, 110)];
    expect(detectConflicts(sessions)).toEqual([group(["a", "b", "c"], 0, 100)]);
  });

  it("reports nothing for a single session or none", () => {
    expect(detectConflicts([slot("a", 0, 40)])).toEqual([]);
    expect(detectConflicts([])).toEqual([]);
  });

  it("lets zero-length and inverted intervals overlap nothing", () => {
    const sessions = [slot("long", 0, 60), slot("zero", 30, 30), slot("inverted", 50, 10), slot("zero2", 30, 30)];
    expect(detectConflicts(sessions)).toEqual([]);
  });

  it("ignores sessions with an invalid date", () => {
    const broken = { id: "broken", start: new Date(Number.NaN), end: at(60) };
    expect(detectConflicts([slot("a", 0, 60), broken])).toEqual([]);
  });

  it("orders groups by start and ids by (start, id)", () => {
    const sessions = [slot("z", 200, 230), slot("m", 210, 240), slot("q", 0, 30), slot("b", 0, 20), slot("a", 10, 15)];
    expect(detectConflicts(sessions)).toEqual([group(["b", "q", "a"], 0, 30), group(["z", "m"], 200, 240)]);
  });

  it("does not modify the input array", () => {
    const sessions = [slot("b", 10, 40), slot("a", 0, 30)];
    const before = [...sessions];
    detectConflicts(sessions);
    expect(sessions).toEqual(before);
  });

  it("keeps extra fields out of the result", () => {
    const sessions = [{ ...slot("a", 0, 30), title: "A" }, { ...slot("b", 10, 40), title: "B" }];
    expect(detectConflicts(sessions)).toEqual([group(["a", "b"], 0, 40)]);
  });
});

/** The contract computed the slow, obvious way: overlap graph, connected components of size ≥ 2. */
function bruteForceConflicts(sessions: Slot[]): Conflict[] {
  const valid = sessions.filter((session) => session.start.getTime() < session.end.getTime());
  const parent = valid.map((_, index) => index);
  const find = (index: number): number => {
    let root = index;
    while (parent[root] !== root) root = parent[root] ?? root;
    return root;
  };
  for (let i = 0; i < valid.length; i += 1) {
    for (let j = i + 1; j < valid.length; j += 1) {
      const a = valid[i];
      const b = valid[j];
      if (a && b && a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime()) {
        parent[find(i)] = find(j);
      }
    }
  }
  const components = new Map<number, Slot[]>();
  valid.forEach((session, index) => {
    const root = find(index);
    components.set(root, [...(components.get(root) ?? []), session]);
  });
  return [...components.values()]
    .filter((members) => members.length >= 2)
    .map((members) => {
      const ordered = [...members].sort(
        (a, b) => a.start.getTime() - b.start.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      );
      return {
        sessionIds: ordered.map((member) => member.id),
        start: new Date(Math.min(...members.map((member) => member.start.getTime()))),
        end: new Date(Math.max(...members.map((member) => member.end.getTime()))),
      };
    })
    .sort((a, b) => a.start.getTime() - b.start.getTime());
}

// Coarse 5-minute grid in a short day, so equal starts and touching ends
// (end of one = start of another) are common, plus some zero-length and
// inverted intervals.
const arbitraryIntervals = fc.array(
  fc.record({
    start: fc.integer({ min: 0, max: 24 }).map((step) => step * 5),
    length: fc.oneof(
      { weight: 8, arbitrary: fc.integer({ min: 1, max: 8 }).map((step) => step * 5) },
      { weight: 1, arbitrary: fc.constant(0) },
      { weight: 1, arbitrary: fc.integer({ min: -20, max: -1 }) },
      { weight: 2, arbitrary: fc.integer({ min: 1, max: 90 }) },
    ),
  }),
  { maxLength: 30 },
);

const arbitrarySessions = arbitraryIntervals.chain((intervals) =>
  // Ids in an order unrelated to time, so the id tiebreak is really exercised.
  fc
    .shuffledSubarray(
      intervals.map((_, index) => `s${String(index).padStart(2, "0")}`),
      { minLength: intervals.length, maxLength: intervals.length },
    )
    .map((ids) =>
      intervals.map((interval, index) => slot(ids[index] ?? `missing${index}`, interval.start, interval.start + interval.length)),
    ),
);

describe("detectConflicts, properties", () => {
  it("matches the brute-force connected components of the overlap graph", () => {
    fc.assert(
      fc.property(arbitrarySessions, (sessions) => {
        expect(detectConflicts(sessions)).toEqual(bruteForceConflicts(sessions));
      }),
      { numRuns: 1000 },
    );
  });

  it("does not depend on the input order", () => {
    fc.assert(
      fc.property(
        arbitrarySessions.chain((sessions) =>
          fc.tuple(fc.constant(sessions), fc.shuffledSubarray(sessions, { minLength: sessions.length, maxLength: sessions.length })),
        ),
        ([sessions, shuffled]) => {
          expect(detectConflicts(shuffled)).toEqual(detectConflicts(sessions));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("produces disjoint groups whose members lie within the group's span", () => {
    fc.assert(
      fc.property(arbitrarySessions, (sessions) => {
        const conflicts = detectConflicts(sessions);
        const byId = new Map(sessions.map((session) => [session.id, session]));
        const seen = new Set<string>();
        conflicts.forEach((conflict, index) => {
          expect(conflict.sessionIds.length).toBeGreaterThanOrEqual(2);
          const next = conflicts[index + 1];
          // Back-to-back groups may touch but never overlap.
          if (next) expect(conflict.end.getTime()).toBeLessThanOrEqual(next.start.getTime());
          for (const id of conflict.sessionIds) {
            expect(seen.has(id)).toBe(false);
            seen.add(id);
            const member = byId.get(id);
            expect(member).toBeDefined();
            if (member) {
              expect(member.start.getTime()).toBeGreaterThanOrEqual(conflict.start.getTime());
              expect(member.end.getTime()).toBeLessThanOrEqual(conflict.end.getTime());
            }
          }
        });
      }),
      { numRuns: 500 },
    );
  });
});
