import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/respond";
import { requireCaller } from "@/lib/auth/resolve-caller";
import { toSessionJson } from "@/lib/program/session-json";
import { ZConferenceQuery, ZTeamParams, readQuery } from "@/lib/sharing/route-input";
import { getTeamAgenda } from "@/lib/sharing/team-agenda";

/** The team's stars at one conference, in CONTRACT.md's shape (plus ids, initials, levels and the sessions). */
export const GET = apiRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const caller = await requireCaller(request);
  const { id } = ZTeamParams.parse(await params);
  const { conference } = readQuery(request, ZConferenceQuery);
  const agenda = await getTeamAgenda(id, caller.id, conference);
  return NextResponse.json({
    members: agenda.members.map((member) => ({
      userId: member.userId,
      name: member.name,
      initials: member.initials,
      sessionIds: member.stars.map((star) => star.sessionId),
      stars: member.stars,
    })),
    coverage: agenda.coverage.map((entry) => ({
      sessionId: entry.session.id,
      memberNames: entry.members.map((member) => member.name),
      members: entry.members,
      session: toSessionJson(entry.session),
    })),
  });
});
