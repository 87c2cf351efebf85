import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { ZDisplayName, ZNewPassword } from "./credentials-schema";
import { hashPassword, verifyPassword } from "./password-hash";

export async function renameUser(userId: string, name: string): Promise<void> {
  const db = await getDb();
  await db.user.update({ where: { id: userId }, data: { name: ZDisplayName.parse(name) } });
}

/**
 * Changing the password ends every browser session, this one included (the
 * session version rises), so a stolen session dies with the old password.
 * API tokens are separate credentials and stay until revoked.
 */
export async function changePassword(userId: string, current: string, next: string): Promise<void> {
  const db = await getDb();
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (user.passwordHash && !(await verifyPassword(current, user.passwordHash))) {
    throw new AppError("INVALID_INPUT", "the current password is not right");
  }
  const hash = await hashPassword(ZNewPassword.parse(next));
  await db.user.update({ where: { id: userId }, data: { passwordHash: hash, sessionVersion: { increment: 1 } } });
}

/** Everything the planner holds about me, as one JSON document. */
export async function exportMyData(userId: string) {
  const db = await getDb();
  const profile = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      id: true, email: true, name: true, role: true, createdAt: true,
      walkingBufferMinutes: true, calendarAlarmMinutes: true, calendarIncludeNotes: true,
    },
  });
  const sessionRef = { select: { id: true, externalId: true, title: true, start: true, end: true, conference: { select: { slug: true } } } };
  const [stars, notes, memberships, shareLinks, apiTokens] = await Promise.all([
    db.star.findMany({ where: { userId }, select: { level: true, createdAt: true, session: sessionRef } }),
    db.note.findMany({ where: { userId }, select: { body: true, updatedAt: true, session: sessionRef } }),
    db.teamMembership.findMany({
      where: { userId },
      select: { joinedAt: true, team: { select: { id: true, name: true, ownerId: true } } },
    }),
    db.shareLink.findMany({ where: { userId }, select: { id: true, createdAt: true, conference: { select: { slug: true } } } }),
    db.apiToken.findMany({ where: { userId }, select: { name: true, createdAt: true, lastUsedAt: true, revokedAt: true } }),
  ]);
  return {
    exportedAt: new Date().toISOString(),
    profile,
    stars,
    notes,
    teams: memberships.map((m) => ({ id: m.team.id, name: m.team.name, owner: m.team.ownerId === userId, joinedAt: m.joinedAt })),
    shareLinks,
    apiTokens,
  };
}

/**
 * Deletes the account and everything of it. Teams I own pass to the member who
 * joined earliest, or are deleted when I am their only member.
 */
export async function deleteAccount(userId: string): Promise<void> {
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const owned = await tx.team.findMany({ where: { ownerId: userId }, select: { id: true } });
    for (const team of owned) {
      const heir = await tx.teamMembership.findFirst({
        where: { teamId: team.id, userId: { not: userId } },
        orderBy: { joinedAt: "asc" },
        select: { userId: true },
      });
      if (heir) await tx.team.update({ where: { id: team.id }, data: { ownerId: heir.userId } });
      else await tx.team.delete({ where: { id: team.id } });
    }
    await tx.user.delete({ where: { id: userId } });
  });
}

export async function hasPassword(userId: string): Promise<boolean> {
  const db = await getDb();
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  return user.passwordHash !== null;
}
