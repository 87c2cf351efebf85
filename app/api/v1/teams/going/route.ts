import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/respond";
import { requireCaller } from "@/lib/auth/resolve-caller";
import { ZConferenceQuery, readQuery } from "@/lib/sharing/route-input";
import { getTeammatesGoingAt } from "@/lib/sharing/teammates-going";

/** "Who's going": session id → the caller's teammates (all teams) who starred it. */
export const GET = apiRoute(async (request) => {
  const caller = await requireCaller(request);
  const { conference } = readQuery(request, ZConferenceQuery);
  return NextResponse.json({ going: await getTeammatesGoingAt(caller.id, conference) });
});
