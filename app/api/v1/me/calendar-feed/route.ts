import { NextResponse } from "next/server";
import { z } from "zod";
import { readJson } from "@/lib/api/read-json";
import { apiRoute } from "@/lib/api/respond";
import { requireCaller } from "@/lib/auth/resolve-caller";
import { createCalendarFeed, findCalendarFeed } from "@/lib/calendar/calendar-feed-tokens";

/** Whether a feed exists: its URL cannot be shown again, since only its hash is kept. */
export const GET = apiRoute(async (request) => {
  const caller = await requireCaller(request);
  const feed = await findCalendarFeed(caller.id);
  return NextResponse.json({ feed: feed === null ? null : { createdAt: feed.createdAt.toISOString() } });
});

/** A new subscription URL; the previous one, if any, answers 404 from now on. */
export const POST = apiRoute(async (request) => {
  const caller = await requireCaller(request);
  await readJson(request, z.object({}));
  return NextResponse.json(await createCalendarFeed(caller.id), { status: 201 });
});
