import { NextResponse } from "next/server";
import { z } from "zod";
import { readJson } from "@/lib/api/read-json";
import { apiRoute } from "@/lib/api/respond";
import { requireCaller } from "@/lib/auth/resolve-caller";
import { joinTeam } from "@/lib/sharing/team-invites";

const ZJoin = z.object({
  invite: z.string({ error: "invite must be the invite link or its code" }).trim().min(1, "invite is empty").max(2000),
});

/** Joins a team by invite code or whole invite URL. */
export const POST = apiRoute(async (request) => {
  const caller = await requireCaller(request);
  const { invite } = await readJson(request, ZJoin);
  return NextResponse.json(await joinTeam(caller.id, invite));
});
