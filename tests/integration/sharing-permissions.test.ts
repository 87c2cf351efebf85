import { describe, expect, it } from "vitest";
import { POST as createShareLinkRoute } from "@/app/api/v1/me/share-links/route";
import { DELETE as deleteShareLinkRoute } from "@/app/api/v1/me/share-links/[id]/route";
import { POST as starAllRoute } from "@/app/api/v1/me/share-links/star-all/route";
import { POST as createTeamRoute } from "@/app/api/v1/teams/route";
import { POST as joinTeamRoute } from "@/app/api/v1/teams/join/route";
import { GET as getTeamRoute, PATCH as renameTeamRoute, DELETE as deleteTeamRoute } from "@/app/api/v1/teams/[id]/route";
import { GET as teamAgendaRoute } from "@/app/api/v1/teams/[id]/agenda/route";
import { DELETE as removeMemberRoute } from "@/app/api/v1/teams/[id]/members/[userId]/route";
import { POST as leaveTeamRoute } from "@/app/api/v1/teams/[id]/leave/route";
import { POST as createInviteRoute } from "@/app/api/v1/teams/[id]/invites/route";
import { DELETE as revokeInviteRoute } from "@/app/api/v1/teams/[id]/invites/[inviteId]/route";
import { POST as renewInviteRoute } from "@/app/api/v1/teams/[id]/invites/[inviteId]/renew/route";
import { GET as compareRoute } from "@/app/api/v1/teams/[id]/compare/[userId]/route";
import { starSession } from "@/lib/agenda/stars";
import { saveNote } from "@/lib/agenda/notes";
import { getDb } from "@/lib/db/client";
import { hashSecret } from "@/lib/auth/secret-token";
import { getSharedAgenda } from "@/lib/sharing/shared-agenda";
import { initialsOf, nameMember } from "@/lib/sharing/member-name";
import { extractShareToken } from "@/lib/sharing/share-links";
import { extractInviteCode } from "@/lib/sharing/team-invites";
import { getTeammatesGoing } from "@/lib/sharing/teammates-going";
import { apiRequest, routeParams, sessionFor, type Credentials } from "../support/api-requests";
import { buildConference, buildUser } from "../support/builders";
import { useTestDatabase } from "../support/test-database";

useTestDatabase();

type Conference = Awaited<ReturnType<typeof buildConference>>;

function sessionIdOf(conference: Conference, externalId: string): string {
  const session = conference.sessions.get(externalId);
  if (!session) throw new Error(`no session ${externalId}`);
  return session.id;
}

async function json<T>(response: Response, status: number): Promise<T> {
  expect(response.status, await response.clone().text()).toBe(status);
  return (await response.json()) as T;
}

async function createTeamAs(as: Credentials, name = "Platform team") {
  return json<{ id: string; name: string; inviteUrl: string }>(
    await createTeamRoute(apiRequest("/api/v1/teams", { method: "POST", json: { name }, as }), {}),
    201,
  );
}

function joinAs(as: Credentials, invite: string) {
  return joinTeamRoute(apiRequest("/api/v1/teams/join", { method: "POST", json: { invite }, as }), {});
}

function teamAgendaAs(as: Credentials, teamId: string, slug: string) {
  return teamAgendaRoute(apiRequest(`/api/v1/teams/${teamId}/agenda?conference=${slug}`, { as }), routeParams({ id: teamId }));
}

/** A team with an owner, a member who joined by the invite URL, and an outsider. */
async function buildTeam() {
  const [owner, member, outsider] = await Promise.all([buildUser(), buildUser(), buildUser()]);
  const as = {
    owner: await sessionFor(owner.id),
    member: await sessionFor(member.id),
    outsider: await sessionFor(outsider.id),
  };
  const team = await createTeamAs(as.owner);
  expect((await joinAs(as.member, team.inviteUrl)).status).toBe(200);
  return { owner, member, outsider, as, team };
}

describe("share links", () => {
  it("show the owner's starred sessions and never notes; a deleted link answers 404", async () => {
    const conference = await buildConference();
    const owner = await buildUser({ name: "Ada Owner" });
    const as = await sessionFor(owner.id);
    await starSession(owner.id, sessionIdOf(conference, "a-1"), "must");
    await starSession(owner.id, sessionIdOf(conference, "b-1"), "maybe");
    await saveNote(owner.id, sessionIdOf(conference, "a-1"), "secret-note-text: do not share");

    const link = await json<{ id: string; url: string }>(
      await createShareLinkRoute(apiRequest("/api/v1/me/share-links", { method: "POST", json: { conference: conference.slug }, as }), {}),
      201,
    );
    expect(link.url).toMatch(/^http:\/\/planner\.test\/share\/shr_[A-Za-z0-9_-]+$/);
    const token = link.url.split("/").pop() ?? "";
    const db = await getDb();
    // Only the hash is stored.
    expect(await db.shareLink.count({ where: { tokenHash: token } })).toBe(0);
    expect(await db.shareLink.count({ where: { tokenHash: hashSecret(token) } })).toBe(1);

    const agenda = await getSharedAgenda(token);
    expect(agenda.ownerName).toBe("Ada Owner");
    expect(agenda.sessions.map((session) => [session.externalId, session.level])).toEqual([
      ["a-1", "must"],
      ["b-1", "maybe"],
    ]);
    expect(JSON.stringify(agenda)).not.toContain("secret-note-text");

    // Someone else cannot delete it, and learns nothing: 404.
    const stranger = await sessionFor((await buildUser()).id);
    const foreign = await deleteShareLinkRoute(
      apiRequest(`/api/v1/me/share-links/${link.id}`, { method: "DELETE", as: stranger }),
      routeParams({ id: link.id }),
    );
    expect(foreign.status).toBe(404);
    expect((await getSharedAgenda(token)).sessions).toHaveLength(2);

    const deleted = await deleteShareLinkRoute(
      apiRequest(`/api/v1/me/share-links/${link.id}`, { method: "DELETE", as }),
      routeParams({ id: link.id }),
    );
    expect(deleted.status).toBe(204);
    await expect(getSharedAgenda(token)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getSharedAgenda(link.url)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a viewer stars all shared sessions; their own existing stars keep their level", async () => {
    const conference = await buildConference();
    const [owner, viewer] = await Promise.all([buildUser(), buildUser()]);
    await starSession(owner.id, sessionIdOf(conference, "a-1"), "must");
    await starSession(owner.id, sessionIdOf(conference, "a-2"), "maybe");
    await starSession(viewer.id, sessionIdOf(conference, "a-1"), "maybe");
    const link = await json<{ url: string }>(
      await createShareLinkRoute(
        apiRequest("/api/v1/me/share-links", { method: "POST", json: { conference: conference.slug }, as: await sessionFor(owner.id) }),
        {},
      ),
      201,
    );
    const anonymous = await starAllRoute(apiRequest("/api/v1/me/share-links/star-all", { method: "POST", json: { share: link.url } }), {});
    expect(anonymous.status).toBe(401);

    const result = await json<{ added: number }>(
      await starAllRoute(
        apiRequest("/api/v1/me/share-links/star-all", { method: "POST", json: { share: link.url }, as: await sessionFor(viewer.id) }),
        {},
      ),
      200,
    );
    expect(result.added).toBe(1);
    const db = await getDb();
    const stars = await db.star.findMany({ where: { userId: viewer.id }, select: { sessionId: true, level: true } });
    expect(new Map(stars.map((star) => [star.sessionId, star.level]))).toEqual(
      new Map([
        [sessionIdOf(conference, "a-1"), "MAYBE"],
        [sessionIdOf(conference, "a-2"), "MAYBE"],
      ]),
    );
    // The owner's stars are untouched.
    expect(await db.star.count({ where: { userId: owner.id } })).toBe(2);
  });

  it("an unknown conference is 404 and a bad body is 400", async () => {
    const as = await sessionFor((await buildUser()).id);
    const unknown = await createShareLinkRoute(
      apiRequest("/api/v1/me/share-links", { method: "POST", json: { conference: "no-such-conference" }, as }),
      {},
    );
    expect(unknown.status).toBe(404);
    const bad = await createShareLinkRoute(apiRequest("/api/v1/me/share-links", { method: "POST", json: {}, as }), {});
    expect(bad.status).toBe(400);
  });
});

describe("team permissions", () => {
  it("owner, member, non-member: read, rename, delete", async () => {
    const { as, team } = await buildTeam();
    const read = (who: Credentials) => getTeamRoute(apiRequest(`/api/v1/teams/${team.id}`, { as: who }), routeParams({ id: team.id }));
    const rename = (who: Credentials, name: string) =>
      renameTeamRoute(apiRequest(`/api/v1/teams/${team.id}`, { method: "PATCH", json: { name }, as: who }), routeParams({ id: team.id }));
    const remove = (who: Credentials) =>
      deleteTeamRoute(apiRequest(`/api/v1/teams/${team.id}`, { method: "DELETE", as: who }), routeParams({ id: team.id }));

    const details = await json<{ members: Array<{ isOwner: boolean }>; isOwner: boolean }>(await read(as.owner), 200);
    expect(details.isOwner).toBe(true);
    expect(details.members.map((member) => member.isOwner)).toEqual([true, false]);
    expect((await json<{ isOwner: boolean }>(await read(as.member), 200)).isOwner).toBe(false);
    expect((await read(as.outsider)).status).toBe(404);
    expect((await read(null)).status).toBe(401);

    expect((await rename(as.outsider, "Hijacked")).status).toBe(404);
    expect((await rename(as.member, "Renamed by member")).status).toBe(403);
    expect((await rename(as.owner, "   ")).status).toBe(400);
    expect(await json<{ name: string }>(await rename(as.owner, "Data team"), 200)).toMatchObject({ name: "Data team" });

    expect((await remove(as.outsider)).status).toBe(404);
    expect((await remove(as.member)).status).toBe(403);
    expect((await remove(as.owner)).status).toBe(204);
    expect((await read(as.owner)).status).toBe(404);
    expect((await read(as.member)).status).toBe(404);
  });

  it("a removed member loses access at once; only the owner removes; leaving hands ownership on", async () => {
    const { owner, member, outsider, as, team } = await buildTeam();
    const conference = await buildConference();
    const removeAs = (who: Credentials, userId: string) =>
      removeMemberRoute(
        apiRequest(`/api/v1/teams/${team.id}/members/${userId}`, { method: "DELETE", as: who }),
        routeParams({ id: team.id, userId }),
      );

    expect((await removeAs(as.outsider, member.id)).status).toBe(404);
    expect((await removeAs(as.member, owner.id)).status).toBe(403);
    expect((await removeAs(as.owner, owner.id)).status).toBe(409);
    expect((await removeAs(as.owner, outsider.id)).status).toBe(404);
    expect((await teamAgendaAs(as.member, team.id, conference.slug)).status).toBe(200);
    expect((await removeAs(as.owner, member.id)).status).toBe(204);
    expect((await teamAgendaAs(as.member, team.id, conference.slug)).status).toBe(404);

    // The owner leaves a team with another member: that member becomes owner.
    const third = await buildUser();
    const thirdAs = await sessionFor(third.id);
    const invite = await json<{ url: string }>(
      await createInviteRoute(apiRequest(`/api/v1/teams/${team.id}/invites`, { method: "POST", as: as.owner }), routeParams({ id: team.id })),
      201,
    );
    expect((await joinAs(thirdAs, invite.url)).status).toBe(200);
    const left = await leaveTeamRoute(apiRequest(`/api/v1/teams/${team.id}/leave`, { method: "POST", as: as.owner }), routeParams({ id: team.id }));
    expect(await json<{ teamDeleted: boolean }>(left, 200)).toEqual({ teamDeleted: false });
    const db = await getDb();
    expect((await db.team.findUniqueOrThrow({ where: { id: team.id }, select: { ownerId: true } })).ownerId).toBe(third.id);
    expect((await teamAgendaAs(as.owner, team.id, conference.slug)).status).toBe(404);

    // The last member leaving deletes the team.
    const lastLeft = await leaveTeamRoute(apiRequest(`/api/v1/teams/${team.id}/leave`, { method: "POST", as: thirdAs }), routeParams({ id: team.id }));
    expect(await json<{ teamDeleted: boolean }>(lastLeft, 200)).toEqual({ teamDeleted: true });
    expect(await db.team.count({ where: { id: team.id } })).toBe(0);
  });
});

describe("invites", () => {
  it("join by code or whole URL; joining twice is harmless; garbage is 400", async () => {
    const owner = await buildUser();
    const team = await createTeamAs(await sessionFor(owner.id), "Invite team");
    const code = extractInviteCode(team.inviteUrl);
    expect(code).toMatch(/^inv_/);
    const byCode = await buildUser();
    expect(await json(await joinAs(await sessionFor(byCode.id), code), 200)).toEqual({ id: team.id, name: "Invite team" });
    const byUrl = await sessionFor((await buildUser()).id);
    expect(await json(await joinAs(byUrl, ` ${team.inviteUrl} `), 200)).toEqual({ id: team.id, name: "Invite team" });
    expect((await joinAs(byUrl, team.inviteUrl)).status).toBe(200);
    const db = await getDb();
    expect(await db.teamMembership.count({ where: { teamId: team.id } })).toBe(3);
    expect((await joinAs(byUrl, "hello")).status).toBe(400);
    expect((await joinAs(byUrl, "inv_thisCodeWasNeverIssuedByAnyone")).status).toBe(404);
    expect((await joinAs(null, code)).status).toBe(401);
    // Only hashes are stored.
    expect(await db.teamInvite.count({ where: { codeHash: code } })).toBe(0);
  });

  it("an expired invite is refused with a clear message until the owner renews it", async () => {
    const owner = await buildUser();
    const ownerAs = await sessionFor(owner.id);
    const team = await createTeamAs(ownerAs);
    const db = await getDb();
    const invite = await db.teamInvite.findFirstOrThrow({ where: { teamId: team.id }, select: { id: true } });
    await db.teamInvite.update({ where: { id: invite.id }, data: { expiresAt: new Date(Date.now() - 1000) } });

    const joiner = await sessionFor((await buildUser()).id);
    const expired = await joinAs(joiner, team.inviteUrl);
    expect(expired.status).toBe(404);
    expect((await expired.json()).error.message).toMatch(/expired/);

    const member = await sessionFor((await buildUser()).id);
    const renew = (who: Credentials) =>
      renewInviteRoute(
        apiRequest(`/api/v1/teams/${team.id}/invites/${invite.id}/renew`, { method: "POST", as: who }),
        routeParams({ id: team.id, inviteId: invite.id }),
      );
    expect((await renew(member)).status).toBe(404);
    const renewed = await json<{ expiresAt: string }>(await renew(ownerAs), 200);
    const week = 7 * 24 * 60 * 60 * 1000;
    expect(Math.abs(new Date(renewed.expiresAt).getTime() - (Date.now() + week))).toBeLessThan(60_000);
    expect((await joinAs(joiner, team.inviteUrl)).status).toBe(200);
  });

  it("a revoked invite stops working; only the owner creates or revokes invites", async () => {
    const { as, team } = await buildTeam();
    const createAs = (who: Credentials) =>
      createInviteRoute(apiRequest(`/api/v1/teams/${team.id}/invites`, { method: "POST", as: who }), routeParams({ id: team.id }));
    expect((await createAs(as.outsider)).status).toBe(404);
    expect((await createAs(as.member)).status).toBe(403);
    const invite = await json<{ id: string; url: string }>(await createAs(as.owner), 201);
    const revokeAs = (who: Credentials) =>
      revokeInviteRoute(
        apiRequest(`/api/v1/teams/${team.id}/invites/${invite.id}`, { method: "DELETE", as: who }),
        routeParams({ id: team.id, inviteId: invite.id }),
      );
    expect((await revokeAs(as.member)).status).toBe(403);
    expect((await revokeAs(as.owner)).status).toBe(204);
    expect((await revokeAs(as.owner)).status).toBe(404);

    const late = await joinAs(as.outsider, invite.url);
    expect(late.status).toBe(404);
    expect((await late.json()).error.message).toMatch(/revoked/);
    // A revoked invite cannot be renewed back to life.
    const renewed = await renewInviteRoute(
      apiRequest(`/api/v1/teams/${team.id}/invites/${invite.id}/renew`, { method: "POST", as: as.owner }),
      routeParams({ id: team.id, inviteId: invite.id }),
    );
    expect(renewed.status).toBe(404);
  });
});

describe("seeing each other's stars", () => {
  it("teammates see each other's stars for a conference; outsiders see nothing", async () => {
    const { owner, member, outsider, as, team } = await buildTeam();
    const conference = await buildConference();
    const other = await buildConference();
    await starSession(owner.id, sessionIdOf(conference, "a-2"), "must");
    await starSession(member.id, sessionIdOf(conference, "a-2"), "maybe");
    await starSession(member.id, sessionIdOf(conference, "b-2"), "must");
    await starSession(member.id, sessionIdOf(other, "a-1"), "must");
    await starSession(outsider.id, sessionIdOf(conference, "a-1"), "must");

    const agenda = await json<{
      members: Array<{ userId: string; name: string; sessionIds: string[] }>;
      coverage: Array<{ sessionId: string; memberNames: string[] }>;
    }>(await teamAgendaAs(as.member, team.id, conference.slug), 200);
    expect(agenda.members.map((entry) => [entry.userId, entry.sessionIds])).toEqual([
      [owner.id, [sessionIdOf(conference, "a-2")]],
      [member.id, [sessionIdOf(conference, "a-2"), sessionIdOf(conference, "b-2")]],
    ]);
    expect(agenda.coverage).toEqual([
      expect.objectContaining({ sessionId: sessionIdOf(conference, "a-2"), memberNames: [owner.name, member.name] }),
      expect.objectContaining({ sessionId: sessionIdOf(conference, "b-2"), memberNames: [member.name] }),
    ]);
    // The outsider's star is nowhere in the team's view.
    expect(JSON.stringify(agenda)).not.toContain(sessionIdOf(conference, "a-1"));

    const outside = await teamAgendaAs(as.outsider, team.id, conference.slug);
    expect(outside.status).toBe(404);
    expect(await outside.json()).toEqual({ error: { code: "NOT_FOUND", message: "no such team" } });
    expect((await teamAgendaAs(as.owner, "no-such-team", conference.slug)).status).toBe(404);
    expect((await teamAgendaAs(null, team.id, conference.slug)).status).toBe(401);
    expect((await teamAgendaAs(as.owner, team.id, "no-such-conference")).status).toBe(404);

    const conferenceId = await conferenceIdOf(conference.slug);
    const going = await getTeammatesGoing(owner.id, conferenceId);
    expect([...going.keys()].sort()).toEqual([sessionIdOf(conference, "a-2"), sessionIdOf(conference, "b-2")].sort());
    expect(going.get(sessionIdOf(conference, "a-2"))).toEqual([expect.objectContaining({ userId: member.id, level: "maybe" })]);
    expect((await getTeammatesGoing(outsider.id, conferenceId)).size).toBe(0);
  });

  it("comparing agendas works only between members of the same team", async () => {
    const { owner, member, outsider, as, team } = await buildTeam();
    const conference = await buildConference();
    await starSession(owner.id, sessionIdOf(conference, "a-1"), "must");
    await starSession(member.id, sessionIdOf(conference, "a-1"), "maybe");
    await starSession(member.id, sessionIdOf(conference, "b-1"), "must");
    await starSession(outsider.id, sessionIdOf(conference, "b-2"), "must");
    const compare = (who: Credentials, userId: string) =>
      compareRoute(
        apiRequest(`/api/v1/teams/${team.id}/compare/${userId}?conference=${conference.slug}`, { as: who }),
        routeParams({ id: team.id, userId }),
      );
    const result = await json<{ sessions: Array<{ session: { externalId: string }; mine: string | null; theirs: string | null }> }>(
      await compare(as.owner, member.id),
      200,
    );
    expect(result.sessions.map((row) => [row.session.externalId, row.mine, row.theirs])).toEqual([
      ["a-1", "must", "maybe"],
      ["b-1", null, "must"],
    ]);
    expect((await compare(as.owner, outsider.id)).status).toBe(404);
    expect((await compare(as.outsider, owner.id)).status).toBe(404);
  });
});

describe("reading what people paste", () => {
  const code = "inv_AbCdEfGhIjKlMnOpQrStUvWx-_12";

  it("finds the invite code in a code, a URL from any host, a path, or text around it", () => {
    for (const input of [
      code,
      `  ${code}\n`,
      `https://planner.example/teams/join/${code}`,
      `http://localhost:3000/teams/join/${code}/`,
      `https://planner.example/teams/join?code=${code}`,
      `/teams/join/${code}`,
      `Join us: ${code}`,
    ]) {
      expect(extractInviteCode(input), input).toBe(code);
    }
    for (const input of ["", "inv_short", "https://planner.example/teams/join/", "shr_AbCdEfGhIjKlMnOpQrStUvWx"]) {
      expect(() => extractInviteCode(input), input).toThrow(expect.objectContaining({ code: "BAD_REQUEST" }));
    }
  });

  it("finds a share token in a token or a share URL; anything else is NOT_FOUND", () => {
    const token = "shr_AbCdEfGhIjKlMnOpQrStUvWx";
    expect(extractShareToken(token)).toBe(token);
    expect(extractShareToken(`https://planner.example/share/${token}`)).toBe(token);
    expect(() => extractShareToken("https://planner.example/share/")).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
    expect(() => extractShareToken(code)).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
  });

  it("names members without revealing their email address", () => {
    expect(nameMember({ name: "  Ada Lovelace ", email: "ada@example.org" })).toBe("Ada Lovelace");
    expect(nameMember({ name: null, email: "grace.hopper@example.org" })).toBe("grace.hopper");
    expect(nameMember({ name: "   ", email: "alan@example.org" })).toBe("alan");
    expect(initialsOf("Ada Lovelace")).toBe("AL");
    expect(initialsOf("grace.hopper")).toBe("GH");
    expect(initialsOf("Jean-Luc de la Croix")).toBe("JC");
    expect(initialsOf("alan")).toBe("A");
    expect(initialsOf("élodie")).toBe("É");
  });
});

async function conferenceIdOf(slug: string): Promise<string> {
  const db = await getDb();
  return (await db.conference.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
}
