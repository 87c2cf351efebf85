import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/respond";
import { requireCaller } from "@/lib/auth/resolve-caller";
import { ZId, ZTeamParams } from "@/lib/sharing/route-input";
import { shareNoteWithTeam, unshareNoteFromTeam } from "@/lib/sharing/shared-notes";

const ZParams = ZTeamParams.extend({ sessionId: ZId });
type Context = { params: Promise<{ id: string; sessionId: string }> };

/** Shares my note on the session with this team (a note is shared with one team at most). */
export const PUT = apiRoute<Context>(async (request, { params }) => {
  const caller = await requireCaller(request);
  const { id, sessionId } = ZParams.parse(await params);
  await shareNoteWithTeam(caller.id, sessionId, id);
  return new NextResponse(null, { status: 204 });
});

/** Makes my note on the session private again. */
export const DELETE = apiRoute<Context>(async (request, { params }) => {
  const caller = await requireCaller(request);
  const { id, sessionId } = ZParams.parse(await params);
  await unshareNoteFromTeam(caller.id, sessionId, id);
  return new NextResponse(null, { status: 204 });
});
