import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute } from "@/lib/api/respond";
import { requireCaller } from "@/lib/auth/resolve-caller";
import { ZId, ZTeamParams, readQuery } from "@/lib/sharing/route-input";
import { listTeamNotes } from "@/lib/sharing/shared-notes";

const ZNotesQuery = z.object({ session: ZId });

/** Teammates' notes on one session that they shared with this team. */
export const GET = apiRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const caller = await requireCaller(request);
  const { id } = ZTeamParams.parse(await params);
  const { session } = readQuery(request, ZNotesQuery);
  return NextResponse.json({ notes: await listTeamNotes(id, caller.id, session) });
});
