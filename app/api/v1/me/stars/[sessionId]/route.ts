import { NextResponse } from "next/server";
import { z } from "zod";
import { readJson } from "@/lib/api/read-json";
import { apiRoute } from "@/lib/api/respond";
import { ZStarLevel, starSession, unstarSession } from "@/lib/agenda/stars";
import { requireCaller } from "@/lib/auth/resolve-caller";

type Context = { params: Promise<{ sessionId: string }> };

export const PUT = apiRoute<Context>(async (request, { params }) => {
  const caller = await requireCaller(request);
  const { level } = await readJson(request, z.object({ level: ZStarLevel.default("must") }));
  await starSession(caller.id, (await params).sessionId, level);
  return new NextResponse(null, { status: 204 });
});

export const DELETE = apiRoute<Context>(async (request, { params }) => {
  const caller = await requireCaller(request);
  await unstarSession(caller.id, (await params).sessionId);
  return new NextResponse(null, { status: 204 });
});
