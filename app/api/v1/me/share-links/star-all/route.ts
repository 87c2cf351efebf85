import { NextResponse } from "next/server";
import { z } from "zod";
import { readJson } from "@/lib/api/read-json";
import { apiRoute } from "@/lib/api/respond";
import { requireCaller } from "@/lib/auth/resolve-caller";
import { starSharedAgenda } from "@/lib/sharing/shared-agenda";

const ZStarAll = z.object({
  share: z.string({ error: "share must be the share link or its token" }).trim().min(1, "share is empty").max(2000),
});

/** Stars, in the caller's agenda, every session of a shared agenda; `share` is the link or its token. */
export const POST = apiRoute(async (request) => {
  const caller = await requireCaller(request);
  const { share } = await readJson(request, ZStarAll);
  return NextResponse.json(await starSharedAgenda(caller.id, share));
});
