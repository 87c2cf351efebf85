import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/respond";
import { requireCaller } from "@/lib/auth/resolve-caller";
import { ZId, ZTeamParams } from "@/lib/sharing/route-input";
import { removeMember } from "@/lib/sharing/teams";

const ZParams = ZTeamParams.extend({ userId: ZId });

/** Removes a member (owner only). */
export const DELETE = apiRoute<{ params: Promise<{ id: string; userId: string }> }>(async (request, { params }) => {
  const caller = await requireCaller(request);
  const { id, userId } = ZParams.parse(await params);
  await removeMember(id, caller.id, userId);
  return new NextResponse(null, { status: 204 });
});
