import { NextResponse } from "next/server";
import { readJson } from "@/lib/api/read-json";
import { apiRoute } from "@/lib/api/respond";
import { requireCaller } from "@/lib/auth/resolve-caller";
import { ZUserSettings, getUserSettings, updateUserSettings } from "@/lib/auth/user-settings";

export const GET = apiRoute(async (request) => {
  const caller = await requireCaller(request);
  return NextResponse.json(await getUserSettings(caller.id));
});

export const PATCH = apiRoute(async (request) => {
  const caller = await requireCaller(request);
  const patch = await readJson(request, ZUserSettings.partial());
  return NextResponse.json(await updateUserSettings(caller.id, patch));
});
