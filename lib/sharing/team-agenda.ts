import { fromDb, type StarLevelName } from "@/lib/agenda/stars";
import { getDb } from "@/lib/db/client";
import { getConference, type ConferenceInfo } from "@/lib/program/find-sessions";
import { SESSION_SELECT, toSessionView, type SessionView } from "@/lib/program/session-json";
import type { MemberRef } from "./member-name";
import { requireTeamMember } from "./team-access";
import { listTeamMembers, type TeamMember } from "./teams";

export type TeamAgendaMember = TeamMember & { stars: Array<{ sessionId: string; level: StarLevelName }> };
export type TeamAgendaEntry = { session: SessionView; members: Array<MemberRef & { level: StarLevelName }> };
export type TeamAgenda = {
  conference: ConferenceInfo;
  members: TeamAgendaMember[];
  /** Every session some member starred, by start then room, with who starred it. */
  coverage: TeamAgendaEntry[];
};

/** The team's stars at one conference. Members only: anyone else gets NOT_FOUND. */
export async function getTeamAgenda(teamId: string, userId: string, conferenceSlug: string): Promise<TeamAgenda> {
  await requireTeamMember(teamId, userId);
  const conference = await getConference(conferenceSlug);
  const members = await listTeamMembers(teamId);
  const db = await getDb();
  const stars = await db.star.findMany({
    where: { userId: { in: members.map((member) => member.userId) }, session: { conferenceId: conference.id } },
    select: { userId: true, level: true, session: { select: SESSION_SELECT } },
  });

  const sessions = new Map<string, SessionView>();
  for (const star of stars) if (!sessions.has(star.session.id)) sessions.set(star.session.id, toSessionView(star.session));
  const ordered = [...sessions.values()].sort(
    (a, b) => a.start.getTime() - b.start.getTime() || (a.room ?? "").localeCompare(b.room ?? "", "en") || a.id.localeCompare(b.id),
  );
  const position = new Map(ordered.map((session, index) => [session.id, index]));
  const byPosition = (a: { sessionId: string }, b: { sessionId: string }) =>
    (position.get(a.sessionId) ?? 0) - (position.get(b.sessionId) ?? 0);

  const agendaMembers = members.map((member) => ({
    ...member,
    stars: stars
      .filter((star) => star.userId === member.userId)
      .map((star) => ({ sessionId: star.session.id, level: fromDb(star.level) }))
      .sort(byPosition),
  }));
  const coverage = ordered.map((session) => ({
    session,
    members: agendaMembers.flatMap((member) => {
      const star = member.stars.find((candidate) => candidate.sessionId === session.id);
      return star ? [{ userId: member.userId, name: member.name, initials: member.initials, level: star.level }] : [];
    }),
  }));
  return { conference, members: agendaMembers, coverage };
}

export type TeamConference = { slug: string; title: string; timeZone: string; starredSessions: number };

/**
 * Every conference, for the team pages' picker: those where members starred
 * the most sessions first, so the default is the one the team is planning.
 */
export async function listTeamConferences(teamId: string, userId: string): Promise<TeamConference[]> {
  await requireTeamMember(teamId, userId);
  const db = await getDb();
  const memberships = await db.teamMembership.findMany({ where: { teamId }, select: { userId: true } });
  const memberIds = memberships.map((membership) => membership.userId);
  const conferences = await db.conference.findMany({
    select: {
      slug: true,
      title: true,
      timeZone: true,
      _count: { select: { sessions: { where: { stars: { some: { userId: { in: memberIds } } } } } } },
    },
  });
  return conferences
    .map(({ _count, ...conference }) => ({ ...conference, starredSessions: _count.sessions }))
    .sort((a, b) => b.starredSessions - a.starredSessions || a.title.localeCompare(b.title, "en"));
}
