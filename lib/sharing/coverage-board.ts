import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { getConference, type ConferenceInfo } from "@/lib/program/find-sessions";
import { SESSION_SELECT, toSessionView, type SessionView } from "@/lib/program/session-json";
import type { MemberRef } from "./member-name";
import { groupIntoTimeSlots, planCoverage, type CoveragePlan } from "./plan-coverage";
import { ZConferenceQuery, ZId } from "./route-input";
import { requireTeamMember } from "./team-access";
import { listTeamMembers } from "./teams";

/**
 * "covered": some member must go; "maybe-only": starred, but only as maybe,
 * so nobody has committed; "nobody": no member starred it.
 */
export type CoverageState = "covered" | "maybe-only" | "nobody";
export type BoardSession = {
  session: SessionView;
  must: MemberRef[];
  maybe: MemberRef[];
  state: CoverageState;
  /** The member the split-up proposal gives this session to, when it is not already one of their musts. */
  proposedFor: MemberRef | null;
};
export type BoardSlot = { start: Date; end: Date; sessions: BoardSession[] };
export type ProposalPart = { member: MemberRef; sessionIds: string[]; added: string[] };
export type CoverageProposal = { parts: ProposalPart[]; covered: string[]; uncovered: string[] };
export type CoverageBoard = {
  conference: ConferenceInfo;
  members: MemberRef[];
  slots: BoardSlot[];
  proposal: CoverageProposal;
};

export const ZCoverageAccept = ZConferenceQuery.extend({
  sessionIds: z
    .array(ZId, { error: "sessionIds must be a list of session ids" })
    .min(1, "choose at least one session of your part to accept")
    .max(1000, "too many sessions"),
});
export type CoverageAccept = z.infer<typeof ZCoverageAccept>;

type CoverageInput = {
  conference: ConferenceInfo;
  members: MemberRef[];
  sessions: SessionView[];
  must: Map<string, Set<string>>;
  maybe: Map<string, Set<string>>;
  plan: CoveragePlan;
};

/**
 * The team's scheduled sessions and stars at a conference, and the plan.
 * Cancelled sessions are left out: nobody can cover them, and a star on one
 * must not block its owner from a talk that still happens.
 */
async function loadCoverage(teamId: string, userId: string, conferenceSlug: string): Promise<CoverageInput> {
  await requireTeamMember(teamId, userId);
  const conference = await getConference(conferenceSlug);
  const members: MemberRef[] = (await listTeamMembers(teamId)).map(({ userId: id, name, initials }) => ({
    userId: id,
    name,
    initials,
  }));
  const db = await getDb();
  const [rows, stars] = await Promise.all([
    db.session.findMany({
      where: { conferenceId: conference.id, status: "SCHEDULED" },
      orderBy: [{ start: "asc" }, { room: { position: "asc" } }, { title: "asc" }],
      select: SESSION_SELECT,
    }),
    db.star.findMany({
      where: {
        userId: { in: members.map((member) => member.userId) },
        session: { conferenceId: conference.id, status: "SCHEDULED" },
      },
      select: { userId: true, sessionId: true, level: true },
    }),
  ]);
  const sessions = rows.map(toSessionView);
  const must = new Map(members.map((member) => [member.userId, new Set<string>()]));
  const maybe = new Map(members.map((member) => [member.userId, new Set<string>()]));
  for (const star of stars) (star.level === "MUST" ? must : maybe).get(star.userId)?.add(star.sessionId);

  const plan = planCoverage(
    sessions.map(({ id, start, end }) => ({ id, start, end })),
    members.map((member) => ({
      id: member.userId,
      must: [...(must.get(member.userId) ?? [])],
      maybe: [...(maybe.get(member.userId) ?? [])],
    })),
  );
  return { conference, members, sessions, must, maybe, plan };
}

/**
 * The coverage planner's data: the conference in time slots (sessions that
 * overlap, directly or through a chain, share one), who goes to each
 * session, and the split-up proposal per member. Computing the proposal
 * changes nothing; a member adopts their part only through
 * acceptCoveragePart.
 */
export async function getCoverageBoard(teamId: string, userId: string, conferenceSlug: string): Promise<CoverageBoard> {
  const { conference, members, sessions, must, maybe, plan } = await loadCoverage(teamId, userId, conferenceSlug);
  const byId = new Map(sessions.map((session) => [session.id, session]));
  const proposedFor = new Map<string, MemberRef>();
  const parts = plan.assignments.flatMap((assignment): ProposalPart[] => {
    const member = members.find((candidate) => candidate.userId === assignment.memberId);
    if (member === undefined) return [];
    for (const sessionId of assignment.added) proposedFor.set(sessionId, member);
    return [{ member, sessionIds: assignment.sessionIds, added: assignment.added }];
  });
  const who = (stars: Map<string, Set<string>>, sessionId: string) =>
    members.filter((member) => stars.get(member.userId)?.has(sessionId) ?? false);

  const slots = groupIntoTimeSlots(sessions.map(({ id, start, end }) => ({ id, start, end }))).map((slot) => ({
    start: slot.start,
    end: slot.end,
    sessions: slot.sessionIds.flatMap((sessionId): BoardSession[] => {
      const session = byId.get(sessionId);
      if (session === undefined) return [];
      const mustBy = who(must, sessionId);
      const maybeBy = who(maybe, sessionId);
      const state: CoverageState = mustBy.length > 0 ? "covered" : maybeBy.length > 0 ? "maybe-only" : "nobody";
      return [{ session, must: mustBy, maybe: maybeBy, state, proposedFor: proposedFor.get(sessionId) ?? null }];
    }),
  }));
  // Members in the team's order (owner first), as every other team page lists them.
  const order = new Map(members.map((member, index) => [member.userId, index]));
  parts.sort((a, b) => (order.get(a.member.userId) ?? 0) - (order.get(b.member.userId) ?? 0));
  return { conference, members, slots, proposal: { parts, covered: plan.covered, uncovered: plan.uncovered } };
}

/**
 * A member adopts (part of) their share of the proposal: exactly those
 * sessions become "must" stars of theirs, and nobody else's stars change.
 * The proposal is computed again here; a session that is no longer in the
 * caller's part (someone starred or unstarred meanwhile) refuses the whole
 * request, so nothing is added that the member did not see and agree to.
 */
export async function acceptCoveragePart(
  teamId: string,
  userId: string,
  input: CoverageAccept,
): Promise<{ starred: string[] }> {
  const { conference, sessionIds } = ZCoverageAccept.parse(input);
  const { plan } = await loadCoverage(teamId, userId, conference);
  const mine = new Set(plan.assignments.find((assignment) => assignment.memberId === userId)?.added ?? []);
  const stale = sessionIds.filter((sessionId) => !mine.has(sessionId));
  if (stale.length > 0) {
    throw new AppError(
      "CONFLICT",
      "the proposal has changed since you saw it: reload the coverage page and review your part again",
      { sessionIds: stale },
    );
  }
  const unique = [...new Set(sessionIds)];
  const db = await getDb();
  // A session in my part that I starred "maybe" becomes "must": accepting
  // the part is the commitment to go.
  await db.$transaction(
    unique.map((sessionId) =>
      db.star.upsert({
        where: { userId_sessionId: { userId, sessionId } },
        create: { userId, sessionId, level: "MUST" },
        update: { level: "MUST" },
        select: { sessionId: true },
      }),
    ),
  );
  return { starred: unique };
}
