import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/respond";
import { requireCaller } from "@/lib/auth/resolve-caller";
import { toSessionJson } from "@/lib/program/session-json";
import { compareAgendas } from "@/lib/sharing/compare-agendas";
import { ZConferenceQuery, ZId, ZTeamParams, readQuery } from "@/lib/sharing/route-input";

const ZParams = ZTeamParams.extend({ userId: ZId });

/** My agenda next to a teammate's at one conference (both must be in the team). */
export const GET = apiRoute<{ params: Promise<{ id: string; userId: string }> }>(async (request, { params }) => {
  const caller = await requireCaller(request);
  const { id, userId } = ZParams.parse(await params);
  const { conference } = readQuery(request, ZConferenceQuery);
  const comparison = await compareAgendas(id, caller.id, userId, conference);
  return NextResponse.json({
    me: comparison.me,
    them: comparison.them,
    sessions: comparison.sessions.map((row) => ({ session: toSessionJson(row.session), mine: row.mine, theirs: row.theirs })),
  });
});
