import { getAppUrl } from "@/lib/auth/auth-secret";
import { hashSecret, newSecret } from "@/lib/auth/secret-token";
import { getDb, type Prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { requireTeamOwner } from "./team-access";

/** An invite works for a week: long enough to pass around, short enough that an old chat log is harmless. */
export const INVITE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

const INVITE_PREFIX = "inv";
const INVITE_CODE = /^inv_[A-Za-z0-9_-]{16,100}$/;

export type CreatedInvite = { id: string; code: string; url: string; expiresAt: Date };
export type InviteSummary = { id: string; createdAt: Date; expiresAt: Date; expired: boolean };

export function inviteUrlFor(code: string): string {
  return `${getAppUrl()}/teams/join/${code}`;
}

/**
 * The invite code in what a user pasted: the code itself, or the whole
 * invite URL (from any host, since people paste links copied from another
 * device or an older address). Throws BAD_REQUEST when there is none.
 */
export function extractInviteCode(input: string): string {
  const text = input.trim();
  if (INVITE_CODE.test(text)) return text;
  let candidates: string[] = [];
  try {
    const url = new URL(text);
    candidates = [...url.pathname.split("/").reverse(), url.searchParams.get("code") ?? ""];
  } catch {
    // Not a URL: a path or a code with stray text around it.
    candidates = text.split(/[\s/?#=&]+/u).reverse();
  }
  const code = candidates.map((part) => decodeURIComponentSafely(part)).find((part) => INVITE_CODE.test(part));
  if (code === undefined) {
    throw new AppError("BAD_REQUEST", "that is not an invite: paste the invite link or its code (it starts with inv_)");
  }
  return code;
}

function decodeURIComponentSafely(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** Issues a code inside the caller's transaction, so a new team never exists without its first invite. */
export async function issueInvite(
  tx: Prisma.TransactionClient,
  teamId: string,
  createdById: string,
  now = new Date(),
): Promise<CreatedInvite> {
  const code = newSecret(INVITE_PREFIX);
  const invite = await tx.teamInvite.create({
    data: { teamId, createdById, codeHash: hashSecret(code), expiresAt: new Date(now.getTime() + INVITE_LIFETIME_MS) },
    select: { id: true, expiresAt: true },
  });
  return { id: invite.id, code, url: inviteUrlFor(code), expiresAt: invite.expiresAt };
}

/** A new invite link; its code is shown this once, since only its hash is kept. */
export async function createInvite(teamId: string, userId: string): Promise<CreatedInvite> {
  await requireTeamOwner(teamId, userId, "invite people");
  const db = await getDb();
  return issueInvite(db, teamId, userId);
}

/** The team's invites that were not revoked, newest first; expired ones stay listed so they can be renewed. */
export async function listInvites(teamId: string, userId: string): Promise<InviteSummary[]> {
  await requireTeamOwner(teamId, userId, "see the team's invites");
  const db = await getDb();
  const invites = await db.teamInvite.findMany({
    where: { teamId, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, createdAt: true, expiresAt: true },
  });
  const now = Date.now();
  return invites.map((invite) => ({ ...invite, expired: invite.expiresAt.getTime() <= now }));
}

/**
 * Gives an invite another full week from now, keeping its code, so a link
 * already sent around starts working again. Revoked invites stay revoked.
 */
export async function renewInvite(teamId: string, userId: string, inviteId: string): Promise<{ id: string; expiresAt: Date }> {
  await requireTeamOwner(teamId, userId, "renew invites");
  const db = await getDb();
  const expiresAt = new Date(Date.now() + INVITE_LIFETIME_MS);
  const { count } = await db.teamInvite.updateMany({ where: { id: inviteId, teamId, revokedAt: null }, data: { expiresAt } });
  if (count === 0) throw new AppError("NOT_FOUND", "no such invite (it may have been revoked)");
  return { id: inviteId, expiresAt };
}

export async function revokeInvite(teamId: string, userId: string, inviteId: string): Promise<void> {
  await requireTeamOwner(teamId, userId, "revoke invites");
  const db = await getDb();
  const { count } = await db.teamInvite.updateMany({
    where: { id: inviteId, teamId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw new AppError("NOT_FOUND", "no such invite (it may already be revoked)");
}

type UsableInvite = { teamId: string; teamName: string };

/**
 * The team an invite leads to. Unknown and revoked codes get the same
 * answer; an expired one says so, because the fix (ask for a renewal) is
 * different and the holder of a real code learns nothing new from it.
 */
async function findUsableInvite(input: string): Promise<UsableInvite> {
  const code = extractInviteCode(input);
  const db = await getDb();
  const invite = await db.teamInvite.findUnique({
    where: { codeHash: hashSecret(code) },
    select: { expiresAt: true, revokedAt: true, team: { select: { id: true, name: true } } },
  });
  if (!invite || invite.revokedAt) {
    throw new AppError("NOT_FOUND", "this invite is unknown or was revoked: ask the team's owner for a new link");
  }
  if (invite.expiresAt.getTime() <= Date.now()) {
    throw new AppError(
      "NOT_FOUND",
      `this invite expired on ${invite.expiresAt.toISOString().slice(0, 10)}: ask the team's owner to renew it`,
    );
  }
  return { teamId: invite.team.id, teamName: invite.team.name };
}

export type InvitePreview = { teamId: string; teamName: string; memberCount: number; alreadyMember: boolean };

/** What the join page shows before the user agrees to join. */
export async function previewInvite(input: string, userId: string): Promise<InvitePreview> {
  const { teamId, teamName } = await findUsableInvite(input);
  const db = await getDb();
  const [memberCount, membership] = await Promise.all([
    db.teamMembership.count({ where: { teamId } }),
    db.teamMembership.findUnique({ where: { teamId_userId: { teamId, userId } }, select: { teamId: true } }),
  ]);
  return { teamId, teamName, memberCount, alreadyMember: membership !== null };
}

/** Joins the team an invite leads to; joining again is a no-op, so a double click is harmless. */
export async function joinTeam(userId: string, input: string): Promise<{ id: string; name: string }> {
  const { teamId, teamName } = await findUsableInvite(input);
  const db = await getDb();
  await db.teamMembership.createMany({ data: [{ teamId, userId }], skipDuplicates: true });
  return { id: teamId, name: teamName };
}
