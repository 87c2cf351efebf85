import { compareIds, hasPositiveLength } from "@/lib/agenda/detect-conflicts";

export type SuggestibleSession = {
  id: string;
  title: string;
  abstract: string | null;
  track: string | null;
  start: Date;
  end: Date;
  status?: string;
};

/**
 * Common English words and timetable filler that would make every session
 * look related to every other; only words of four or more letters matter,
 * since shorter ones are dropped before this list is consulted.
 */
const STOPWORDS: ReadonlySet<string> = new Set([
  "about", "after", "also", "been", "before", "being", "between", "both", "could", "does", "doing",
  "down", "each", "even", "every", "from", "have", "having", "here", "into", "just", "like", "make",
  "many", "more", "most", "much", "must", "only", "other", "ours", "over", "same", "should", "some",
  "such", "than", "that", "their", "them", "then", "there", "these", "they", "this", "those",
  "through", "under", "until", "very", "well", "were", "what", "when", "where", "which", "while",
  "will", "with", "would", "your", "yours", "talk", "session", "learn", "using",
]);

const MIN_WORD_LENGTH = 4;

// Sorting by title is for people reading the list, so use language order
// (case-insensitive, "Part 2" before "Part 10") with a fixed locale so the
// result does not depend on the server's.
const TITLE_ORDER = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/**
 * The words that say what a text is about: lowercased, split on anything
 * that is not a letter or digit (any script), at least four characters long,
 * stopwords removed.
 */
export function significantWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    // Count code points, not UTF-16 units, so non-BMP letters are not favoured.
    if ([...word].length >= MIN_WORD_LENGTH && !STOPWORDS.has(word)) words.add(word);
  }
  return words;
}

/**
 * Sessions to fill a free slot: those overlapping it that are neither
 * starred nor cancelled, best first. A session in the same track as any
 * starred one always ranks above one that is not (a track is a strong,
 * curated signal); within that, more distinct significant words shared with
 * the starred titles and abstracts rank higher. Ties go to the earlier
 * start, then the title, then the id so the order is total.
 */
export function suggestSessions<T extends SuggestibleSession>(
  slot: { start: Date; end: Date },
  candidates: readonly T[],
  starred: readonly T[],
  limit = 5,
): T[] {
  if (!(limit > 0) || !hasPositiveLength(slot)) return [];
  const slotStart = slot.start.getTime();
  const slotEnd = slot.end.getTime();

  const starredIds = new Set(starred.map((session) => session.id));
  const starredTracks = new Set<string>();
  const starredWords = new Set<string>();
  for (const session of starred) {
    const track = normalizeTrack(session.track);
    if (track !== null) starredTracks.add(track);
    for (const word of significantWords(`${session.title} ${session.abstract ?? ""}`)) starredWords.add(word);
  }

  const scored = candidates
    .filter(
      (session) =>
        !starredIds.has(session.id) &&
        !isCancelled(session) &&
        hasPositiveLength(session) &&
        session.start.getTime() < slotEnd &&
        slotStart < session.end.getTime(),
    )
    .map((session) => {
      const track = normalizeTrack(session.track);
      let sharedWords = 0;
      for (const word of significantWords(`${session.title} ${session.abstract ?? ""}`)) {
        if (starredWords.has(word)) sharedWords += 1;
      }
      return { session, sameTrack: track !== null && starredTracks.has(track), sharedWords };
    });

  // The same session may be passed twice (e.g. merged lists); suggest it once.
  const seen = new Set<string>();
  return scored
    .sort(
      (a, b) =>
        Number(b.sameTrack) - Number(a.sameTrack) ||
        b.sharedWords - a.sharedWords ||
        a.session.start.getTime() - b.session.start.getTime() ||
        TITLE_ORDER.compare(a.session.title, b.session.title) ||
        compareIds(a.session.id, b.session.id),
    )
    .filter((entry) => {
      if (seen.has(entry.session.id)) return false;
      seen.add(entry.session.id);
      return true;
    })
    .slice(0, limit)
    .map((entry) => entry.session);
}

// The database enum is upper case, feeds and fixtures are not always.
function isCancelled(session: SuggestibleSession): boolean {
  return session.status?.toUpperCase() === "CANCELLED";
}

// Tracks come from imported feeds, where "Security " and "security" mean the same track.
function normalizeTrack(track: string | null): string | null {
  const normalized = track?.trim().toLowerCase() ?? "";
  return normalized === "" ? null : normalized;
}
