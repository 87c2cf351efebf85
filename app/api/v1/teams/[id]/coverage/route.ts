import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/respond";
import { requireCaller } from "@/lib/auth/resolve-caller";
import { toSessionJson } from "@/lib/program/session-json";
import { getCoverageBoard } from "@/lib/sharing/coverage-board";
import { ZConferenceQuery, ZTeamParams, readQuery } from "@/lib/sharing/route-input";

/** The coverage planner: time slots with who goes where, and the "split us up" proposal per member. */
export const GET = apiRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const caller = await requireCaller(request);
  const { id } = ZTeamParams.parse(await params);
  const { conference } = readQuery(request, ZConferenceQuery);
  const board = await getCoverageBoard(id, caller.id, conference);
  return NextResponse.json({
    conference: { slug: board.conference.slug, title: board.conference.title, timeZone: board.conference.timeZone },
    members: board.members,
    slots: board.slots.map((slot) => ({
      start: slot.start,
      end: slot.end,
      sessions: slot.sessions.map((entry) => ({
        session: toSessionJson(entry.session),
        state: entry.state,
        must: entry.must,
        maybe: entry.maybe,
        proposedFor: entry.proposedFor,
      })),
    })),
    proposal: board.proposal,
  });
});
