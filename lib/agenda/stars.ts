import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { assertSessionExists } from "@/lib/program/find-sessions";

export const ZStarLevel = z.enum(["must", "maybe"]);
export type StarLevelName = z.infer<typeof ZStarLevel>;

const toDb = (level: StarLevelName) => (level === "must" ? "MUST" : "MAYBE");
export const fromDb = (level: "MUST" | "MAYBE"): StarLevelName => (level === "MUST" ? "must" : "maybe");


/** Stars a session (or changes its level); idempotent. */
export async function starSession(userId: string, sessionId: string, level: StarLevelName = "must"): Promise<void> {
  await assertSessionExists(sessionId);
  const db = await getDb();
  await db.star.upsert({
    where: { userId_sessionId: { userId, sessionId } },
    create: { userId, sessionId, level: toDb(level) },
    update: { level: toDb(level) },
  });
}

/** Removes a star; idempotent. */
export async function unstarSession(userId: string, sessionId: string): Promise<void> {
  await assertSessionExists(sessionId);
  const db = await getDb();
  const { count } = await db.star.deleteMany({ where: { userId, sessionId } });
  // A deleted star leaves no row behind; touching the user moves the calendar
  // feed's Last-Modified, so clients polling with If-Modified-Since see it.
  if (count > 0) await db.user.update({ where: { id: userId }, data: { updatedAt: new Date() } });
}

/** My stars in one conference: session id → level. */
export async function getMyStars(userId: string, conferenceId: string): Promise<Record<string, StarLevelName>> {
  const db = await getDb();
  const stars = await db.star.findMany({
    where: { userId, session: { conferenceId } },
    select: { sessionId: true, level: true },
  });
  return Object.fromEntries(stars.map((star) => [star.sessionId, fromDb(star.level)]));
}

/** Stars many sessions of one conference at once (share page "star all", coverage accept). Existing stars keep their level. */
export async function starMany(userId: string, sessionIds: string[], level: StarLevelName = "must"): Promise<number> {
  const db = await getDb();
  const result = await db.star.createMany({
    data: sessionIds.map((sessionId) => ({ userId, sessionId, level: toDb(level) })),
    skipDuplicates: true,
  });
  return result.count;
}
