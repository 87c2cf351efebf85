import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/respond";
import { revokeApiToken } from "@/lib/auth/api-tokens";
import { requireCaller } from "@/lib/auth/resolve-caller";

export const DELETE = apiRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const caller = await requireCaller(request);
  await revokeApiToken(caller.id, (await params).id);
  return new NextResponse(null, { status: 204 });
});
