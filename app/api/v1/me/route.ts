import { NextResponse } from "next/server";
import { z } from "zod";
import { readJson } from "@/lib/api/read-json";
import { apiRoute } from "@/lib/api/respond";
import { deleteAccount, renameUser } from "@/lib/auth/account";
import { ZDisplayName } from "@/lib/auth/credentials-schema";
import { requireCaller } from "@/lib/auth/resolve-caller";

export const GET = apiRoute(async (request) => {
  const { id, email, name, role } = await requireCaller(request);
  return NextResponse.json({ id, email, name, role });
});

export const PATCH = apiRoute(async (request) => {
  const caller = await requireCaller(request);
  const { name } = await readJson(request, z.object({ name: ZDisplayName }));
  await renameUser(caller.id, name);
  return NextResponse.json({ id: caller.id, email: caller.email, name, role: caller.role });
});

export const DELETE = apiRoute(async (request) => {
  const caller = await requireCaller(request);
  await deleteAccount(caller.id);
  return new NextResponse(null, { status: 204 });
});
