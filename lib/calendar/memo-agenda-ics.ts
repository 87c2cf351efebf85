import { createHash } from "node:crypto";
import { buildAgendaIcs, type CalendarOptions, type CalendarSession } from "./build-agenda-ics";

/**
 * buildAgendaIcs is pure but slow for long agendas (the ics package validates
 * and folds every event: ~0.4 ms each), while calendar apps poll the same feed
 * again and again. Identical inputs give identical text, so the last results
 * are kept by a hash of their inputs. The cache only saves work: any process
 * without it computes the same bytes.
 */
const MAX_ENTRIES = 64;
const cache = new Map<string, string>();

export function buildAgendaIcsMemo(sessions: CalendarSession[], options: CalendarOptions): string {
  const key = createHash("sha256").update(JSON.stringify({ sessions, options })).digest("hex");
  const hit = cache.get(key);
  if (hit !== undefined) {
    // Refresh its place: the map's order is the eviction order.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const ics = buildAgendaIcs(sessions, options);
  cache.set(key, ics);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  return ics;
}
