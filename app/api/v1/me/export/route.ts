import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/respond";
import { exportMyData } from "@/lib/auth/account";
import { requireCaller } from "@/lib/auth/resolve-caller";

export const GET = apiRoute(async (request) => {
  const caller = await requireCaller(request);
  return NextResponse.json(await exportMyData(caller.id), {
    headers: { "Content-Disposition": 'attachment; filename="my-agenda-planner-data.json"', "Cache-Control": "no-store" },
  });
});
