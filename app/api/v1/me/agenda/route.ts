import { NextResponse } from "next/server";
import { z } from "zod";
import { readQuery } from "@/lib/api/read-query";
import { apiRoute } from "@/lib/api/respond";
import { getAgenda } from "@/lib/agenda/get-agenda";
import { requireCaller } from "@/lib/auth/resolve-caller";
import { toSessionJson } from "@/lib/program/session-json";

const ZQuery = z.object({ conference: z.string({ error: "give the conference: ?conference=SLUG" }).min(1) });

export const GET = apiRoute(async (request) => {
  const caller = await requireCaller(request);
  const { conference } = readQuery(request, ZQuery);
  const agenda = await getAgenda(caller.id, conference);
  return NextResponse.json({
    sessions: agenda.sessions.map((session) => ({ ...toSessionJson(session), level: session.level })),
    conflicts: agenda.conflicts.map((conflict) => ({
      sessionIds: conflict.sessionIds,
      start: conflict.start.toISOString(),
      end: conflict.end.toISOString(),
      accepted: conflict.accepted,
    })),
    notices: agenda.notices,
    tightTransfers: agenda.tightTransfers,
  });
});
