import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/respond";
import { requireCaller } from "@/lib/auth/resolve-caller";
import { ZTeamParams } from "@/lib/sharing/route-input";
import { createInvite, listInvites } from "@/lib/sharing/team-invites";

type Context = { params: Promise<{ id: string }> };

/** The team's invites that were not revoked (owner only); codes are never shown again. */
export const GET = apiRoute<Context>(async (request, { params }) => {
  const caller = await requireCaller(request);
  const { id } = ZTeamParams.parse(await params);
  return NextResponse.json({ invites: await listInvites(id, caller.id) });
});

/** A new invite link, valid for 7 days (owner only). */
export const POST = apiRoute<Context>(async (request, { params }) => {
  const caller = await requireCaller(request);
  const { id } = ZTeamParams.parse(await params);
  const invite = await createInvite(id, caller.id);
  return NextResponse.json({ id: invite.id, code: invite.code, url: invite.url, expiresAt: invite.expiresAt }, { status: 201 });
});
