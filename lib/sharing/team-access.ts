import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

export type TeamAccess = { teamId: string; name: string; ownerId: string; isOwner: boolean };

/**
 * The caller's way into a team. Anyone who is not a member gets NOT_FOUND,
 * never FORBIDDEN: a team's existence is itself private, so a guessed or
 * stale id must look exactly like one that never existed.
 */
export async function requireTeamMember(teamId: string, userId: string): Promise<TeamAccess> {
  const db = await getDb();
  const membership = await db.teamMembership.findUnique({
    where: { teamId_userId: { teamId, userId } },
    select: { team: { select: { id: true, name: true, ownerId: true } } },
  });
  if (!membership) throw new AppError("NOT_FOUND", "no such team");
  const { team } = membership;
  return { teamId: team.id, name: team.name, ownerId: team.ownerId, isOwner: team.ownerId === userId };
}

/** As requireTeamMember; a member who is not the owner is told so (they already know the team exists). */
export async function requireTeamOwner(teamId: string, userId: string, action: string): Promise<TeamAccess> {
  const access = await requireTeamMember(teamId, userId);
  if (!access.isOwner) throw new AppError("FORBIDDEN", `only the team's owner may ${action}`);
  return access;
}

/** Whether two users share at least one team. */
export async function shareATeam(userId: string, otherUserId: string): Promise<boolean> {
  const db = await getDb();
  const shared = await db.teamMembership.findFirst({
    where: { userId: otherUserId, team: { members: { some: { userId } } } },
    select: { teamId: true },
  });
  return shared !== null;
}
