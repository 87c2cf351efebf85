import { hasPositiveLength } from "@/lib/agenda/detect-conflicts";

export type Interval = { start: Date; end: Date };

const MINUTE_MS = 60_000;

/**
 * The gaps in a day's timeline that no starred session covers, in time
 * order, each at least `minMinutes` long (shorter gaps are not worth
 * suggesting anything for). Overlapping and touching sessions merge into one
 * busy block, so a gap always has positive length. Sessions are clipped to
 * the day; parts outside it are ignored.
 */
export function findFreeSlots(starred: readonly Interval[], day: Interval, minMinutes = 20): Interval[] {
  if (!hasPositiveLength(day)) return [];
  const dayStart = day.start.getTime();
  const dayEnd = day.end.getTime();
  const minMs = Math.max(0, minMinutes) * MINUTE_MS;

  const busy = starred
    .filter(hasPositiveLength)
    .map((session) => ({
      start: Math.max(session.start.getTime(), dayStart),
      end: Math.min(session.end.getTime(), dayEnd),
    }))
    .filter((block) => block.start < block.end)
    .sort((a, b) => a.start - b.start);

  const slots: Interval[] = [];
  const addSlot = (start: number, end: number): void => {
    if (end > start && end - start >= minMs) slots.push({ start: new Date(start), end: new Date(end) });
  };

  // `cursor` is the end of everything busy so far: the earliest free instant.
  let cursor = dayStart;
  for (const block of busy) {
    if (block.start > cursor) addSlot(cursor, block.start);
    cursor = Math.max(cursor, block.end);
  }
  addSlot(cursor, dayEnd);
  return slots;
}
