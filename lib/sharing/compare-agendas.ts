import { fromDb, type StarLevelName } from "@/lib/agenda/stars";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { getConference, type ConferenceInfo } from "@/lib/program/find-sessions";
import { SESSION_SELECT, toSessionView, type SessionView } from "@/lib/program/session-json";
import type { MemberRef } from "./member-name";
import { requireTeamMember } from "./team-access";
import { listTeamMembers } from "./teams";

export type ComparedSession = { session: SessionView; mine: StarLevelName | null; theirs: StarLevelName | null };
export type AgendaComparison = {
  conference: ConferenceInfo;
  me: MemberRef;
  them: MemberRef;
  /** Every session either of us starred, by start then room. */
  sessions: ComparedSession[];
};

/**
 * My agenda next to a teammate's, for one conference. Both must be in the
 * team named: a non-member caller, or a "teammate" who is not (or no
 * longer) in it, gets NOT_FOUND, so the page cannot be used to probe
 * anyone's stars.
 */
export async function compareAgendas(
  teamId: string,
  userId: string,
  otherUserId: string,
  conferenceSlug: string,
): Promise<AgendaComparison> {
  await requireTeamMember(teamId, userId);
  const members = await listTeamMembers(teamId);
  const me = members.find((member) => member.userId === userId);
  const them = members.find((member) => member.userId === otherUserId);
  if (me === undefined || them === undefined) throw new AppError("NOT_FOUND", "no such member in this team");
  const conference = await getConference(conferenceSlug);
  const db = await getDb();
  const stars = await db.star.findMany({
    where: { userId: { in: [userId, otherUserId] }, session: { conferenceId: conference.id } },
    select: { userId: true, level: true, session: { select: SESSION_SELECT } },
  });
  const rows = new Map<string, ComparedSession>();
  for (const star of stars) {
    const row = rows.get(star.session.id) ?? { session: toSessionView(star.session), mine: null, theirs: null };
    // Comparing with oneself is allowed and shows one's own agenda on both sides.
    if (star.userId === userId) row.mine = fromDb(star.level);
    if (star.userId === otherUserId) row.theirs = fromDb(star.level);
    rows.set(star.session.id, row);
  }
  const sessions = [...rows.values()].sort(
    (a, b) =>
      a.session.start.getTime() - b.session.start.getTime() ||
      (a.session.room ?? "").localeCompare(b.session.room ?? "", "en") ||
      a.session.id.localeCompare(b.session.id),
  );
  const ref = ({ userId: id, name, initials }: MemberRef): MemberRef => ({ userId: id, name, initials });
  return { conference, me: ref(me), them: ref(them), sessions };
}
