import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute } from "@/lib/api/respond";
import { requireCaller } from "@/lib/auth/resolve-caller";
import { ZId } from "@/lib/sharing/route-input";
import { deleteShareLink } from "@/lib/sharing/share-links";

export const DELETE = apiRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const caller = await requireCaller(request);
  const { id } = z.object({ id: ZId }).parse(await params);
  await deleteShareLink(caller.id, id);
  return new NextResponse(null, { status: 204 });
});
