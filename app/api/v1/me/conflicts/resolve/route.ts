import { NextResponse } from "next/server";
import { readJson } from "@/lib/api/read-json";
import { apiRoute } from "@/lib/api/respond";
import { ZResolveConflict, resolveConflict } from "@/lib/agenda/resolve-conflicts";
import { requireCaller } from "@/lib/auth/resolve-caller";

export const POST = apiRoute(async (request) => {
  const caller = await requireCaller(request);
  await resolveConflict(caller.id, await readJson(request, ZResolveConflict));
  return new NextResponse(null, { status: 204 });
});
