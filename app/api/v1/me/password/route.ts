import { NextResponse } from "next/server";
import { z } from "zod";
import { readJson } from "@/lib/api/read-json";
import { apiRoute } from "@/lib/api/respond";
import { changePassword } from "@/lib/auth/account";
import { requireCaller } from "@/lib/auth/resolve-caller";

const ZChange = z.object({ currentPassword: z.string().default(""), newPassword: z.string() });

export const PUT = apiRoute(async (request) => {
  const caller = await requireCaller(request);
  const body = await readJson(request, ZChange);
  await changePassword(caller.id, body.currentPassword, body.newPassword);
  return new NextResponse(null, { status: 204 });
});
