import { NextResponse } from "next/server";
import { z } from "zod";
import { readJson } from "@/lib/api/read-json";
import { apiRoute } from "@/lib/api/respond";
import { requireCaller } from "@/lib/auth/resolve-caller";
import { ZTeamParams } from "@/lib/sharing/route-input";
import { ZTeamName, deleteTeam, getTeam, renameTeam } from "@/lib/sharing/teams";

type Context = { params: Promise<{ id: string }> };

export const GET = apiRoute<Context>(async (request, { params }) => {
  const caller = await requireCaller(request);
  const { id } = ZTeamParams.parse(await params);
  return NextResponse.json(await getTeam(id, caller.id));
});

/** Renames the team (owner only). */
export const PATCH = apiRoute<Context>(async (request, { params }) => {
  const caller = await requireCaller(request);
  const { id } = ZTeamParams.parse(await params);
  const { name } = await readJson(request, z.object({ name: ZTeamName }));
  return NextResponse.json(await renameTeam(id, caller.id, name));
});

export const DELETE = apiRoute<Context>(async (request, { params }) => {
  const caller = await requireCaller(request);
  const { id } = ZTeamParams.parse(await params);
  await deleteTeam(id, caller.id);
  return new NextResponse(null, { status: 204 });
});
