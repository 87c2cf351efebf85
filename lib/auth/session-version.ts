import { getDb } from "@/lib/db/client";
import type { AccountUser } from "./users";

/**
 * A session is valid while the version it was issued under equals the user's
 * current one. "Sign out everywhere" raises the version, which ends every
 * session of the user at once, on every app process.
 */
export async function userForSession(userId: string | undefined, version: number | undefined): Promise<AccountUser | null> {
  if (!userId || version === undefined) return null;
  const db = await getDb();
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, sessionVersion: true },
  });
  if (!user || user.sessionVersion !== version) return null;
  const { sessionVersion: _version, ...account } = user;
  return account;
}

export async function currentSessionVersion(userId: string): Promise<number> {
  const db = await getDb();
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } });
  return user.sessionVersion;
}

export async function endAllSessions(userId: string): Promise<void> {
  const db = await getDb();
  await db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
