import { getDb } from "@/lib/db/client";

/** Two-letter initials for a name or an email: "Ada Lovelace" → "AL". */
export function initialsOf(name: string | null, email: string): string {
  const words = (name ?? email.split("@")[0] ?? "").split(/[\s._-]+/).filter(Boolean);
  const letters = words.length >= 2 ? `${words[0]![0]}${words[words.length - 1]![0]}` : (words[0] ?? "?").slice(0, 2);
  return letters.toUpperCase();
}

/**
 * Who on my teams starred each session of a conference: session id → the
 * teammates' initials. Only fellow members of a team I belong to count.
 */
export async function getTeammatesGoing(userId: string, conferenceId: string): Promise<Record<string, string[]>> {
  const db = await getDb();
  const stars = await db.star.findMany({
    where: {
      userId: { not: userId },
      session: { conferenceId },
      user: { memberships: { some: { team: { members: { some: { userId } } } } } },
    },
    select: { sessionId: true, user: { select: { name: true, email: true } } },
  });
  const going: Record<string, string[]> = {};
  for (const star of stars) {
    const initials = initialsOf(star.user.name, star.user.email);
    const list = (going[star.sessionId] ??= []);
    if (!list.includes(initials)) list.push(initials);
  }
  return going;
}

/** Names of my teammates who starred one session, for its page. */
export async function getTeammatesGoingNames(userId: string, sessionId: string): Promise<string[]> {
  const db = await getDb();
  const stars = await db.star.findMany({
    where: {
      sessionId,
      userId: { not: userId },
      user: { memberships: { some: { team: { members: { some: { userId } } } } } },
    },
    select: { user: { select: { name: true, email: true } } },
  });
  return [...new Set(stars.map((star) => star.user.name ?? star.user.email))].sort();
}
