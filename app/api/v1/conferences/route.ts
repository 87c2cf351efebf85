import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/respond";
import { listConferences } from "@/lib/program/list-conferences";

export const GET = apiRoute(async () => {
  const conferences = await listConferences();
  return NextResponse.json({
    conferences: conferences.map((c) => ({
      slug: c.slug,
      title: c.title,
      timeZone: c.timeZone,
      start: c.start?.toISOString() ?? null,
      end: c.end?.toISOString() ?? null,
      sessionCount: c.sessionCount,
    })),
  });
});
