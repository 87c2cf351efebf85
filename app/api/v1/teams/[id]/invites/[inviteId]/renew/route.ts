import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/respond";
import { requireCaller } from "@/lib/auth/resolve-caller";
import { ZId, ZTeamParams } from "@/lib/sharing/route-input";
import { renewInvite } from "@/lib/sharing/team-invites";

const ZParams = ZTeamParams.extend({ inviteId: ZId });

/** Extends an invite to 7 days from now, keeping its link (owner only). */
export const POST = apiRoute<{ params: Promise<{ id: string; inviteId: string }> }>(async (request, { params }) => {
  const caller = await requireCaller(request);
  const { id, inviteId } = ZParams.parse(await params);
  return NextResponse.json(await renewInvite(id, caller.id, inviteId));
});
