import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/respond";
import { requireCaller } from "@/lib/auth/resolve-caller";
import { ZId, ZTeamParams } from "@/lib/sharing/route-input";
import { revokeInvite } from "@/lib/sharing/team-invites";

const ZParams = ZTeamParams.extend({ inviteId: ZId });

/** Revokes an invite (owner only); its link stops working at once. */
export const DELETE = apiRoute<{ params: Promise<{ id: string; inviteId: string }> }>(async (request, { params }) => {
  const caller = await requireCaller(request);
  const { id, inviteId } = ZParams.parse(await params);
  await revokeInvite(id, caller.id, inviteId);
  return new NextResponse(null, { status: 204 });
});
