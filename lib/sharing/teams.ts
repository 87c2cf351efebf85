import { z } from "zod";
import { getDb, type Prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { MEMBER_USER_SELECT, refMember, type MemberRef } from "./member-name";
import { requireTeamMember, requireTeamOwner } from "./team-access";
import { issueInvite } from "./team-invites";

export const ZTeamName = z
  .string({ error: "give the team a name" })
  .trim()
  .min(1, "give the team a name")
  .max(80, "the team name is too long (80 characters at most)");

export type CreatedTeam = { id: string; name: string; inviteUrl: string; inviteExpiresAt: Date };
export type TeamListItem = { id: string; name: string; isOwner: boolean; memberCount: number; joinedAt: Date };
export type TeamMember = MemberRef & { isOwner: boolean; joinedAt: Date };
export type TeamDetails = { id: string; name: string; isOwner: boolean; members: TeamMember[] };

/** A new team with its creator as owner and only member, and a first invite link. */
export async function createTeam(userId: string, name: string): Promise<CreatedTeam> {
  const teamName = ZTeamName.parse(name);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const team = await tx.team.create({
      data: { name: teamName, ownerId: userId, members: { create: { userId } } },
      select: { id: true, name: true },
    });
    const invite = await issueInvite(tx, team.id, userId);
    return { id: team.id, name: team.name, inviteUrl: invite.url, inviteExpiresAt: invite.expiresAt };
  });
}

export async function listMyTeams(userId: string): Promise<TeamListItem[]> {
  const db = await getDb();
  const memberships = await db.teamMembership.findMany({
    where: { userId },
    select: {
      joinedAt: true,
      team: { select: { id: true, name: true, ownerId: true, _count: { select: { members: true } } } },
    },
  });
  return memberships
    .map(({ joinedAt, team }) => ({
      id: team.id,
      name: team.name,
      isOwner: team.ownerId === userId,
      memberCount: team._count.members,
      joinedAt,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, "en") || a.id.localeCompare(b.id));
}

/** The team as its members see it: the owner first, then everyone in the order they joined. */
export async function getTeam(teamId: string, userId: string): Promise<TeamDetails> {
  const access = await requireTeamMember(teamId, userId);
  return { id: access.teamId, name: access.name, isOwner: access.isOwner, members: await listTeamMembers(teamId) };
}

/** A team's members, owner first. Checks no access: callers have already required membership. */
export async function listTeamMembers(teamId: string): Promise<TeamMember[]> {
  const db = await getDb();
  const [team, memberships] = await Promise.all([
    db.team.findUniqueOrThrow({ where: { id: teamId }, select: { ownerId: true } }),
    db.teamMembership.findMany({
      where: { teamId },
      orderBy: [{ joinedAt: "asc" }, { userId: "asc" }],
      select: { joinedAt: true, user: { select: MEMBER_USER_SELECT } },
    }),
  ]);
  const members = memberships.map(({ joinedAt, user }) => ({
    ...refMember(user),
    isOwner: user.id === team.ownerId,
    joinedAt,
  }));
  return [...members.filter((member) => member.isOwner), ...members.filter((member) => !member.isOwner)];
}

export async function renameTeam(teamId: string, userId: string, name: string): Promise<{ id: string; name: string }> {
  const teamName = ZTeamName.parse(name);
  await requireTeamOwner(teamId, userId, "rename the team");
  const db = await getDb();
  return db.team.update({ where: { id: teamId }, data: { name: teamName }, select: { id: true, name: true } });
}

/** Deletes the team, its memberships and invites; notes shared with it become private again (the schema sets them null). */
export async function deleteTeam(teamId: string, userId: string): Promise<void> {
  await requireTeamOwner(teamId, userId, "delete the team");
  const db = await getDb();
  await db.team.delete({ where: { id: teamId } });
}

/**
 * A member's departure: their notes stop being shared with the team, since
 * they shared them with the people they were working with, not with a team
 * they no longer see.
 */
async function dropMembership(tx: Prisma.TransactionClient, teamId: string, userId: string): Promise<void> {
  await tx.teamMembership.delete({ where: { teamId_userId: { teamId, userId } } });
  await tx.note.updateMany({ where: { userId, sharedWithTeamId: teamId }, data: { sharedWithTeamId: null } });
}

/**
 * Leaves a team. An owner who leaves hands the team to the member who has
 * been in it longest, so nobody is locked out of renaming or inviting; the
 * last member leaving deletes the team, which nobody could reach any more.
 */
export async function leaveTeam(teamId: string, userId: string): Promise<{ teamDeleted: boolean }> {
  const access = await requireTeamMember(teamId, userId);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    await dropMembership(tx, teamId, userId);
    if (!access.isOwner) return { teamDeleted: false };
    const successor = await tx.teamMembership.findFirst({
      where: { teamId },
      orderBy: [{ joinedAt: "asc" }, { userId: "asc" }],
      select: { userId: true },
    });
    if (!successor) {
      await tx.team.delete({ where: { id: teamId } });
      return { teamDeleted: true };
    }
    await tx.team.update({ where: { id: teamId }, data: { ownerId: successor.userId } });
    return { teamDeleted: false };
  });
}

export async function removeMember(teamId: string, userId: string, memberId: string): Promise<void> {
  await requireTeamOwner(teamId, userId, "remove members");
  if (memberId === userId) {
    throw new AppError("CONFLICT", "you own this team: leave it (it passes to the longest-standing member) or delete it");
  }
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const membership = await tx.teamMembership.findUnique({
      where: { teamId_userId: { teamId, userId: memberId } },
      select: { userId: true },
    });
    if (!membership) throw new AppError("NOT_FOUND", "no such member in this team");
    await dropMembership(tx, teamId, memberId);
  });
}
