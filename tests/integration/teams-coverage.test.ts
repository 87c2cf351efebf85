import { describe, expect, it } from "vitest";
import { GET as coverageRoute } from "@/app/api/v1/teams/[id]/coverage/route";
import { POST as acceptRoute } from "@/app/api/v1/teams/[id]/coverage/accept/route";
import { GET as teamNotesRoute } from "@/app/api/v1/teams/[id]/notes/route";
import { DELETE as unshareRoute, PUT as shareRoute } from "@/app/api/v1/teams/[id]/notes/[sessionId]/route";
import { saveNote } from "@/lib/agenda/notes";
import { starSession } from "@/lib/agenda/stars";
import { getDb } from "@/lib/db/client";
import { getCoverageBoard } from "@/lib/sharing/coverage-board";
import { listNotesSharedWithMe } from "@/lib/sharing/shared-notes";
import { createTeam, removeMember } from "@/lib/sharing/teams";
import { joinTeam } from "@/lib/sharing/team-invites";
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

async function buildTeam() {
  const [owner, member, outsider] = await Promise.all([buildUser({ name: "Olga Owner" }), buildUser({ name: "Mia Member" }), buildUser()]);
  const team = await createTeam(owner.id, "Coverage team");
  await joinTeam(member.id, team.inviteUrl);
  return { owner, member, outsider, team };
}

async function starsOf(userId: string): Promise<Array<[string, string]>> {
  const db = await getDb();
  const stars = await db.star.findMany({ where: { userId }, orderBy: { sessionId: "asc" }, select: { sessionId: true, level: true } });
  return stars.map((star) => [star.sessionId, star.level]);
}

function acceptAs(as: Credentials, teamId: string, body: unknown) {
  return acceptRoute(
    apiRequest(`/api/v1/teams/${teamId}/coverage/accept`, { method: "POST", json: body, as }),
    routeParams({ id: teamId }),
  );
}

describe("coverage planner", () => {
  it("slots the program, flags maybe-only and uncovered sessions, and proposes a split without changing anything", async () => {
    const { owner, member, outsider, team } = await buildTeam();
    const conference = await buildConference();
    const [a1, a2, b1, b2] = ["a-1", "a-2", "b-1", "b-2"].map((id) => sessionIdOf(conference, id));
    await starSession(owner.id, a2 ?? "", "must");
    await starSession(member.id, a1 ?? "", "must");
    await starSession(owner.id, b1 ?? "", "maybe");
    const before = [await starsOf(owner.id), await starsOf(member.id)];

    const board = await getCoverageBoard(team.id, member.id, conference.slug);
    expect(board.slots.map((slot) => slot.sessions.map((entry) => [entry.session.externalId, entry.state]))).toEqual([
      [["a-1", "covered"]],
      [
        ["a-2", "covered"],
        ["b-1", "maybe-only"],
      ],
      [["b-2", "nobody"]],
    ]);
    const slot = board.slots[1];
    expect(slot?.sessions[0]?.must.map((ref) => ref.name)).toEqual(["Olga Owner"]);
    expect(slot?.sessions[1]?.maybe.map((ref) => ref.name)).toEqual(["Olga Owner"]);
    // The owner's must (a-2) overlaps b-1, the member is free then: the proposal sends the member, and only them, to b-1.
    expect(board.proposal.parts.map((part) => [part.member.userId, part.added])).toEqual([
      [owner.id, []],
      [member.id, [b1]],
    ]);
    expect(slot?.sessions[1]?.proposedFor?.userId).toBe(member.id);
    expect(board.proposal.uncovered).toEqual([]);
    expect(board.proposal.covered).toEqual([a1, a2, b1]);
    expect(board.proposal.covered).not.toContain(b2);

    const response = await coverageRoute(
      apiRequest(`/api/v1/teams/${team.id}/coverage?conference=${conference.slug}`, { as: await sessionFor(owner.id) }),
      routeParams({ id: team.id }),
    );
    expect(response.status).toBe(200);
    const outside = await coverageRoute(
      apiRequest(`/api/v1/teams/${team.id}/coverage?conference=${conference.slug}`, { as: await sessionFor(outsider.id) }),
      routeParams({ id: team.id }),
    );
    expect(outside.status).toBe(404);
    const missingConference = await coverageRoute(
      apiRequest(`/api/v1/teams/${team.id}/coverage`, { as: await sessionFor(owner.id) }),
      routeParams({ id: team.id }),
    );
    expect(missingConference.status).toBe(400);

    // Looking at the board and the proposal starred nothing.
    expect([await starsOf(owner.id), await starsOf(member.id)]).toEqual(before);
  });

  it("accepting changes only the accepting member's stars, and only with their part as seen", async () => {
    const { owner, member, outsider, team } = await buildTeam();
    const conference = await buildConference();
    const a1 = sessionIdOf(conference, "a-1");
    const a2 = sessionIdOf(conference, "a-2");
    const b1 = sessionIdOf(conference, "b-1");
    await starSession(owner.id, a2, "must");
    await starSession(member.id, a1, "must");
    await starSession(owner.id, b1, "maybe");
    const ownerBefore = await starsOf(owner.id);
    const outsiderBefore = await starsOf(outsider.id);

    // Nobody accepts someone else's part, and outsiders get 404.
    expect((await acceptAs(await sessionFor(owner.id), team.id, { conference: conference.slug, sessionIds: [b1] })).status).toBe(409);
    expect((await acceptAs(await sessionFor(outsider.id), team.id, { conference: conference.slug, sessionIds: [b1] })).status).toBe(404);
    expect((await acceptAs(await sessionFor(member.id), team.id, { conference: conference.slug, sessionIds: [] })).status).toBe(400);
    expect(await starsOf(member.id)).toEqual([[a1, "MUST"]]);

    const accepted = await acceptAs(await sessionFor(member.id), team.id, { conference: conference.slug, sessionIds: [b1] });
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toEqual({ starred: [b1] });
    expect(new Map(await starsOf(member.id))).toEqual(
      new Map([
        [a1, "MUST"],
        [b1, "MUST"],
      ]),
    );
    expect(await starsOf(owner.id)).toEqual(ownerBefore);
    expect(await starsOf(outsider.id)).toEqual(outsiderBefore);

    // b-1 is now the member's must, so it is no longer in their proposed part: a replay is stale.
    const replay = await acceptAs(await sessionFor(member.id), team.id, { conference: conference.slug, sessionIds: [b1] });
    expect(replay.status).toBe(409);
    expect((await replay.json()).error.message).toMatch(/proposal has changed/);
  });
});

describe("notes shared with a team", () => {
  it("teammates read notes shared with their team; private notes, other teams and outsiders see nothing", async () => {
    const { owner, member, outsider, team } = await buildTeam();
    const conference = await buildConference();
    const a1 = sessionIdOf(conference, "a-1");
    await saveNote(member.id, a1, "shared insight");
    await saveNote(owner.id, a1, "owner's private thought");
    const otherTeam = await createTeam(outsider.id, "Other team");
    await saveNote(outsider.id, a1, "other team's note");

    const memberAs = await sessionFor(member.id);
    const ownerAs = await sessionFor(owner.id);
    const outsiderAs = await sessionFor(outsider.id);
    const share = (who: Credentials, teamId: string) =>
      shareRoute(apiRequest(`/api/v1/teams/${teamId}/notes/${a1}`, { method: "PUT", as: who }), routeParams({ id: teamId, sessionId: a1 }));
    const list = (who: Credentials) =>
      teamNotesRoute(apiRequest(`/api/v1/teams/${team.id}/notes?session=${a1}`, { as: who }), routeParams({ id: team.id }));

    // Sharing with a team one is not in is 404, as is sharing a note one does not have.
    expect((await share(outsiderAs, team.id)).status).toBe(404);
    expect((await share(outsiderAs, otherTeam.id)).status).toBe(204);
    const noNote = sessionIdOf(conference, "b-2");
    const missing = await shareRoute(
      apiRequest(`/api/v1/teams/${team.id}/notes/${noNote}`, { method: "PUT", as: memberAs }),
      routeParams({ id: team.id, sessionId: noNote }),
    );
    expect(missing.status).toBe(404);

    expect((await share(memberAs, team.id)).status).toBe(204);
    const notes = (await (await list(ownerAs)).json()) as { notes: Array<{ body: string; author: { name: string } }> };
    expect(notes.notes.map((note) => [note.author.name, note.body])).toEqual([["Mia Member", "shared insight"]]);
    expect((await list(outsiderAs)).status).toBe(404);
    expect((await listNotesSharedWithMe(owner.id, a1)).map((note) => note.body)).toEqual(["shared insight"]);
    expect((await listNotesSharedWithMe(outsider.id, a1)).map((note) => note.body)).toEqual([]);
    expect((await listNotesSharedWithMe(member.id, a1)).map((note) => note.body)).toEqual([]);

    // Unsharing makes it private again.
    const unshared = await unshareRoute(
      apiRequest(`/api/v1/teams/${team.id}/notes/${a1}`, { method: "DELETE", as: memberAs }),
      routeParams({ id: team.id, sessionId: a1 }),
    );
    expect(unshared.status).toBe(204);
    expect(((await (await list(ownerAs)).json()) as { notes: unknown[] }).notes).toEqual([]);

    // Shared again, then the member is removed: the note stops being shared.
    expect((await share(memberAs, team.id)).status).toBe(204);
    await removeMember(team.id, owner.id, member.id);
    expect(((await (await list(ownerAs)).json()) as { notes: unknown[] }).notes).toEqual([]);
    const db = await getDb();
    const note = await db.note.findUniqueOrThrow({
      where: { userId_sessionId: { userId: member.id, sessionId: a1 } },
      select: { sharedWithTeamId: true, body: true },
    });
    expect(note).toEqual({ sharedWithTeamId: null, body: "shared insight" });
  });
});
