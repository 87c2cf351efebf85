import { saveNote } from "@/lib/agenda/notes";
import { starSession } from "@/lib/agenda/stars";
import { getDb } from "@/lib/db/client";
import { createShareLink } from "@/lib/sharing/share-links";
import { shareNoteWithTeam } from "@/lib/sharing/shared-notes";
import { createInvite, joinTeam } from "@/lib/sharing/team-invites";
import { createTeam } from "@/lib/sharing/teams";
import { buildConference, buildUser } from "../../support/builders";
import { uniqueName } from "../../support/test-database";
import type { RouteCase, RouteOwner } from "./route-case";

/**
 * Authorization cases for share links and teams. Team routes answer 404 to
 * anyone outside the team, so another user's call on the owner's team is
 * 404 throughout; the routes that act only on the caller's own data (list,
 * create, "who's going") answer another user with their own, empty, view.
 * The public share page (/share/<token>) is outside /api/v1 and is covered
 * by tests/integration/sharing-permissions.test.ts.
 */

type Conference = Awaited<ReturnType<typeof buildConference>>;

function sessionIdOf(conference: Conference, externalId: string): string {
  const session = conference.sessions.get(externalId);
  if (!session) throw new Error(`the default conference has no session ${externalId}`);
  return session.id;
}

/** A team the owner created, with one teammate who joined by the invite link. */
async function ownedTeam(owner: RouteOwner) {
  const name = uniqueName("Owner's team");
  const team = await createTeam(owner.id, name);
  const teammateName = uniqueName("Teammate");
  const teammate = await buildUser({ name: teammateName });
  await joinTeam(teammate.id, team.inviteUrl);
  return { team, name, teammate, teammateName };
}

async function inviteIdOf(teamId: string): Promise<string> {
  const db = await getDb();
  return (await db.teamInvite.findFirstOrThrow({ where: { teamId }, select: { id: true } })).id;
}

export const routeCases: RouteCase[] = [
  // ---------- share links ----------
  {
    route: "me/share-links",
    method: "GET",
    // Another caller lists their own links (none), never the owner's.
    otherUserStatus: 200,
    async prepare(owner) {
      const conference = await buildConference();
      const link = await createShareLink(owner.id, conference.slug);
      return { query: { conference: conference.slug }, ownerOnly: [link.id] };
    },
  },
  {
    route: "me/share-links",
    method: "POST",
    // Another caller makes a link to their own agenda; the owner's links are untouched.
    otherUserStatus: 201,
    async prepare(owner) {
      const conference = await buildConference();
      const link = await createShareLink(owner.id, conference.slug);
      return { body: { conference: conference.slug }, ownerOnly: [link.id, link.url] };
    },
  },
  {
    route: "me/share-links/[id]",
    method: "DELETE",
    otherUserStatus: 404,
    async prepare(owner) {
      const conference = await buildConference();
      const link = await createShareLink(owner.id, conference.slug);
      return { params: { id: link.id }, ownerOnly: [link.url] };
    },
  },
  {
    route: "me/share-links/star-all",
    method: "POST",
    // A share link is a capability: anyone signed in who holds it may copy its
    // sessions into their own agenda, which leaves the owner's stars alone.
    otherUserStatus: 200,
    async prepare(owner) {
      const conference = await buildConference();
      await starSession(owner.id, sessionIdOf(conference, "a-1"), "must");
      const note = uniqueName("owner's private note");
      await saveNote(owner.id, sessionIdOf(conference, "a-1"), note);
      const link = await createShareLink(owner.id, conference.slug);
      return { body: { share: link.url }, ownerOnly: [note, link.id] };
    },
  },

  // ---------- teams: the caller's own ----------
  {
    route: "teams",
    method: "GET",
    otherUserStatus: 200,
    async prepare(owner) {
      const { team, name } = await ownedTeam(owner);
      return { ownerOnly: [team.id, name] };
    },
  },
  {
    route: "teams",
    method: "POST",
    otherUserStatus: 201,
    async prepare(owner) {
      const { team, name } = await ownedTeam(owner);
      return { body: { name: uniqueName("New team") }, ownerOnly: [team.id, name] };
    },
  },
  {
    route: "teams/join",
    method: "POST",
    // An invite is a capability too: whoever holds a valid one may join. The
    // owner here is a joiner of somebody else's team.
    otherUserStatus: 200,
    async prepare() {
      const host = await buildUser();
      const team = await createTeam(host.id, uniqueName("Host's team"));
      return { body: { invite: team.inviteUrl } };
    },
  },
  {
    route: "teams/going",
    method: "GET",
    // Another caller sees their own teammates (none), never the owner's.
    otherUserStatus: 200,
    async prepare(owner) {
      const { teammate, teammateName } = await ownedTeam(owner);
      const conference = await buildConference();
      await starSession(teammate.id, sessionIdOf(conference, "b-1"), "must");
      return { query: { conference: conference.slug }, ownerOnly: [teammateName, teammate.id] };
    },
  },

  // ---------- one team: members only, 404 to everyone else ----------
  {
    route: "teams/[id]",
    method: "GET",
    otherUserStatus: 404,
    async prepare(owner) {
      const { team, name, teammateName } = await ownedTeam(owner);
      return { params: { id: team.id }, ownerOnly: [name, teammateName] };
    },
  },
  {
    route: "teams/[id]",
    method: "PATCH",
    otherUserStatus: 404,
    async prepare(owner) {
      const { team, name } = await ownedTeam(owner);
      return { params: { id: team.id }, body: { name: uniqueName("Renamed") }, ownerOnly: [name] };
    },
  },
  {
    route: "teams/[id]",
    method: "DELETE",
    otherUserStatus: 404,
    async prepare(owner) {
      const { team, name } = await ownedTeam(owner);
      return { params: { id: team.id }, ownerOnly: [name] };
    },
  },
  {
    route: "teams/[id]/agenda",
    method: "GET",
    otherUserStatus: 404,
    async prepare(owner) {
      const { team, teammate, teammateName } = await ownedTeam(owner);
      const conference = await buildConference();
      await starSession(teammate.id, sessionIdOf(conference, "a-2"), "must");
      await starSession(owner.id, sessionIdOf(conference, "b-2"), "maybe");
      return {
        params: { id: team.id },
        query: { conference: conference.slug },
        ownerOnly: [teammateName, sessionIdOf(conference, "a-2"), sessionIdOf(conference, "b-2")],
      };
    },
  },
  {
    route: "teams/[id]/invites",
    method: "GET",
    otherUserStatus: 404,
    async prepare(owner) {
      const { team } = await ownedTeam(owner);
      return { params: { id: team.id }, ownerOnly: [await inviteIdOf(team.id)] };
    },
  },
  {
    route: "teams/[id]/invites",
    method: "POST",
    otherUserStatus: 404,
    async prepare(owner) {
      const { team, name } = await ownedTeam(owner);
      return { params: { id: team.id }, ownerOnly: [name] };
    },
  },
  {
    route: "teams/[id]/invites/[inviteId]",
    method: "DELETE",
    otherUserStatus: 404,
    async prepare(owner) {
      const { team } = await ownedTeam(owner);
      const invite = await createInvite(team.id, owner.id);
      return { params: { id: team.id, inviteId: invite.id }, ownerOnly: [invite.code] };
    },
  },
  {
    route: "teams/[id]/invites/[inviteId]/renew",
    method: "POST",
    otherUserStatus: 404,
    async prepare(owner) {
      const { team } = await ownedTeam(owner);
      const invite = await createInvite(team.id, owner.id);
      const db = await getDb();
      await db.teamInvite.update({ where: { id: invite.id }, data: { expiresAt: new Date(Date.now() - 60_000) } });
      return { params: { id: team.id, inviteId: invite.id }, ownerOnly: [invite.code] };
    },
  },
  {
    route: "teams/[id]/leave",
    method: "POST",
    otherUserStatus: 404,
    async prepare(owner) {
      const { team, name } = await ownedTeam(owner);
      return { params: { id: team.id }, ownerOnly: [name] };
    },
  },
  {
    route: "teams/[id]/members/[userId]",
    method: "DELETE",
    otherUserStatus: 404,
    async prepare(owner) {
      const { team, teammate, teammateName } = await ownedTeam(owner);
      return { params: { id: team.id, userId: teammate.id }, ownerOnly: [teammateName] };
    },
  },
  {
    route: "teams/[id]/coverage",
    method: "GET",
    otherUserStatus: 404,
    async prepare(owner) {
      const { team, teammate, teammateName } = await ownedTeam(owner);
      const conference = await buildConference();
      await starSession(teammate.id, sessionIdOf(conference, "a-2"), "must");
      return { params: { id: team.id }, query: { conference: conference.slug }, ownerOnly: [teammateName] };
    },
  },
  {
    route: "teams/[id]/coverage/accept",
    method: "POST",
    otherUserStatus: 404,
    async prepare(owner) {
      const { team, teammate } = await ownedTeam(owner);
      const conference = await buildConference();
      // The teammate must attend a-2 and would like b-1, which runs at the same
      // time: the proposal gives b-1 to the owner, who is free.
      await starSession(teammate.id, sessionIdOf(conference, "a-2"), "must");
      await starSession(teammate.id, sessionIdOf(conference, "b-1"), "maybe");
      return {
        params: { id: team.id },
        body: { conference: conference.slug, sessionIds: [sessionIdOf(conference, "b-1")] },
      };
    },
  },
  {
    route: "teams/[id]/compare/[userId]",
    method: "GET",
    otherUserStatus: 404,
    async prepare(owner) {
      const { team, teammate, teammateName } = await ownedTeam(owner);
      const conference = await buildConference();
      await starSession(owner.id, sessionIdOf(conference, "a-1"), "must");
      await starSession(teammate.id, sessionIdOf(conference, "b-2"), "must");
      return {
        params: { id: team.id, userId: teammate.id },
        query: { conference: conference.slug },
        ownerOnly: [teammateName, sessionIdOf(conference, "a-1"), sessionIdOf(conference, "b-2")],
      };
    },
  },
  {
    route: "teams/[id]/notes",
    method: "GET",
    otherUserStatus: 404,
    async prepare(owner) {
      const { team, teammate } = await ownedTeam(owner);
      const conference = await buildConference();
      const sessionId = sessionIdOf(conference, "a-1");
      const note = uniqueName("teammate's shared note");
      await saveNote(teammate.id, sessionId, note);
      await shareNoteWithTeam(teammate.id, sessionId, team.id);
      return { params: { id: team.id }, query: { session: sessionId }, ownerOnly: [note] };
    },
  },
  {
    route: "teams/[id]/notes/[sessionId]",
    method: "PUT",
    otherUserStatus: 404,
    async prepare(owner) {
      const { team } = await ownedTeam(owner);
      const conference = await buildConference();
      const sessionId = sessionIdOf(conference, "a-1");
      const note = uniqueName("owner's note");
      await saveNote(owner.id, sessionId, note);
      return { params: { id: team.id, sessionId }, ownerOnly: [note] };
    },
  },
  {
    route: "teams/[id]/notes/[sessionId]",
    method: "DELETE",
    otherUserStatus: 404,
    async prepare(owner) {
      const { team } = await ownedTeam(owner);
      const conference = await buildConference();
      const sessionId = sessionIdOf(conference, "a-1");
      const note = uniqueName("owner's note");
      await saveNote(owner.id, sessionId, note);
      await shareNoteWithTeam(owner.id, sessionId, team.id);
      return { params: { id: team.id, sessionId }, ownerOnly: [note] };
    },
  },
];
