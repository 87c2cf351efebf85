import { NextResponse } from "next/server";
import { z } from "zod";
import { readJson } from "@/lib/api/read-json";
import { apiRoute } from "@/lib/api/respond";
import { ZTokenName, createApiToken, listApiTokens } from "@/lib/auth/api-tokens";
import { requireCaller } from "@/lib/auth/resolve-caller";

export const GET = apiRoute(async (request) => {
  const caller = await requireCaller(request);
  return NextResponse.json({ tokens: await listApiTokens(caller.id) });
});

export const POST = apiRoute(async (request) => {
  const caller = await requireCaller(request);
  const { name } = await readJson(request, z.object({ name: ZTokenName }));
  return NextResponse.json(await createApiToken(caller.id, name), { status: 201 });
});
