import { fromDb, type StarLevelName } from "@/lib/agenda/stars";
import { getDb } from "@/lib/db/client";
import { getConference } from "@/lib/program/find-sessions";
import { MEMBER_USER_SELECT, refMember, type MemberRef } from "./member-name";

export type TeammateGoing = MemberRef & { level: StarLevelName };

/**
 * "Who's going": for each session of the conference, the user's teammates
 * (from all of the user's teams, each person once) who starred it, sorted by
 * name. The user is never listed. Sessions nobody starred are absent from
 * the map.
 */
export async function getTeammatesGoing(userId: string, conferenceId: string): Promise<Map<string, TeammateGoing[]>> {
  const db = await getDb();
  const stars = await db.star.findMany({
    where: {
      userId: { not: userId },
      session: { conferenceId },
      user: { memberships: { some: { team: { members: { some: { userId } } } } } },
    },
    select: { sessionId: true, level: true, user: { select: MEMBER_USER_SELECT } },
  });
  const going = new Map<string, TeammateGoing[]>();
  for (const star of stars) {
    const list = going.get(star.sessionId) ?? [];
    list.push({ ...refMember(star.user), level: fromDb(star.level) });
    going.set(star.sessionId, list);
  }
  for (const list of going.values()) list.sort((a, b) => a.name.localeCompare(b.name, "en") || a.userId.localeCompare(b.userId));
  return going;
}

/** The same as a plain object, for JSON and for props of client components. */
export async function getTeammatesGoingRecord(userId: string, conferenceId: string): Promise<Record<string, TeammateGoing[]>> {
  return Object.fromEntries(await getTeammatesGoing(userId, conferenceId));
}

/** As getTeammatesGoingRecord, for a conference named by its slug (the API's way). */
export async function getTeammatesGoingAt(userId: string, conferenceSlug: string): Promise<Record<string, TeammateGoing[]>> {
  const conference = await getConference(conferenceSlug);
  return getTeammatesGoingRecord(userId, conference.id);
}

/** Session id → teammates' initials, the shape SessionCard's `going` prop takes. */
export async function getTeammateInitials(userId: string, conferenceId: string): Promise<Record<string, string[]>> {
  const going = await getTeammatesGoing(userId, conferenceId);
  return Object.fromEntries([...going].map(([sessionId, teammates]) => [sessionId, teammates.map((teammate) => teammate.initials)]));
}

/** The teammates (all of the user's teams) who starred one session, sorted by name, for its page. */
export async function getTeammatesGoingToSession(userId: string, sessionId: string): Promise<TeammateGoing[]> {
  const db = await getDb();
  const stars = await db.star.findMany({
    where: {
      sessionId,
      userId: { not: userId },
      user: { memberships: { some: { team: { members: { some: { userId } } } } } },
    },
    select: { level: true, user: { select: MEMBER_USER_SELECT } },
  });
  return stars
    .map((star) => ({ ...refMember(star.user), level: fromDb(star.level) }))
    .sort((a, b) => a.name.localeCompare(b.name, "en") || a.userId.localeCompare(b.userId));
}
