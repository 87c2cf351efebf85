import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/respond";
import { requireCaller } from "@/lib/auth/resolve-caller";
import { ZTeamParams } from "@/lib/sharing/route-input";
import { leaveTeam } from "@/lib/sharing/teams";

/** Leaves the team; answers whether that deleted it (the last member leaving). */
export const POST = apiRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const caller = await requireCaller(request);
  const { id } = ZTeamParams.parse(await params);
  return NextResponse.json(await leaveTeam(id, caller.id));
});
