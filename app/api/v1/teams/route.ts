import { NextResponse } from "next/server";
import { z } from "zod";
import { readJson } from "@/lib/api/read-json";
import { apiRoute } from "@/lib/api/respond";
import { requireCaller } from "@/lib/auth/resolve-caller";
import { ZTeamName, createTeam, listMyTeams } from "@/lib/sharing/teams";

export const GET = apiRoute(async (request) => {
  const caller = await requireCaller(request);
  return NextResponse.json({ teams: await listMyTeams(caller.id) });
});

export const POST = apiRoute(async (request) => {
  const caller = await requireCaller(request);
  const { name } = await readJson(request, z.object({ name: ZTeamName }));
  const team = await createTeam(caller.id, name);
  return NextResponse.json(
    { id: team.id, name: team.name, inviteUrl: team.inviteUrl, inviteExpiresAt: team.inviteExpiresAt },
    { status: 201 },
  );
});
