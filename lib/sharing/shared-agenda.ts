import { fromDb, type StarLevelName } from "@/lib/agenda/stars";
import { getDb } from "@/lib/db/client";
import { SESSION_SELECT, toSessionView, type SessionView } from "@/lib/program/session-json";
import { findShareLink } from "./share-links";

export type SharedSession = SessionView & { level: StarLevelName };
export type SharedAgenda = {
  /** The owner's chosen name, or null: a public page never falls back to their email. */
  ownerName: string | null;
  conference: { slug: string; title: string; timeZone: string; timesLaidOut: boolean };
  sessions: SharedSession[];
};

/**
 * What a share link shows: the owner's starred sessions of that conference
 * and nothing else. Notes are never read here, so no later change to the
 * page can leak them.
 */
export async function getSharedAgenda(token: string): Promise<SharedAgenda> {
  const link = await findShareLink(token);
  const db = await getDb();
  const [owner, conference, stars] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: link.userId }, select: { name: true } }),
    db.conference.findUniqueOrThrow({ where: { id: link.conferenceId }, select: { slug: true, title: true, timeZone: true, timesLaidOut: true } }),
    db.star.findMany({
      where: { userId: link.userId, session: { conferenceId: link.conferenceId } },
      select: { level: true, session: { select: SESSION_SELECT } },
    }),
  ]);
  const sessions = stars
    .map((star) => ({ ...toSessionView(star.session), level: fromDb(star.level) }))
    .sort((a, b) => a.start.getTime() - b.start.getTime() || (a.room ?? "").localeCompare(b.room ?? "", "en"));
  return { ownerName: owner.name?.trim() || null, conference, sessions };
}

/**
 * "Star all of these in my agenda": the viewer gets the shared sessions at
 * the level the owner gave them. Stars the viewer already has keep their
 * level (their own choice wins), and cancelled sessions are skipped.
 */
export async function starSharedAgenda(userId: string, token: string): Promise<{ added: number }> {
  const link = await findShareLink(token);
  const db = await getDb();
  const stars = await db.star.findMany({
    where: { userId: link.userId, session: { conferenceId: link.conferenceId, status: "SCHEDULED" } },
    select: { sessionId: true, level: true },
  });
  const { count } = await db.star.createMany({
    data: stars.map((star) => ({ userId, sessionId: star.sessionId, level: star.level })),
    skipDuplicates: true,
  });
  return { added: count };
}
