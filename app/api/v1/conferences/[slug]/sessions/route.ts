import { NextResponse } from "next/server";
import { readQuery } from "@/lib/api/read-query";
import { apiRoute } from "@/lib/api/respond";
import { ZSessionFilter, findSessions } from "@/lib/program/find-sessions";
import { toSessionJson } from "@/lib/program/session-json";

export const GET = apiRoute<{ params: Promise<{ slug: string }> }>(async (request, { params }) => {
  const filter = readQuery(request, ZSessionFilter);
  const sessions = await findSessions((await params).slug, filter);
  return NextResponse.json({ sessions: sessions.map(toSessionJson) });
});
