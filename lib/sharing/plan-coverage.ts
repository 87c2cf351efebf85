/**
 * Team coverage at one conference: colleagues split up over parallel talks so
 * that as many of the sessions somebody starred as possible are attended by
 * at least one of them.
 *
 * Intervals are half-open [start, end): a talk ending at 10:00 and the next
 * starting at 10:00 do not clash. Zero-length, inverted and invalid-date
 * intervals cover no instant, so they clash with nothing.
 *
 * Why not min-cost flow on the time line: that is exact for k identical
 * machines, but here each member is blocked by their own "must" sessions, and
 * flow only tracks how many members are free at each instant, not which. With
 * A blocked on [0, 10) and B on [10, 20), one member is free at every instant
 * of [5, 15), yet neither can attend all of it, so flow would over-promise.
 * Interval scheduling where each job may only run on some machines is
 * NP-hard in general (Arkin & Silverberg, 1987), so the planner below is an
 * exact search whose cost is exponential in the worst case but small for
 * timetables built from slots; see `searchAssignments`.
 */

export type CoverageSession = { id: string; start: Date; end: Date };
export type CoverageMember = { id: string; must: string[]; maybe: string[] };
export type CoverageAssignment = {
  memberId: string;
  /** The member's full proposed schedule: their musts plus `added`. */
  sessionIds: string[];
  /** Sessions newly proposed to them. */
  added: string[];
};
export type CoveragePlan = { assignments: CoverageAssignment[]; covered: string[]; uncovered: string[] };
export type CoverageTimeSlot = { start: Date; end: Date; sessionIds: string[] };

type Interval = { start: Date; end: Date };

type Member = { id: string; must: Set<string>; maybe: Set<string> };

type Decision = { sessionIndex: number; memberIndex: number };

/** One reachable state of the search, linked back to how it was reached. */
type Step = {
  /**
   * Sessions covered times the cover weight, plus sessions given to a member
   * who starred them "maybe": one number that compares like the pair.
   */
  score: number;
  /** Per member, from when they are free again, as a code (see runSearch). */
  busy: number[];
  /** The state one position earlier; the chain has one step per position. */
  previous: Step | null;
  /** Who took this position's session if it was branched on, or NOBODY. */
  taker: number;
  /** Who took which of the sessions matched at this position. */
  matched: readonly Decision[];
};

/** Positive-length sessions sorted by start, and who could take each. */
type SearchInput = {
  sessions: readonly CoverageSession[];
  /** Per session, the indices (ascending) of members none of whose musts it overlaps. */
  eligible: readonly (readonly number[])[];
  isFan: (memberIndex: number, sessionIndex: number) => boolean;
  memberCount: number;
};

const NOBODY = -1;
const NO_DECISIONS: readonly Decision[] = [];
const FREE = Number.NEGATIVE_INFINITY;
const DONE = Number.POSITIVE_INFINITY;
// States kept per position by the first, approximate pass; see searchAssignments.
const BEAM_WIDTH = 16;
// States the exact pass may keep in all before it gives up; see searchAssignments.
const STATE_BUDGET = 2_000_000;

// Code-unit order rather than locale order: ids are opaque, and the result
// must not change with the server's ICU data or locale.
function compareIds(a: string, b: string): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}

function compareNumbers(a: number, b: number): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}

// Invalid dates sort last instead of poisoning the comparator with NaN.
function sortableTime(date: Date): number {
  const time = date.getTime();
  return Number.isFinite(time) ? time : DONE;
}

/** Start, then id, then end: a total order once ids are unique, so output never depends on input order. */
function compareSessions(a: CoverageSession, b: CoverageSession): number {
  return (
    compareNumbers(sortableTime(a.start), sortableTime(b.start)) ||
    compareIds(a.id, b.id) ||
    compareNumbers(sortableTime(a.end), sortableTime(b.end))
  );
}

function hasPositiveLength(interval: Interval): boolean {
  const start = interval.start.getTime();
  const end = interval.end.getTime();
  return Number.isFinite(start) && Number.isFinite(end) && start < end;
}

function overlaps(a: Interval, b: Interval): boolean {
  return (
    hasPositiveLength(a) &&
    hasPositiveLength(b) &&
    a.start.getTime() < b.end.getTime() &&
    b.start.getTime() < a.end.getTime()
  );
}

// The same id twice (e.g. merged lists) is one session; the first copy wins.
function dedupeSessions(sessions: readonly CoverageSession[]): CoverageSession[] {
  const byId = new Map<string, CoverageSession>();
  for (const session of sessions) if (!byId.has(session.id)) byId.set(session.id, session);
  return [...byId.values()].sort(compareSessions);
}

/**
 * Members by id with their stars restricted to known sessions: a star on a
 * session we have no times for cannot be planned around. A member listed
 * twice keeps the stars of both entries so no must is ever dropped, and a
 * session starred both ways counts as a must.
 */
function normalizeMembers(members: readonly CoverageMember[], known: ReadonlySet<string>): Member[] {
  const byId = new Map<string, Member>();
  for (const member of members) {
    let merged = byId.get(member.id);
    if (merged === undefined) {
      merged = { id: member.id, must: new Set(), maybe: new Set() };
      byId.set(member.id, merged);
    }
    for (const id of member.must) if (known.has(id)) merged.must.add(id);
    for (const id of member.maybe) if (known.has(id)) merged.maybe.add(id);
  }
  for (const member of byId.values()) for (const id of member.must) member.maybe.delete(id);
  return [...byId.values()].sort((a, b) => compareIds(a.id, b.id));
}

/** Index of the first element of `sorted[from..]` that is >= `value`, or `sorted.length`. */
function lowerBound(sorted: readonly number[], value: number, from: number): number {
  let low = from;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] ?? DONE) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Where the overlap graph of sessions sorted by start falls apart: ranges
 * [first, last) such that no session in one overlaps a session in another.
 * A session joins the current range exactly when it starts before the
 * latest end seen so far in it, because every later session starts no
 * earlier.
 */
function splitAtGaps(sessions: readonly CoverageSession[]): Array<{ first: number; last: number }> {
  const ranges: Array<{ first: number; last: number }> = [];
  for (let first = 0; first < sessions.length; ) {
    let last = first + 1;
    let reach = sessions[first]?.end.getTime() ?? DONE;
    while (last < sessions.length && (sessions[last]?.start.getTime() ?? DONE) < reach) {
      reach = Math.max(reach, sessions[last]?.end.getTime() ?? DONE);
      last += 1;
    }
    ranges.push({ first, last });
    first = last;
  }
  return ranges;
}

/**
 * In what order the search settles who takes each session (see
 * searchAssignments). Position p first settles session p itself if it is
 * `branched`, then every session of `matchedAfter[p]` at once.
 *
 * A session's release is the last position whose session starts before it
 * ends: everything overlapping it has started by then. A session is matched
 * (settled at its release) when no session overlapping it has an earlier
 * release; otherwise it is branched (settled at its own position). Then
 * everything overlapping a matched session is settled no later than it, and
 * matched sessions settled at the same position all overlap each other, so
 * each member takes at most one of them.
 */
type Agenda = {
  branched: boolean[];
  matchedAfter: number[][];
  /** Per session, the position at which it is settled. */
  settledAt: number[];
};

function planAgenda(sessions: readonly CoverageSession[]): Agenda {
  const starts = sessions.map((session) => session.start.getTime());
  const releases = sessions.map((session) => lowerBound(starts, session.end.getTime(), 0) - 1);
  const branched = sessions.map((session, index) =>
    sessions.some(
      (other, otherIndex) =>
        (releases[otherIndex] ?? 0) < (releases[index] ?? 0) && overlaps(session, other),
    ),
  );
  const matchedAfter: number[][] = sessions.map(() => []);
  const settledAt = sessions.map((_, index) => (branched[index] ? index : (releases[index] ?? index)));
  settledAt.forEach((position, index) => {
    if (!branched[index]) matchedAfter[position]?.push(index);
  });
  return { branched, matchedAfter, settledAt };
}

/**
 * Per position p, an upper bound (stored at p + 1, with index 0 before
 * anything is settled) on the score the sessions settled after p can add,
 * whatever was decided before. Coverage is at most the number of those
 * sessions someone may take, and at most what the members could take if
 * each were alone: for each, the most non-overlapping sessions among those
 * they may take, found by the latest-start greedy, which is optimal. Maybe
 * hits are at most the covered sessions with a fan among those who may take
 * them.
 */
function settleBounds(input: SearchInput, agenda: Agenda, coverWeight: number): number[] {
  const { sessions, eligible, isFan, memberCount } = input;
  const bounds = new Array<number>(sessions.length + 1).fill(0);
  const frontier = new Array<number>(memberCount);
  for (let position = -1; position < sessions.length; position += 1) {
    frontier.fill(DONE);
    let picks = 0;
    let takeable = 0;
    let fanned = 0;
    for (let index = sessions.length - 1; index >= 0; index -= 1) {
      const session = sessions[index];
      if (session === undefined || (agenda.settledAt[index] ?? 0) <= position) continue;
      const takers = eligible[index] ?? [];
      if (takers.length > 0) takeable += 1;
      if (takers.some((memberIndex) => isFan(memberIndex, index))) fanned += 1;
      for (const memberIndex of takers) {
        if (session.end.getTime() <= (frontier[memberIndex] ?? DONE)) {
          picks += 1;
          frontier[memberIndex] = session.start.getTime();
        }
      }
    }
    const cover = Math.min(takeable, picks);
    bounds[position + 1] = cover * coverWeight + Math.min(cover, fanned);
  }
  return bounds;
}

/**
 * The best way to hand out sessions that all overlap each other, each
 * member taking at most one: the most sessions, then the most to a fan.
 * Successive longest augmenting paths (Bellman-Ford, with a fan edge worth 1
 * and handing a session back worth -1) keep the matching the heaviest of
 * its size at every step, so the last one is the heaviest maximum matching.
 */
function matchGroup(
  group: readonly number[],
  canTake: (memberIndex: number, sessionIndex: number) => boolean,
  isFan: (memberIndex: number, sessionIndex: number) => boolean,
  memberCount: number,
): { fans: number; decisions: Decision[] } {
  const sessionOf = new Array<number>(memberCount).fill(NOBODY);
  const memberOf = new Array<number>(group.length).fill(NOBODY);
  const worth = (memberIndex: number, slot: number): number => (isFan(memberIndex, group[slot] ?? 0) ? 1 : 0);
  let fans = 0;

  for (;;) {
    const memberGain = sessionOf.map((slot) => (slot === NOBODY ? 0 : Number.NEGATIVE_INFINITY));
    const memberVia = new Array<number>(memberCount).fill(NOBODY);
    const slotGain = new Array<number>(group.length).fill(Number.NEGATIVE_INFINITY);
    const slotVia = new Array<number>(group.length).fill(NOBODY);
    for (let round = 0, changed = true; changed && round <= memberCount + group.length; round += 1) {
      changed = false;
      memberGain.forEach((gain, memberIndex) => {
        if (gain === Number.NEGATIVE_INFINITY) return;
        group.forEach((sessionIndex, slot) => {
          if (sessionOf[memberIndex] === slot || !canTake(memberIndex, sessionIndex)) return;
          const reached = gain + worth(memberIndex, slot);
          if (reached > (slotGain[slot] ?? Number.NEGATIVE_INFINITY)) {
            slotGain[slot] = reached;
            slotVia[slot] = memberIndex;
            changed = true;
          }
        });
      });
      slotGain.forEach((gain, slot) => {
        const holder = memberOf[slot] ?? NOBODY;
        if (gain === Number.NEGATIVE_INFINITY || holder === NOBODY) return;
        const reached = gain - worth(holder, slot);
        if (reached > (memberGain[holder] ?? Number.NEGATIVE_INFINITY)) {
          memberGain[holder] = reached;
          memberVia[holder] = slot;
          changed = true;
        }
      });
    }

    let target = NOBODY;
    slotGain.forEach((gain, slot) => {
      if (memberOf[slot] !== NOBODY || gain === Number.NEGATIVE_INFINITY) return;
      if (target === NOBODY || gain > (slotGain[target] ?? Number.NEGATIVE_INFINITY)) target = slot;
    });
    if (target === NOBODY) break;

    fans += slotGain[target] ?? 0;
    // Walk the path back: each member on it swaps the session it held for
    // the one it was reached through.
    for (let slot = target; slot !== NOBODY; ) {
      const memberIndex = slotVia[slot] ?? NOBODY;
      const released = sessionOf[memberIndex] ?? NOBODY;
      memberOf[slot] = memberIndex;
      sessionOf[memberIndex] = slot;
      slot = released === NOBODY ? NOBODY : (memberVia[memberIndex] ?? NOBODY);
    }
  }

  const decisions: Decision[] = [];
  memberOf.forEach((memberIndex, slot) => {
    const sessionIndex = group[slot];
    if (memberIndex !== NOBODY && sessionIndex !== undefined) decisions.push({ sessionIndex, memberIndex });
  });
  return { fans, decisions };
}

/**
 * One pass of the search over the positions of the agenda (see
 * searchAssignments). `beam` keeps only that many best states per position,
 * which makes the pass approximate; `floor` drops states whose score plus
 * the bound on what is left cannot reach it. Returns the final state, or
 * null once more than `budget` states have been kept.
 *
 * A member's free-from time only matters compared with the starts of the
 * open sessions they may take, so it is kept rounded up to the earliest
 * such start at or after it, as a code: 0 for free for all of them, i + 1
 * for free from the i-th one on, one more than their count for none. States
 * with the same codes have the same future, and small numbers make short
 * keys.
 */
function runSearch(
  input: SearchInput,
  agenda: Agenda,
  bounds: readonly number[],
  coverWeight: number,
  options: { beam: number | null; floor: number; budget: number },
): Step | null {
  const { sessions, eligible, isFan, memberCount } = input;
  const starts = sessions.map((session) => session.start.getTime());
  const ends = sessions.map((session) => session.end.getTime());
  const takeable = Array.from({ length: memberCount }, () => new Array<boolean>(sessions.length).fill(false));
  // Per member, the open sessions they may take, in start order, and their starts.
  let openIndices: number[][] = Array.from({ length: memberCount }, () => []);
  eligible.forEach((members, sessionIndex) => {
    for (const memberIndex of members) {
      const row = takeable[memberIndex];
      if (row !== undefined) row[sessionIndex] = true;
      openIndices[memberIndex]?.push(sessionIndex);
    }
  });
  let openStarts = openIndices.map((indices) => indices.map((index) => starts[index] ?? 0));

  // Codes never exceed the number of sessions plus one, so they usually fit
  // one UTF-16 unit each: keys of one character per member hash fastest.
  const oneCharCodes = sessions.length + 1 < 0xffff;
  let kept = 0;
  let layer: Step[] = [
    {
      score: 0,
      busy: Array.from({ length: memberCount }, () => 0),
      previous: null,
      taker: NOBODY,
      matched: NO_DECISIONS,
    },
  ];

  for (let position = 0; position < sessions.length; position += 1) {
    const start = starts[position] ?? 0;
    const currentStarts = openStarts;
    openIndices = openIndices.map((indices) => indices.filter((index) => (agenda.settledAt[index] ?? 0) > position));
    openStarts = openIndices.map((indices) => indices.map((index) => starts[index] ?? 0));
    const nextStarts = openStarts;

    // Codes are relative to the open sessions; once this position's are
    // settled, each old code maps to a new one.
    const codeAfter = (memberIndex: number, time: number): number => {
      const open = nextStarts[memberIndex] ?? [];
      return open.length > 0 && time > (open[0] ?? DONE) ? lowerBound(open, time, 0) + 1 : 0;
    };
    const freeFrom = (memberIndex: number, code: number): number =>
      code === 0 ? FREE : (currentStarts[memberIndex]?.[code - 1] ?? DONE);
    // Filled on demand: few of the possible codes occur in the states.
    const recoded = currentStarts.map((open) => new Array<number>(open.length + 2).fill(NOBODY));
    const recode = (memberIndex: number, code: number): number => {
      const row = recoded[memberIndex];
      let known = row?.[code] ?? NOBODY;
      if (known === NOBODY) {
        known = codeAfter(memberIndex, freeFrom(memberIndex, code));
        if (row !== undefined) row[code] = known;
      }
      return known;
    };

    // Only who is free for which of the matched sessions matters, and that
    // is how many of them (in start order) start before each member is
    // free; the member who just took this position's session is free for
    // none, since it overlaps them all (see Agenda).
    const group = agenda.matchedAfter[position] ?? [];
    const matchings = new Map<string, { fans: number; decisions: Decision[] }>();
    const matchFor = (busy: readonly number[], taker: number): { fans: number; decisions: Decision[] } => {
      const blocked = busy.map((code, memberIndex) => {
        if (memberIndex === taker) return group.length;
        const from = freeFrom(memberIndex, code);
        return group.filter((index) => (starts[index] ?? 0) < from).length;
      });
      const key = blocked.join(",");
      let matching = matchings.get(key);
      if (matching === undefined) {
        matching = matchGroup(
          group,
          (memberIndex, sessionIndex) =>
            (takeable[memberIndex]?.[sessionIndex] ?? false) &&
            group.indexOf(sessionIndex) >= (blocked[memberIndex] ?? group.length),
          isFan,
          memberCount,
        );
        matchings.set(key, matching);
      }
      return matching;
    };

    const floor = options.floor - (bounds[position + 1] ?? 0);
    const next = new Map<string, Step>();
    for (const step of layer) {
      const moved = step.busy.map((code, memberIndex) => recode(memberIndex, code));
      const takers = agenda.branched[position]
        ? (eligible[position] ?? []).filter(
            (memberIndex) => freeFrom(memberIndex, step.busy[memberIndex] ?? 0) <= start,
          )
        : [];
      // Each free member in turn, then nobody.
      for (let option = 0; option <= takers.length; option += 1) {
        const taker = takers[option] ?? NOBODY;
        let score = step.score;
        let busy = moved;
        let matched = NO_DECISIONS;
        if (taker !== NOBODY) {
          score += coverWeight + (isFan(taker, position) ? 1 : 0);
          busy = moved.slice();
          busy[taker] = codeAfter(taker, ends[position] ?? DONE);
        }
        if (group.length > 0) {
          const matching = matchFor(step.busy, taker);
          // Matched sessions end before anything still open starts (see
          // Agenda), so taking one leaves a member's codes unchanged.
          score += matching.decisions.length * coverWeight + matching.fans;
          matched = matching.decisions;
        }
        if (score < floor) continue;
        const key = oneCharCodes ? String.fromCharCode(...busy) : busy.join(",");
        const incumbent = next.get(key);
        // Map keeps first-insertion order, so which of two equally good
        // states survives is deterministic.
        if (incumbent === undefined || score > incumbent.score) {
          next.set(key, { score, busy, previous: step, taker, matched });
        }
      }
    }

    layer = [...next.values()];
    if (options.beam !== null && layer.length > options.beam) {
      // Stable sort: among equal scores the earlier state stays.
      layer = layer.sort((a, b) => b.score - a.score).slice(0, options.beam);
    }
    kept += layer.length;
    if (kept > options.budget) return null;
  }

  // At the end nothing is open, so every surviving state has the same key
  // and exactly one remains; an optimal one always survives, since its
  // score reaches any floor taken from a feasible plan.
  return layer[0] ?? null;
}

/**
 * Who takes which session, for sessions of positive length sorted by start.
 * Returns the member index per session, or NOBODY.
 *
 * Exact search over the sessions in start order. The state is, per member,
 * from when they are free again; a member may take a session when they are
 * free by its start and none of their musts overlaps it. Two states that
 * allow exactly the same future choices are merged, keeping the better score
 * (sessions covered, then sessions given to a member who starred them
 * "maybe"): later choices add the same to either, so nothing optimal is
 * lost.
 *
 * Most sessions need no branching: a talk in a slot is settled only once
 * everything overlapping it has been (see Agenda), and then who is free for
 * it is known and its end cannot affect anything later, so the slot's
 * talks are handed out by a maximum matching (matchGroup). The search only
 * branches (nobody, or each free member) on sessions that straddle a later
 * release, such as a workshop spanning several talk slots.
 *
 * To keep the layers small, a quick pass keeping only the best BEAM_WIDTH
 * states per position first finds a good feasible plan; if its score
 * reaches the upper bound it is optimal and is used, otherwise an exact
 * pass drops every state that, with the bound of settleBounds on what is
 * left, cannot reach that score.
 *
 * Cost per range of mutually linked sessions (m sessions, k members, S
 * states per position): O(m^2 k) for the agenda and bounds, plus
 * O(m S k log m) for the branching and one small matching per distinct
 * pattern of free members. A timetable of plain slots never branches, so
 * S = 1; each session that straddles slots multiplies S by up to k + 1 while
 * it runs, so S grows exponentially only with the number of such sessions
 * running at once. Ten members over three days of ten parallel tracks with
 * multi-slot workshops take tens of milliseconds; the bad case is a long
 * chain of staggered sessions (200 hour-long sessions starting every 10
 * minutes, 8 to 10 members: a few hundred thousand states, well under a
 * second). Should the exact pass ever keep more than STATE_BUDGET states
 * (seconds of work), it stops and the quick pass's plan is used: feasible
 * and usually optimal, but then not proven so.
 */
function searchAssignments(input: SearchInput): number[] {
  const takers = new Array<number>(input.sessions.length).fill(NOBODY);
  // Everyone is free again between two ranges, so each is solved on its own.
  for (const { first, last } of splitAtGaps(input.sessions)) {
    const part: SearchInput = {
      sessions: input.sessions.slice(first, last),
      eligible: input.eligible.slice(first, last),
      isFan: (memberIndex, sessionIndex) => input.isFan(memberIndex, sessionIndex + first),
      memberCount: input.memberCount,
    };
    // Large enough that one more covered session outweighs every maybe hit.
    const coverWeight = part.sessions.length + 1;
    const agenda = planAgenda(part.sessions);
    const bounds = settleBounds(part, agenda, coverWeight);
    const quick = runSearch(part, agenda, bounds, coverWeight, {
      beam: BEAM_WIDTH,
      floor: Number.NEGATIVE_INFINITY,
      budget: Number.POSITIVE_INFINITY,
    });
    const proven =
      quick === null || quick.score >= (bounds[0] ?? 0)
        ? quick
        : runSearch(part, agenda, bounds, coverWeight, { beam: null, floor: quick.score, budget: STATE_BUDGET });
    let step = proven ?? quick;
    for (let position = last - first - 1; step !== null && position >= 0; step = step.previous, position -= 1) {
      if (step.taker !== NOBODY) takers[position + first] = step.taker;
      for (const { sessionIndex, memberIndex } of step.matched) takers[sessionIndex + first] = memberIndex;
    }
  }
  return takers;
}

/**
 * The plan that covers the most wanted sessions (starred "must" or "maybe" by
 * at least one member). Everyone keeps all their musts, even overlapping
 * ones, since they chose them. Extra sessions go only to a member whose musts
 * and other extras they do not overlap.
 *
 * Among plans covering the most sessions, the one giving the most sessions
 * to members who starred them "maybe" wins. A session already covered is
 * never given to anyone else and an uncovered one to at most one member, so
 * the number of additions is already the fewest possible (covered minus
 * those covered by musts). Remaining ties are broken by a fixed order of
 * members (by id) and sessions (by start, then id), so the output depends
 * only on the input's content, never on its order.
 *
 * Sessions nobody starred are never assigned; stars on ids missing from
 * `sessions` are ignored, since there is no time to plan them around.
 */
export function planCoverage(
  sessions: readonly CoverageSession[],
  members: readonly CoverageMember[],
): CoveragePlan {
  const known = dedupeSessions(sessions);
  const people = normalizeMembers(members, new Set(known.map((session) => session.id)));

  const mustCovered = new Set<string>();
  const starred = new Set<string>();
  for (const person of people) {
    for (const id of person.must) {
      mustCovered.add(id);
      starred.add(id);
    }
    for (const id of person.maybe) starred.add(id);
  }
  const wanted = known.filter((session) => starred.has(session.id));
  const open = wanted.filter((session) => !mustCovered.has(session.id));

  const byId = new Map(known.map((session) => [session.id, session]));
  const mustIntervals = people.map((person) =>
    [...person.must].flatMap((id) => {
      const session = byId.get(id);
      return session !== undefined && hasPositiveLength(session) ? [session] : [];
    }),
  );

  const added: string[][] = people.map(() => []);

  // A session that covers no instant clashes with nothing, so it needs no
  // search: it goes to a member who starred it, and someone did or it would
  // not be wanted.
  const timed: CoverageSession[] = [];
  for (const session of open) {
    if (hasPositiveLength(session)) {
      timed.push(session);
      continue;
    }
    const takerIndex = people.findIndex((person) => person.maybe.has(session.id));
    if (takerIndex !== NOBODY) added[takerIndex]?.push(session.id);
  }

  const eligible = timed.map((session) =>
    people.flatMap((_, memberIndex) =>
      (mustIntervals[memberIndex] ?? []).some((must) => overlaps(must, session)) ? [] : [memberIndex],
    ),
  );
  const takers = searchAssignments({
    sessions: timed,
    eligible,
    isFan: (memberIndex, sessionIndex) => people[memberIndex]?.maybe.has(timed[sessionIndex]?.id ?? "") ?? false,
    memberCount: people.length,
  });
  takers.forEach((memberIndex, sessionIndex) => {
    const session = timed[sessionIndex];
    if (memberIndex !== NOBODY && session !== undefined) added[memberIndex]?.push(session.id);
  });

  const order = new Map(known.map((session, index) => [session.id, index]));
  const byTime = (a: string, b: string): number => (order.get(a) ?? 0) - (order.get(b) ?? 0);

  const covered = new Set(mustCovered);
  const assignments = people.map((person, memberIndex): CoverageAssignment => {
    const extra = (added[memberIndex] ?? []).sort(byTime);
    for (const id of extra) covered.add(id);
    return { memberId: person.id, sessionIds: [...person.must, ...extra].sort(byTime), added: extra };
  });

  return {
    assignments,
    covered: wanted.filter((session) => covered.has(session.id)).map((session) => session.id),
    uncovered: wanted.filter((session) => !covered.has(session.id)).map((session) => session.id),
  };
}

/**
 * Sessions grouped into time slots: connected components of the overlap
 * graph (A, B, C share a slot when A overlaps B and B overlaps C, even if A
 * and C do not), ordered by start, each slot's sessions by start then id.
 * Sessions that cover no instant overlap nothing and get a slot of their own.
 *
 * One sort and a linear sweep, O(n log n): after sorting by start, a session
 * joins the current slot exactly when it starts before the latest end seen
 * so far in that slot, because every later session starts no earlier.
 */
export function groupIntoTimeSlots(sessions: readonly CoverageSession[]): CoverageTimeSlot[] {
  const slots: CoverageTimeSlot[] = [];
  let current: { start: number; end: number; sessionIds: string[] } | null = null;

  for (const session of dedupeSessions(sessions)) {
    if (!hasPositiveLength(session)) {
      slots.push({
        start: new Date(session.start.getTime()),
        end: new Date(session.end.getTime()),
        sessionIds: [session.id],
      });
      continue;
    }
    const start = session.start.getTime();
    const end = session.end.getTime();
    if (current !== null && start < current.end) {
      current.sessionIds.push(session.id);
      current.end = Math.max(current.end, end);
    } else {
      if (current !== null) {
        slots.push({ start: new Date(current.start), end: new Date(current.end), sessionIds: current.sessionIds });
      }
      current = { start, end, sessionIds: [session.id] };
    }
  }
  if (current !== null) {
    slots.push({ start: new Date(current.start), end: new Date(current.end), sessionIds: current.sessionIds });
  }

  // Degenerate sessions were pushed as met; a stable sort puts every slot in start order.
  return slots.sort((a, b) => compareNumbers(sortableTime(a.start), sortableTime(b.start)));
}
