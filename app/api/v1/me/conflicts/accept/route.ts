import { NextResponse } from "next/server";
import { readJson } from "@/lib/api/read-json";
import { apiRoute } from "@/lib/api/respond";
import { ZAcceptConflict, acceptConflict } from "@/lib/agenda/resolve-conflicts";
import { requireCaller } from "@/lib/auth/resolve-caller";

export const POST = apiRoute(async (request) => {
  const caller = await requireCaller(request);
  const { sessionIds } = await readJson(request, ZAcceptConflict);
  await acceptConflict(caller.id, sessionIds);
  return new NextResponse(null, { status: 204 });
});
