import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  groupIntoTimeSlots,
  planCoverage,
  type CoverageMember,
  type CoveragePlan,
  type CoverageSession,
} from "@/lib/sharing/plan-coverage";

// A fixed UTC instant: every time here is an offset in minutes from it, so
// nothing depends on the machine's zone.
const BASE_MS = Date.UTC(2024, 4, 14, 8, 0);
const MINUTE_MS = 60_000;

function at(minute: number): Date {
  return new Date(BASE_MS + minute * MINUTE_MS);
}

function session(id: string, startMinute: number, endMinute: number): CoverageSession {
  return { id, start: at(startMinute), end: at(endMinute) };
}

function member(id: string, must: string[], maybe: string[] = []): CoverageMember {
  return { id, must, maybe };
}

function overlaps(a: CoverageSession, b: CoverageSession): boolean {
  return (
    a.start.getTime() < a.end.getTime() &&
    b.start.getTime() < b.end.getTime() &&
    a.start.getTime() < b.end.getTime() &&
    b.start.getTime() < a.end.getTime()
  );
}

function assignmentOf(plan: CoveragePlan, memberId: string): { sessionIds: string[]; added: string[] } {
  const found = plan.assignments.find((assignment) => assignment.memberId === memberId);
  if (found === undefined) throw new Error(`no assignment for ${memberId}`);
  return { sessionIds: found.sessionIds, added: found.added };
}

function wantedIds(sessions: readonly CoverageSession[], members: readonly CoverageMember[]): Set<string> {
  const known = new Set(sessions.map((item) => item.id));
  return new Set(members.flatMap((person) => [...person.must, ...person.maybe]).filter((id) => known.has(id)));
}

function maybeHits(plan: CoveragePlan, members: readonly CoverageMember[]): number {
  let hits = 0;
  for (const assignment of plan.assignments) {
    const person = members.find((candidate) => candidate.id === assignment.memberId);
    const maybe = new Set(person?.maybe ?? []);
    const must = new Set(person?.must ?? []);
    for (const id of assignment.added) if (maybe.has(id) && !must.has(id)) hits += 1;
  }
  return hits;
}

type Score = { covered: number; maybes: number };

/**
 * The best (covered, maybe-hits) over every way to hand each wanted session
 * to nobody or one member, with "maybe-hits" counting sessions no must
 * covers that went to a member who starred them "maybe". Depth-first with
 * the feasibility check done as each session is placed, which still visits
 * every feasible assignment.
 */
function bruteForceOptimum(sessions: readonly CoverageSession[], members: readonly CoverageMember[]): Score {
  const wanted = wantedIds(sessions, members);
  const list = sessions.filter((item) => wanted.has(item.id));
  const byId = new Map(sessions.map((item) => [item.id, item]));
  const mustCovered = new Set(members.flatMap((person) => person.must));
  const musts = members.map((person) =>
    person.must.flatMap((id) => {
      const found = byId.get(id);
      return found === undefined ? [] : [found];
    }),
  );
  const extras: CoverageSession[][] = members.map(() => []);
  let best: Score = { covered: -1, maybes: -1 };

  const visit = (index: number, covered: number, maybes: number): void => {
    if (index === list.length) {
      if (covered > best.covered || (covered === best.covered && maybes > best.maybes)) best = { covered, maybes };
      return;
    }
    const current = list[index];
    if (current === undefined) return;
    const alreadyCovered = mustCovered.has(current.id) ? 1 : 0;
    visit(index + 1, covered + alreadyCovered, maybes);
    members.forEach((person, memberIndex) => {
      if (person.must.includes(current.id)) return;
      const mine = extras[memberIndex] ?? [];
      const blockers = [...(musts[memberIndex] ?? []), ...mine];
      if (blockers.some((other) => overlaps(other, current))) return;
      mine.push(current);
      const hit = alreadyCovered === 0 && person.maybe.includes(current.id) ? 1 : 0;
      visit(index + 1, covered + 1, maybes + hit);
      mine.pop();
    });
  };
  visit(0, 0, 0);
  return best;
}

/**
 * The best (covered, maybe-hits) by a plain dynamic programme over the
 * sessions no must covers, in start order, with each member's exact
 * free-from time as the state: slower than the planner but simple enough
 * to trust, and fast enough for programmes too big to brute-force.
 */
function referenceOptimum(sessions: readonly CoverageSession[], members: readonly CoverageMember[]): Score {
  const wanted = wantedIds(sessions, members);
  const mustCovered = new Set(members.flatMap((person) => person.must));
  const byId = new Map(sessions.map((item) => [item.id, item]));
  const open = sessions
    .filter((item) => wanted.has(item.id) && !mustCovered.has(item.id))
    .sort((a, b) => a.start.getTime() - b.start.getTime());
  const free = open.map((item) =>
    members.map((person) =>
      person.must.every((id) => {
        const must = byId.get(id);
        return must === undefined || !overlaps(must, item);
      }),
    ),
  );
  const memo = new Map<string, Score>();
  const best = (index: number, busyUntil: readonly number[]): Score => {
    const current = open[index];
    if (current === undefined) return { covered: 0, maybes: 0 };
    const key = `${index}|${busyUntil.join(",")}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let result = best(index + 1, busyUntil);
    members.forEach((person, memberIndex) => {
      if (!free[index]?.[memberIndex] || (busyUntil[memberIndex] ?? 0) > current.start.getTime()) return;
      const next = [...busyUntil];
      next[memberIndex] = current.end.getTime();
      const rest = best(index + 1, next);
      const taken = { covered: rest.covered + 1, maybes: rest.maybes + (person.maybe.includes(current.id) ? 1 : 0) };
      if (taken.covered > result.covered || (taken.covered === result.covered && taken.maybes > result.maybes)) {
        result = taken;
      }
    });
    memo.set(key, result);
    return result;
  };
  const extra = best(
    0,
    members.map(() => Number.NEGATIVE_INFINITY),
  );
  return { covered: extra.covered + [...wanted].filter((id) => mustCovered.has(id)).length, maybes: extra.maybes };
}

type Star = "none" | "must" | "maybe";

const startArb = fc.oneof(
  fc.integer({ min: 0, max: 180 }),
  // On a quarter-hour grid, so touching and identical intervals come up often.
  fc.integer({ min: 0, max: 12 }).map((quarter) => quarter * 15),
);
const lengthArb = fc.oneof(fc.integer({ min: 1, max: 90 }), fc.constantFrom(15, 30, 45, 60));
const starArb = fc.constantFrom<Star>("none", "none", "must", "maybe", "maybe");

const smallCaseArb = fc
  .record({
    times: fc.array(fc.record({ start: startArb, length: lengthArb }), { minLength: 1, maxLength: 7 }),
    stars: fc.array(fc.array(starArb, { minLength: 7, maxLength: 7 }), { minLength: 1, maxLength: 3 }),
  })
  .map(({ times, stars }) => {
    const sessions = times.map((time, index) => session(`s${index}`, time.start, time.start + time.length));
    // Member ids run against list order so id order is really exercised.
    const members = stars.map((row, memberIndex) => {
      const picked = (level: Star): string[] =>
        sessions.flatMap((item, sessionIndex) => (row[sessionIndex] === level ? [item.id] : []));
      return member(`m${stars.length - memberIndex}`, picked("must"), picked("maybe"));
    });
    return { sessions, members };
  });

const MAX_PROGRAMME = 24;

// Slots of parallel talks on an hourly grid, sessions spanning several
// slots (workshops, some starting or ending off the grid), and a few
// sessions at arbitrary times: the shapes the planner treats differently.
const programmeCaseArb = fc
  .record({
    slots: fc.integer({ min: 1, max: 4 }),
    rooms: fc.integer({ min: 1, max: 4 }),
    spans: fc.array(
      fc.record({
        slot: fc.integer({ min: 0, max: 3 }),
        length: fc.integer({ min: 1, max: 3 }),
        shift: fc.constantFrom(0, 0, 10, -10),
      }),
      { maxLength: 3 },
    ),
    loose: fc.array(fc.record({ start: fc.integer({ min: 0, max: 240 }), length: fc.integer({ min: 5, max: 120 }) }), {
      maxLength: 4,
    }),
    stars: fc.array(fc.array(starArb, { minLength: MAX_PROGRAMME, maxLength: MAX_PROGRAMME }), {
      minLength: 1,
      maxLength: 5,
    }),
  })
  .map(({ slots, rooms, spans, loose, stars }) => {
    const sessions: CoverageSession[] = [];
    for (let slot = 0; slot < slots; slot += 1) {
      for (let room = 0; room < rooms; room += 1) sessions.push(session(`t${slot}-${room}`, slot * 60, slot * 60 + 50));
    }
    spans.forEach((span, index) =>
      sessions.push(session(`w${index}`, span.slot * 60 + span.shift, (span.slot + span.length) * 60 - 10)),
    );
    loose.forEach((item, index) => sessions.push(session(`x${index}`, item.start, item.start + item.length)));
    const members = stars.map((row, memberIndex) => {
      const picked = (level: Star): string[] =>
        sessions.flatMap((item, sessionIndex) => (row[sessionIndex] === level ? [item.id] : []));
      return member(`m${memberIndex}`, picked("must"), picked("maybe"));
    });
    return { sessions, members };
  });

const anyCaseArb = fc.oneof(smallCaseArb, programmeCaseArb);

describe("planCoverage, worked examples", () => {
  it("leaves the third of three parallel talks uncovered when two members must attend the others", () => {
    const sessions = [session("a", 0, 60), session("b", 0, 60), session("c", 0, 60)];
    const members = [member("ann", ["a"], ["c"]), member("bob", ["b"], ["c"])];
    const plan = planCoverage(sessions, members);
    expect(plan).toEqual({
      assignments: [
        { memberId: "ann", sessionIds: ["a"], added: [] },
        { memberId: "bob", sessionIds: ["b"], added: [] },
      ],
      covered: ["a", "b"],
      uncovered: ["c"],
    });
  });

  it("gives a session to the member who starred it maybe rather than to the first id", () => {
    const sessions = [session("x", 0, 60), session("y", 0, 60)];
    const members = [member("ann", [], ["y"]), member("bob", [], ["x"])];
    const plan = planCoverage(sessions, members);
    expect(assignmentOf(plan, "ann").added).toEqual(["y"]);
    expect(assignmentOf(plan, "bob").added).toEqual(["x"]);
    expect(plan.uncovered).toEqual([]);
  });

  it("gives a maybe session to its fan even when another free member has the smaller id", () => {
    const plan = planCoverage([session("x", 0, 60)], [member("ann", []), member("bob", [], ["x"])]);
    expect(plan.assignments).toEqual([
      { memberId: "ann", sessionIds: [], added: [] },
      { memberId: "bob", sessionIds: ["x"], added: ["x"] },
    ]);
  });

  it("puts coverage before the maybe preference", () => {
    // Only bob can take q (ann must attend m, which q overlaps), so ann takes
    // p although bob starred p and ann did not.
    const sessions = [session("p", 0, 45), session("q", 40, 100), session("m", 50, 60)];
    const members = [member("ann", ["m"]), member("bob", [], ["p", "q"])];
    const plan = planCoverage(sessions, members);
    expect(assignmentOf(plan, "ann")).toEqual({ sessionIds: ["p", "m"], added: ["p"] });
    expect(assignmentOf(plan, "bob")).toEqual({ sessionIds: ["q"], added: ["q"] });
    expect(plan.uncovered).toEqual([]);
  });

  it("keeps musts that overlap each other, and adds nothing that overlaps them", () => {
    const sessions = [session("a", 0, 60), session("b", 30, 90), session("c", 60, 120)];
    const members = [member("ann", ["b", "a"], ["c"]), member("bob", [])];
    const plan = planCoverage(sessions, members);
    expect(assignmentOf(plan, "ann")).toEqual({ sessionIds: ["a", "b"], added: [] });
    expect(assignmentOf(plan, "bob")).toEqual({ sessionIds: ["c"], added: ["c"] });
    expect(plan.covered).toEqual(["a", "b", "c"]);
  });

  it("never assigns sessions nobody starred", () => {
    const sessions = [session("starred", 0, 60), session("ignored", 60, 120), session("also-ignored", 120, 180)];
    const plan = planCoverage(sessions, [member("ann", [], ["starred"]), member("bob", [])]);
    expect(plan.assignments.flatMap((assignment) => assignment.added)).toEqual(["starred"]);
    expect(plan.covered).toEqual(["starred"]);
    expect(plan.uncovered).toEqual([]);
  });

  it("gives one member two touching sessions", () => {
    const sessions = [session("a", 0, 60), session("b", 60, 120)];
    const plan = planCoverage(sessions, [member("ann", [], ["a", "b"])]);
    expect(assignmentOf(plan, "ann")).toEqual({ sessionIds: ["a", "b"], added: ["a", "b"] });
    expect(plan.uncovered).toEqual([]);
  });

  it("adds a session touching a must", () => {
    const sessions = [session("keynote", 0, 60), session("talk", 60, 90)];
    const plan = planCoverage(sessions, [member("ann", ["keynote"], ["talk"])]);
    expect(assignmentOf(plan, "ann")).toEqual({ sessionIds: ["keynote", "talk"], added: ["talk"] });
  });

  it("does not hand a session to members who are each free for only part of it", () => {
    // Some member is free at every instant of z, which a time-line flow
    // model would accept, but neither is free for all of it.
    const sessions = [session("x", 0, 10), session("y", 10, 20), session("z", 5, 15)];
    const plan = planCoverage(sessions, [member("ann", ["x"], ["z"]), member("bob", ["y"])]);
    expect(plan.uncovered).toEqual(["z"]);
    expect(plan.assignments.flatMap((assignment) => assignment.added)).toEqual([]);
  });

  it("prefers two short sessions over one long one for a single member", () => {
    const sessions = [session("long", 0, 100), session("first", 0, 50), session("second", 50, 100)];
    const plan = planCoverage(sessions, [member("ann", [], ["long", "first", "second"])]);
    expect(assignmentOf(plan, "ann").added).toEqual(["first", "second"]);
    expect(plan.uncovered).toEqual(["long"]);
  });

  it("hands out a slot's talks by matching, not first come first served", () => {
    // Bob's must overlaps "long" but not "short", so short must go to bob
    // and long to ann, although ann comes first and short starts first.
    const sessions = [session("short", 0, 30), session("long", 0, 60), session("bob-must", 40, 100)];
    const members = [member("ann", [], ["short", "long"]), member("bob", ["bob-must"], ["short", "long"])];
    const plan = planCoverage(sessions, members);
    expect(assignmentOf(plan, "ann").added).toEqual(["long"]);
    expect(assignmentOf(plan, "bob").added).toEqual(["short"]);
    expect(plan.uncovered).toEqual([]);
  });

  it("covers a workshop spanning several slots by freeing one member for it", () => {
    const sessions = [
      session("workshop", 0, 180),
      session("t1", 0, 60),
      session("t2", 60, 120),
      session("t3", 120, 180),
    ];
    const members = [member("ann", [], ["t1", "t2", "t3"]), member("bob", [], ["workshop", "t2"])];
    const plan = planCoverage(sessions, members);
    expect(assignmentOf(plan, "ann").added).toEqual(["t1", "t2", "t3"]);
    expect(assignmentOf(plan, "bob").added).toEqual(["workshop"]);
  });

  it("does not give an already covered session to anyone else", () => {
    const sessions = [session("a", 0, 60)];
    const plan = planCoverage(sessions, [member("ann", ["a"]), member("bob", [], ["a"])]);
    expect(assignmentOf(plan, "bob")).toEqual({ sessionIds: [], added: [] });
    expect(plan.covered).toEqual(["a"]);
  });

  it("ignores stars on unknown sessions and counts a session starred both ways as a must", () => {
    const plan = planCoverage([session("a", 0, 60)], [member("ann", ["a", "gone"], ["a", "also-gone"])]);
    expect(plan).toEqual({
      assignments: [{ memberId: "ann", sessionIds: ["a"], added: [] }],
      covered: ["a"],
      uncovered: [],
    });
  });

  it("covers a zero-length wanted session, which clashes with nothing", () => {
    const sessions = [session("busy", 0, 60), session("moment", 30, 30)];
    const plan = planCoverage(sessions, [member("ann", ["busy"], ["moment"])]);
    expect(assignmentOf(plan, "ann")).toEqual({ sessionIds: ["busy", "moment"], added: ["moment"] });
  });

  it("returns an empty plan for no members or no sessions", () => {
    expect(planCoverage([session("a", 0, 60)], [])).toEqual({ assignments: [], covered: [], uncovered: [] });
    expect(planCoverage([], [member("ann", ["a"])])).toEqual({
      assignments: [{ memberId: "ann", sessionIds: [], added: [] }],
      covered: [],
      uncovered: [],
    });
  });

  it("does not modify its input", () => {
    const sessions = [session("b", 0, 60), session("a", 0, 60)];
    const members = [member("bob", ["b"], ["a"]), member("ann", [], ["a"])];
    const before = structuredClone({ sessions, members });
    planCoverage(sessions, members);
    expect({ sessions, members }).toEqual(before);
  });

  it("plans a chain of staggered sessions, where every session straddles the next starts, exactly", () => {
    // 16 sessions of 40 minutes starting every 10: the case the search has
    // to branch on throughout.
    const sessions = Array.from({ length: 16 }, (_, index) =>
      session(`s${String(index).padStart(2, "0")}`, index * 10, index * 10 + 40),
    );
    const members = [
      member("ann", ["s03"], ["s00", "s05", "s09", "s12"]),
      member("bob", [], ["s01", "s02", "s06", "s10", "s14"]),
      member("cyd", ["s08"], ["s00", "s04", "s11", "s15"]),
    ];
    const plan = planCoverage(sessions, members);
    const optimum = referenceOptimum(sessions, members);
    expect(plan.covered.length).toBe(optimum.covered);
    expect(maybeHits(plan, members)).toBe(optimum.maybes);
  });

  it("plans a realistic three-day programme for ten members quickly", () => {
    // 3 days x 8 slots x 10 rooms of talks, plus a workshop spanning three
    // slots each morning and afternoon.
    const sessions: CoverageSession[] = [];
    for (let day = 0; day < 3; day += 1) {
      for (let slot = 0; slot < 8; slot += 1) {
        const start = day * 1440 + slot * 60;
        for (let room = 0; room < 10; room += 1) sessions.push(session(`d${day}s${slot}r${room}`, start, start + 50));
      }
      sessions.push(session(`d${day}am`, day * 1440, day * 1440 + 170));
      sessions.push(session(`d${day}pm`, day * 1440 + 240, day * 1440 + 410));
    }
    // A fixed pseudo-random spread of stars: about a third of the sessions
    // starred by each member, a few as must.
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const members = Array.from({ length: 10 }, (_, index) => {
      const must: string[] = [];
      const maybe: string[] = [];
      for (const item of sessions) {
        const roll = random();
        if (roll < 0.03) must.push(item.id);
        else if (roll < 0.3) maybe.push(item.id);
      }
      return member(`member-${index}`, must, maybe);
    });

    const started = performance.now();
    const plan = planCoverage(sessions, members);
    const elapsed = performance.now() - started;

    expect(plan.covered.length + plan.uncovered.length).toBe(wantedIds(sessions, members).size);
    expect(elapsed).toBeLessThan(2_000);
  });
});

describe("planCoverage, properties", () => {
  it("covers as many wanted sessions as brute force, then gives as many to their maybe fans", () => {
    fc.assert(
      fc.property(smallCaseArb, ({ sessions, members }) => {
        const plan = planCoverage(sessions, members);
        const optimum = bruteForceOptimum(sessions, members);
        expect(plan.covered.length).toBe(optimum.covered);
        expect(maybeHits(plan, members)).toBe(optimum.maybes);
        // Each addition covers a session nothing else covered: the fewest additions.
        const mustCovered = new Set(members.flatMap((person) => person.must));
        const additions = plan.assignments.reduce((total, assignment) => total + assignment.added.length, 0);
        expect(additions).toBe(plan.covered.length - mustCovered.size);
      }),
      { numRuns: 400 },
    );
  });

  it("matches a plain dynamic programme on programmes with slots, workshops and stray sessions", () => {
    fc.assert(
      fc.property(programmeCaseArb, ({ sessions, members }) => {
        const plan = planCoverage(sessions, members);
        const optimum = referenceOptimum(sessions, members);
        expect(plan.covered.length).toBe(optimum.covered);
        expect(maybeHits(plan, members)).toBe(optimum.maybes);
      }),
      { numRuns: 300 },
    );
  });

  it("agrees with brute force wherever brute force is the reference", () => {
    // Guards the plain dynamic programme used above on larger programmes.
    fc.assert(
      fc.property(smallCaseArb, ({ sessions, members }) => {
        expect(referenceOptimum(sessions, members)).toEqual(bruteForceOptimum(sessions, members));
      }),
      { numRuns: 300 },
    );
  });

  it("keeps every must, adds only clash-free wanted sessions, and splits wanted into covered and uncovered", () => {
    fc.assert(
      fc.property(anyCaseArb, ({ sessions, members }) => {
        const plan = planCoverage(sessions, members);
        const byId = new Map(sessions.map((item) => [item.id, item]));
        const wanted = wantedIds(sessions, members);
        const mustCovered = new Set(members.flatMap((person) => person.must));

        expect(plan.assignments.map((assignment) => assignment.memberId).sort()).toEqual(
          members.map((person) => person.id).sort(),
        );
        const given = new Set<string>();
        for (const assignment of plan.assignments) {
          const person = members.find((candidate) => candidate.id === assignment.memberId);
          if (person === undefined) throw new Error("unknown member");
          expect([...assignment.sessionIds].sort()).toEqual([...person.must, ...assignment.added].sort());
          const mine = assignment.added.map((id) => byId.get(id));
          const musts = person.must.map((id) => byId.get(id));
          mine.forEach((added, index) => {
            if (added === undefined) throw new Error("unknown session added");
            expect(wanted.has(added.id)).toBe(true);
            expect(mustCovered.has(added.id)).toBe(false);
            expect(given.has(added.id)).toBe(false);
            given.add(added.id);
            for (const must of musts) if (must !== undefined) expect(overlaps(must, added)).toBe(false);
            for (const other of mine.slice(index + 1)) {
              if (other !== undefined) expect(overlaps(other, added)).toBe(false);
            }
          });
        }

        const covered = new Set(plan.covered);
        expect(covered.size).toBe(plan.covered.length);
        expect(plan.uncovered.filter((id) => covered.has(id))).toEqual([]);
        expect(new Set([...plan.covered, ...plan.uncovered])).toEqual(wanted);
        expect(covered).toEqual(new Set([...mustCovered, ...given]));
      }),
      { numRuns: 300 },
    );
  });

  it("does not depend on the order of sessions, members or stars", () => {
    fc.assert(
      fc.property(anyCaseArb, fc.nat(), ({ sessions, members }, shift) => {
        const rotate = <T>(items: readonly T[]): T[] => {
          const cut = items.length === 0 ? 0 : shift % items.length;
          return [...items.slice(cut), ...items.slice(0, cut)].reverse();
        };
        const reordered = rotate(members).map((person) => member(person.id, rotate(person.must), rotate(person.maybe)));
        expect(planCoverage(rotate(sessions), reordered)).toEqual(planCoverage(sessions, members));
      }),
      { numRuns: 300 },
    );
  });
});

describe("groupIntoTimeSlots", () => {
  it("links a chain into one slot and keeps touching sessions apart, ordered by start", () => {
    const sessions = [
      session("late", 200, 260),
      session("c", 50, 90),
      session("a", 0, 40),
      session("b", 30, 60),
      session("next", 90, 120),
      session("parallel", 90, 100),
    ];
    expect(groupIntoTimeSlots(sessions)).toEqual([
      { start: at(0), end: at(90), sessionIds: ["a", "b", "c"] },
      { start: at(90), end: at(120), sessionIds: ["next", "parallel"] },
      { start: at(200), end: at(260), sessionIds: ["late"] },
    ]);
  });

  it("keeps a nested session in its container's slot", () => {
    expect(groupIntoTimeSlots([session("inner", 20, 30), session("outer", 0, 60)])).toEqual([
      { start: at(0), end: at(60), sessionIds: ["outer", "inner"] },
    ]);
  });

  it("gives a zero-length session a slot of its own and lists a repeated id once", () => {
    const sessions = [session("long", 0, 60), session("moment", 30, 30), session("long", 0, 60)];
    expect(groupIntoTimeSlots(sessions)).toEqual([
      { start: at(0), end: at(60), sessionIds: ["long"] },
      { start: at(30), end: at(30), sessionIds: ["moment"] },
    ]);
  });

  it("returns nothing for no sessions", () => {
    expect(groupIntoTimeSlots([])).toEqual([]);
  });

  it("puts every session in exactly one slot, slots in start order and not overlapping", () => {
    fc.assert(
      fc.property(smallCaseArb, ({ sessions }) => {
        const slots = groupIntoTimeSlots(sessions);
        expect(slots.flatMap((slot) => slot.sessionIds).sort()).toEqual(sessions.map((item) => item.id).sort());
        slots.forEach((slot, index) => {
          const following = slots[index + 1];
          if (following !== undefined) expect(slot.end.getTime()).toBeLessThanOrEqual(following.start.getTime());
        });
        // Sessions in different slots never overlap.
        const slotOf = new Map(slots.flatMap((slot, index) => slot.sessionIds.map((id) => [id, index] as const)));
        for (const a of sessions) {
          for (const b of sessions) {
            if (overlaps(a, b)) expect(slotOf.get(a.id)).toBe(slotOf.get(b.id));
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
