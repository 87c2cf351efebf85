import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { dayKey } from "./format-time";
import { SESSION_SELECT, toSessionView, type SessionView } from "./session-json";

export const ZSessionFilter = z.object({
  q: z.string().trim().max(200, "the search is too long").optional(),
  track: z.string().trim().max(200).optional(),
  room: z.string().trim().max(200).optional(),
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "day must look like YYYY-MM-DD")
    .optional(),
});
export type SessionFilter = z.infer<typeof ZSessionFilter>;

export type ConferenceInfo = { id: string; slug: string; title: string; subtitle: string | null; timeZone: string; timesLaidOut: boolean };

export async function getConference(slug: string): Promise<ConferenceInfo> {
  const db = await getDb();
  const conference = await db.conference.findUnique({
    where: { slug },
    select: { id: true, slug: true, title: true, subtitle: true, timeZone: true, timesLaidOut: true },
  });
  if (!conference) throw new AppError("NOT_FOUND", `no conference "${slug}"`);
  return conference;
}

/**
 * Ranked full-text search with PostgreSQL's own text search (it runs on PGlite
 * too): titles weigh most, then speakers and organizations, then abstracts.
 * Returns session ids, best first.
 */
async function searchSessionIds(conferenceId: string, query: string): Promise<string[]> {
  const db = await getDb();
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH docs AS (
      SELECT s."id", s."start",
        setweight(to_tsvector('english', s."title"), 'A') ||
        setweight(to_tsvector('english', coalesce(string_agg(sp."name" || ' ' || coalesce(sp."organization", ''), ' '), '')), 'B') ||
        setweight(to_tsvector('english', s."abstract"), 'C') AS doc
      FROM "Session" s
      LEFT JOIN "SessionSpeaker" ss ON ss."sessionId" = s."id"
      LEFT JOIN "Speaker" sp ON sp."id" = ss."speakerId"
      WHERE s."conferenceId" = ${conferenceId}
      GROUP BY s."id"
    )
    SELECT "id" FROM docs, websearch_to_tsquery('english', ${query}) AS q
    WHERE doc @@ q
    ORDER BY ts_rank(doc, q) DESC, "start" ASC`;
  return rows.map((row) => row.id);
}

/**
 * Sessions of a conference, filtered; ordered by start then room (the API's
 * order), or best match first when searching with `order: "relevance"` (the
 * program page's search results).
 */
export async function findSessions(
  slug: string,
  filter: SessionFilter = {},
  order: "time" | "relevance" = "time",
): Promise<SessionView[]> {
  const conference = await getConference(slug);
  const db = await getDb();
  const rankedIds = filter.q ? await searchSessionIds(conference.id, filter.q) : null;
  const rows = await db.session.findMany({
    where: {
      conferenceId: conference.id,
      ...(rankedIds ? { id: { in: rankedIds } } : {}),
      ...(filter.track ? { track: { name: filter.track } } : {}),
      ...(filter.room ? { room: { name: filter.room } } : {}),
    },
    orderBy: [{ start: "asc" }, { room: { position: "asc" } }, { title: "asc" }],
    select: SESSION_SELECT,
  });
  let sessions = rows.map(toSessionView);
  if (filter.day) sessions = sessions.filter((s) => dayKey(s.start, conference.timeZone) === filter.day);
  if (rankedIds && order === "relevance") {
    const rank = new Map(rankedIds.map((id, index) => [id, index]));
    sessions.sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
  }
  return sessions;
}

/** NOT_FOUND unless the session exists: stars and notes are only for real sessions. */
export async function assertSessionExists(sessionId: string): Promise<void> {
  const db = await getDb();
  const session = await db.session.findUnique({ where: { id: sessionId }, select: { id: true } });
  if (!session) throw new AppError("NOT_FOUND", "no such session");
}

export async function getSessionView(sessionId: string): Promise<SessionView> {
  const db = await getDb();
  const row = await db.session.findUnique({ where: { id: sessionId }, select: SESSION_SELECT });
  if (!row) throw new AppError("NOT_FOUND", "no such session");
  return toSessionView(row);
}

/** Tracks, rooms and days of a conference, for the filters. */
export async function getProgramFacets(conference: ConferenceInfo) {
  const db = await getDb();
  const [tracks, rooms, sessions] = await Promise.all([
    db.track.findMany({ where: { conferenceId: conference.id }, orderBy: { name: "asc" }, select: { name: true } }),
    db.room.findMany({ where: { conferenceId: conference.id }, orderBy: { position: "asc" }, select: { name: true } }),
    db.session.findMany({ where: { conferenceId: conference.id }, select: { start: true } }),
  ]);
  const days = [...new Set(sessions.map((s) => dayKey(s.start, conference.timeZone)))].sort();
  return { tracks: tracks.map((t) => t.name), rooms: rooms.map((r) => r.name), days };
}
