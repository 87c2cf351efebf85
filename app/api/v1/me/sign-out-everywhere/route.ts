import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/respond";
import { requireCaller } from "@/lib/auth/resolve-caller";
import { endAllSessions } from "@/lib/auth/session-version";

export const POST = apiRoute(async (request) => {
  const caller = await requireCaller(request);
  await endAllSessions(caller.id);
  return new NextResponse(null, { status: 204 });
});
