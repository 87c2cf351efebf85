import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/respond";
import { dismissChange } from "@/lib/agenda/resolve-conflicts";
import { requireCaller } from "@/lib/auth/resolve-caller";

export const POST = apiRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const caller = await requireCaller(request);
  await dismissChange(caller.id, (await params).id);
  return new NextResponse(null, { status: 204 });
});
