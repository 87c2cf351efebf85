import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/respond";
import { ZSessionFilter, findSessions } from "@/lib/program/find-sessions";
import { toSessionJson } from "@/lib/program/session-json";

export const GET = apiRoute<{ params: Promise<{ slug: string }> }>(async (request, { params }) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const filter = ZSessionFilter.parse(Object.fromEntries(Object.entries(query).filter(([, value]) => value !== "")));
  const sessions = await findSessions((await params).slug, filter);
  return NextResponse.json({ sessions: sessions.map(toSessionJson) });
});
